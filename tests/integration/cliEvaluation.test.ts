/** `onebag evaluation` as a real process over a real data folder: table, --json, --out, refusals. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore } from '../../main/api/open';
import type { EvaluationJsonRow } from '../../main/cli/commands/evaluation';
import { onebagHere } from '../fixtures/cliHere';
import { buildEvalFixture, scoreAll } from './evaluationFixture';

let tmp: string;
let dataDir: string;
const cli = (...args: string[]) => onebagHere(dataDir, args);

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'onebag-clieval-'));
  dataDir = path.join(tmp, 'data');
  const core = openCore({ dataDir, host: { kind: 'cli', blobUrl: (s) => `blob:${s}` } });
  try {
    scoreAll(core, buildEvalFixture(core), { finalise: true });
  } finally {
    core.close();
  }
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('onebag evaluation', () => {
  it('prints the results with grades, ranks and the reasons', async () => {
    const r = await cli('evaluation', '--county', '义县', '--year', '2024');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('义县2024年度考核结果（驻村干部年度考核方案（一述两评一查），第1版，已定档）');
    expect(r.stdout).toMatch(/张伟\s+东乡\s+村党组织第一书记\s+96\.00\s+2\s+优秀/);
    expect(r.stdout).toMatch(/王芳.*95\.00\s+3\s+称职\s+义县参评11人，优秀比例10%，名额1名/);
    expect(r.stdout).toContain('优秀1人，称职10人，基本称职0人，不称职0人');
  });

  it('--json has stable keys', async () => {
    const r = await cli('evaluation', '--county', '义县', '--year', '2024', '--json');
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as EvaluationJsonRow[];
    expect(rows).toHaveLength(11);
    for (const row of rows)
      expect(Object.keys(row)).toEqual(['name', 'idNumber', 'township', 'postType', 'total', 'grade', 'rank', 'caps', 'quotaNote']);
    const li = rows.find((x) => x.name === '李娜')!;
    expect([li.total, li.grade, li.rank, li.caps]).toEqual([98, '称职', 1, ['本年度督查1次不在岗（达到1次），不得评为优秀']]);
    expect(rows.find((x) => x.name === '王芳')!.quotaNote).toContain('名额已满');
  });

  it('--out writes the A4 landscape table', async () => {
    const out = path.join(tmp, 'out', '义县考核.pdf');
    const r = await cli('evaluation', '--county', '义县', '--year', '2024', '--out', out);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`已生成：${out}（11人，共1页）`);
    expect(execFileSync('pdfinfo', [out], { encoding: 'utf8' })).toMatch(/Page rot:\s+90/);
    expect(execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' })).toContain('义县2024年度选派干部考核结果汇总表');
  });

  it("--cadre prints one cadre's sheet for the personnel file", async () => {
    const out = path.join(tmp, '王芳考核登记表.pdf');
    const r = await cli('evaluation', '--cadre', '110101198805011001', '--year', '2024', '--out', out);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('王芳2024年度考核登记表，共1页');
    const t = execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' });
    expect(t).toContain('2024年度选派干部考核登记表');
    expect(t).toContain('王芳');
    expect((await cli('evaluation', '--cadre', '110101198805011001', '--year', '2024')).code).toBe(2);
  });

  it('refuses an unknown county (exit 1) and bad arguments (exit 2), in Chinese', async () => {
    const unknown = await cli('evaluation', '--county', '无此县', '--year', '2024');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('找不到县（市、区）“无此县”');
    const noScheme = await cli('evaluation', '--county', '义县', '--year', '2023');
    expect(noScheme.code).toBe(1);
    expect(noScheme.stderr).toContain('义县2023年度尚未启用考核方案');
    expect((await cli('evaluation', '--county', '义县')).code).toBe(2);
    const bad = await cli('evaluation', '--county', '义县', '--year', '24');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('年度应为2000至2100之间的四位数字');
    expect((await cli('evaluation', '--county', '义县', '--year', '2024', '--out', path.join(tmp, 'x.txt'))).code).toBe(2);
  });
});
