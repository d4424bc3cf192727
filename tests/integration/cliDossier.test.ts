/** `onebag dossier` as a real process over demo data. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onebagHere } from '../fixtures/cliHere';
import { makeA4Pdf } from '../fixtures/dossierSample';
import { copySetUpDemo } from '../fixtures/demoFolder';

let tmp: string;
let dataDir: string;

/** Runs `tsx main/cli/index.ts --data TMP …` as a real process. */
const cli = (...args: string[]) => onebagHere(dataDir, args);

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'onebag-clidossier-'));
  dataDir = path.join(tmp, 'data');
  await copySetUpDemo(dataDir); // the demo county with first run complete, prepared once per run
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('onebag dossier', () => {
  it('prints one cadre, with --pdfa', async () => {
    const { idNumber } = JSON.parse((await cli('cadres', '--json')).stdout)[0] as { idNumber: string };
    const out = path.join(tmp, 'one.pdf');
    const r = await cli('dossier', '--cadre', idNumber, '--year', '2024', '--out', out, '--pdfa');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const pages = Number(/共 (\d+) 页/.exec(r.stdout)![1]);
    expect(execFileSync('pdfinfo', [out], { encoding: 'utf8' })).toContain(`Pages:           ${pages}`);
    expect(fs.readFileSync(out).subarray(0, 8).toString('latin1')).toBe('%PDF-1.4');
  });

  it('prints a county with progress lines and a summary', async () => {
    const out = path.join(tmp, 'county');
    const r = await cli('dossier', '--county', '岚川县', '--year', '2024', '--out', out);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\[1\] \S+：\d+ 页 →/);
    expect(r.stdout).toMatch(/完成：20\/20 人，共 \d+ 页/);
    expect(r.stdout).toContain('案卷目录');
    expect(fs.readdirSync(out)).toHaveLength(21);
  });

  it('warns on stderr about characters no font has, naming the material and field', async () => {
    const { idNumber } = JSON.parse((await cli('cadres', '--json')).stdout)[1] as { idNumber: string };
    const pdf = path.join(tmp, 'report.pdf');
    await makeA4Pdf(pdf, 1);
    const title = '驻村工作点赞👍汇报';
    expect((await cli('attach', '--cadre', idNumber, '--category', '工作汇报', '--title', title, '--date', '2024-11-30', pdf)).code).toBe(
      0,
    );
    const r = await cli('dossier', '--cadre', idNumber, '--year', '2024', '--out', path.join(tmp, 'emoji.pdf'));
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`警告：缺字：“${title}”的题名中有表情符号“👍”（U+1F44D）`);
    expect(r.stdout).not.toContain('缺字');
  });

  it('refuses bad input in Chinese', async () => {
    const r = await cli('dossier', '--county', '不存在县', '--year', '2024', '--out', path.join(tmp, 'x'));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('找不到县（市、区）“不存在县”');
    const u = await cli('dossier', '--year', '2024', '--out', 'x.pdf');
    expect(u.code).toBe(2);
    expect(u.stderr).toContain('二选一');
    const y = await cli('dossier', '--county', '岚川县', '--year', '24', '--out', 'x');
    expect(y.code).toBe(2);
  });
});
