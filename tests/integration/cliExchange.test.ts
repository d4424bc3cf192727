/**
 * Exchange through the real command line: export (with the printed dossiers and the browsable
 * index), verify, import with the trust prompt, keys and revocation. A byte-modified bundle is
 * refused by verify and import; an untrusted signer is refused without --trust; refusals
 * change nothing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onebagHere } from '../fixtures/cliHere';
import { copySetUpDemo } from '../fixtures/demoFolder';

let tmp: string;
let county: string;
let evaluator: string;
let bundle: string;
let fingerprint = '';
let exported = 0;

const cadreCount = async (dir: string) => (JSON.parse((await onebagHere(dir, ['cadres', '--json'])).stdout) as unknown[]).length;

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'onebag-cli-exchange-'));
  county = path.join(tmp, 'county');
  evaluator = path.join(tmp, 'evaluator');
  await copySetUpDemo(county); // the demo county with first run complete, prepared once per run
  expect((await onebagHere(county, ['keys', '--name', '岚川县委组织部'])).code).toBe(0);
  expect((await onebagHere(evaluator, ['keys', '--name', '市委组织部考核组'])).code).toBe(0);
}, 180_000);

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('onebag export / verify / import / keys', () => {
  it('exports the county with dossiers, index pages and originals, signed', async () => {
    bundle = path.join(tmp, '岚川县-2025.onebag');
    const r = await onebagHere(county, ['export', '--county', '岚川县', '--year', '2025', '--out', bundle]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('整理记录');
    expect(r.stdout).toContain('生成档案PDF');
    // Every cadre posted in 2025 (the demo's 20 and the recalled first secretary's successor), a dossier each.
    const m = /干部 (\d+) 名，记录 \d+ 条，原件 \d+ 个，档案PDF (\d+) 份/.exec(r.stdout)!;
    exported = Number(m[1]);
    expect(exported).toBeGreaterThanOrEqual(20);
    expect(Number(m[2])).toBe(exported);
    fingerprint = /指纹：([0-9A-F]{4}(?:-[0-9A-F]{4}){3})/.exec(r.stdout)![1]!;
    const keys = await onebagHere(county, ['keys']);
    expect(keys.stdout).toContain(`指纹：${fingerprint}`);
    const bytes = fs.readFileSync(bundle);
    // Entry names sit in the zip's directory as UTF-8: the browsable index and the dossiers are there.
    // …and the font the pages fall back to on a machine without Chinese fonts, with its licence.
    for (const name of [
      'records.json',
      'index.html',
      'cadres/1.html',
      'manifest.json',
      'manifest.sig',
      'assets/NotoSansSC-Regular.ttf',
      'assets/NotoSansSC-OFL.txt',
    ])
      expect(bytes.includes(Buffer.from(name))).toBe(true);
    expect(bytes.includes(Buffer.from('dossiers/'))).toBe(true);
  });

  it('an unknown county is refused and no file is written', async () => {
    const r = await onebagHere(county, ['export', '--county', '不存在县', '--year', '2025', '--out', path.join(tmp, 'x.onebag')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('找不到县（市、区）“不存在县”');
    expect(fs.existsSync(path.join(tmp, 'x.onebag'))).toBe(false);
  });

  it('verify prints what the bundle is and who signed it', async () => {
    const r = await onebagHere(evaluator, ['verify', bundle]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('格式版本：1');
    expect(r.stdout).toMatch(/生成程序：OneBag \S+/);
    expect(r.stdout).toContain(`岚川县 2025年度，干部 ${exported} 名`);
    expect(r.stdout).toContain('签名单位：岚川县委组织部');
    expect(r.stdout).toContain(`指纹：${fingerprint}（未知单位）`);
    expect(r.stdout.trim().endsWith('校验通过')).toBe(true);
  });

  it('verify and import refuse a byte-modified bundle, changing nothing', async () => {
    const bad = path.join(tmp, 'modified.onebag');
    const bytes = Buffer.from(fs.readFileSync(bundle));
    const at = Math.floor(bytes.length / 2);
    bytes[at] = bytes[at]! ^ 0xff;
    fs.writeFileSync(bad, bytes);
    const v = await onebagHere(evaluator, ['verify', bad]);
    expect(v.code).toBe(1);
    expect(v.stderr).toMatch(/^错误：\S+/);
    expect(v.stdout).not.toContain('校验通过');
    const i = await onebagHere(evaluator, ['import', bad, '--yes', '--trust']);
    expect(i.code).toBe(1);
    expect(i.stderr).toBe(v.stderr);
    expect(await cadreCount(evaluator)).toBe(0);
    expect((await onebagHere(evaluator, ['keys'])).stdout).toContain('尚未信任任何单位');
  });

  it('import refuses an untrusted signer without --trust and tells the user to phone', async () => {
    const r = await onebagHere(evaluator, ['import', bundle, '--yes']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('签名单位：岚川县委组织部');
    expect(r.stdout).toMatch(new RegExp(`干部\\s+${exported}\\s+0\\s+0`));
    expect(r.stderr).toContain(`请通过电话与发送单位核对指纹 ${fingerprint}`);
    expect(r.stderr).toContain('--trust');
    expect(await cadreCount(evaluator)).toBe(0);
  });

  it('imports with --trust, then a second import reports 无变化', async () => {
    const r = await onebagHere(evaluator, ['import', bundle, '--yes', '--trust']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`已信任：岚川县委组织部（指纹 ${fingerprint}）`);
    expect(r.stdout).toMatch(/已导入：新增 \d+，更新 0/);
    expect(await cadreCount(evaluator)).toBe(exported);
    expect((await onebagHere(evaluator, ['check'])).code).toBe(0);

    const again = await onebagHere(evaluator, ['import', bundle, '--yes']);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(`指纹：${fingerprint}（已信任）`);
    expect(again.stdout).toContain('无变化');
    expect(await cadreCount(evaluator)).toBe(exported);
  });

  it('the evaluator cannot re-export the imported county but can send a review back', async () => {
    const refused = await onebagHere(evaluator, [
      'export',
      '--county',
      '岚川县',
      '--year',
      '2025',
      '--out',
      path.join(tmp, 'again.onebag'),
      '--no-dossiers',
    ]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('评审副本');
    const review = path.join(tmp, 'review.onebag');
    const r = await onebagHere(evaluator, ['review-export', '--county', '岚川县', '--year', '2025', '--out', review]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('已导出评审结果');
    const v = await onebagHere(county, ['verify', review]);
    expect(v.code).toBe(0);
    expect(v.stdout).toContain('评审结果');
    expect(v.stdout).toContain('签名单位：市委组织部考核组');
  });

  it('keys lists the trusted department; --revoke makes its bundles refused again', async () => {
    const list = await onebagHere(evaluator, ['keys']);
    expect(list.stdout).toContain('本单位：市委组织部考核组');
    expect(list.stdout).toMatch(new RegExp(`岚川县委组织部\\s+${fingerprint}.*已信任`));
    const revoked = await onebagHere(evaluator, ['keys', '--revoke', fingerprint]);
    expect(revoked.code).toBe(0);
    expect(revoked.stdout).toContain(`已撤销信任：岚川县委组织部（指纹 ${fingerprint}）`);
    expect((await onebagHere(evaluator, ['verify', bundle])).stdout).toContain(`指纹：${fingerprint}（已撤销）`);
    const r = await onebagHere(evaluator, ['import', bundle, '--yes']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('已被撤销信任');
  });
});
