/** `onebag dossier` as a real process over demo data. */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');
let tmp: string;
let dataDir: string;

function cli(...args: string[]) {
  const r = spawnSync(TSX, ['main/cli/index.ts', '--data', dataDir, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ONEBAG_DATA: '' }, timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'onebag-clidossier-'));
  dataDir = path.join(tmp, 'data');
  expect(cli('demo').code).toBe(0);
}, 120_000);
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('onebag dossier', () => {
  it('prints one cadre, with --pdfa', () => {
    const id = JSON.parse(cli('cadres', '--json').stdout)[0];
    const idNumber = execFileSync('sqlite3', [path.join(dataDir, 'onebag.sqlite'), `SELECT id_number FROM cadres WHERE id = ${id.id}`], { encoding: 'utf8' }).trim();
    const out = path.join(tmp, 'one.pdf');
    const r = cli('dossier', '--cadre', idNumber, '--year', '2024', '--out', out, '--pdfa');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const pages = Number(/共 (\d+) 页/.exec(r.stdout)![1]);
    expect(execFileSync('pdfinfo', [out], { encoding: 'utf8' })).toContain(`Pages:           ${pages}`);
    expect(fs.readFileSync(out).subarray(0, 8).toString('latin1')).toBe('%PDF-1.4');
  }, 120_000);

  it('prints a county with progress lines and a summary', () => {
    const out = path.join(tmp, 'county');
    const r = cli('dossier', '--county', '岚川县', '--year', '2024', '--out', out);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\[1\] \S+：\d+ 页 →/);
    expect(r.stdout).toMatch(/完成：20\/20 人，共 \d+ 页/);
    expect(r.stdout).toContain('归档文件目录');
    expect(fs.readdirSync(out)).toHaveLength(21);
  }, 120_000);

  it('refuses bad input in Chinese', () => {
    const r = cli('dossier', '--county', '不存在县', '--year', '2024', '--out', path.join(tmp, 'x'));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('找不到县（市、区）“不存在县”');
    const u = cli('dossier', '--year', '2024', '--out', 'x.pdf');
    expect(u.code).toBe(2);
    expect(u.stderr).toContain('二选一');
    const y = cli('dossier', '--county', '岚川县', '--year', '24', '--out', 'x');
    expect(y.code).toBe(2);
  }, 120_000);
});
