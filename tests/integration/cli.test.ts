import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeRosterRows, writeRosterXlsx, type RosterRow } from '../fixtures/makeRoster';
import { runOnebag } from '../fixtures/cli';

let tmp: string;
let dataDir: string;

/** Runs `tsx main/cli/index.ts --data TMP …` as a real process. */
const cli = (...args: string[]) => runOnebag(dataDir, args);

const rows = makeRosterRows(3, { seed: 7, county: '青山县', dateStyle: 'iso' });
const badRow: RosterRow = { ...rows[0]!, 姓名: '赵错号', 身份证号: '13070219800101001X' };

async function pdfFile(name: string, pages: number): Promise<string> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < pages; i++) doc.addPage([595, 842]);
  const file = path.join(tmp, name);
  fs.writeFileSync(file, await doc.save());
  return file;
}

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'onebag-cli-'));
  dataDir = path.join(tmp, 'data');
});

afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('onebag CLI', () => {
  it('exits 2 with the Chinese usage on an unknown command or no command', () => {
    const r = cli('frobnicate');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('未知命令：frobnicate');
    expect(r.stderr).toContain('用法：onebag');
    expect(cli().code).toBe(2);
    expect(cli('cadres', '--bogus').code).toBe(2);
  });

  it('import-roster --dry-run reports the bad row and changes nothing', async () => {
    const file = path.join(tmp, '花名册.xlsx');
    await writeRosterXlsx(file, rows, [badRow]);
    const r = cli('import-roster', file, '--dry-run');
    expect(r.code).toBe(1);
    // Header is row 1, three good rows are 2–4: the bad one is row 5.
    expect(r.stdout).toMatch(/第5行 赵错号：.*身份证号/);
    expect(r.stdout).toContain('未做任何修改');
    expect(r.stderr).toMatch(/有 1 行数据有问题/);
    expect(JSON.parse(cli('cadres', '--json').stdout)).toEqual([]);
  });

  it('import-roster imports the good rows, reports the bad one and exits 1', async () => {
    const file = path.join(tmp, '花名册.xlsx');
    const r = cli('import-roster', file);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/第5行 赵错号：[^\n]*\n[\s\S]*导入完成：新增 3 人/);
    expect(r.stderr).toMatch(/有 1 行数据有问题，未导入/);
  });

  it('cadres --json prints stable English keys with the full ID number', () => {
    const r = cli('cadres', '--json');
    expect(r.code).toBe(0);
    const list = JSON.parse(r.stdout) as Array<Record<string, unknown>>;
    expect(list).toHaveLength(3);
    for (const key of ['name', 'idNumber', 'gender', 'county', 'township', 'village', 'postType', 'level', 'unit']) {
      expect(list[0]).toHaveProperty(key);
    }
    expect(list.map((c) => c.idNumber).sort()).toEqual(rows.map((x) => x.身份证号).sort());
    expect(list.every((c) => c.county === '青山县')).toBe(true);

    const human = cli('cadres', '--county', '青山县');
    expect(human.code).toBe(0);
    expect(human.stdout).toContain('姓名');
    expect(human.stdout).toContain(rows[0]!.姓名 as string);
    expect(cli('cadres', '--county', '不存在县').code).toBe(1);
  });

  it('attach files a real PDF and materials --json shows it', async () => {
    const pdf = await pdfFile('2024年度述职报告.pdf', 3);
    const id = rows[0]!.身份证号 as string;
    const r = cli('attach', '--cadre', id, '--category', '工作汇报', '--title', '2024年度述职报告', '--date', '2024-12-30', pdf);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const m = cli('materials', '--cadre', id, '--json');
    expect(m.code).toBe(0);
    const list = JSON.parse(m.stdout);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ title: '2024年度述职报告', category: '工作汇报', date: '2024-12-30', year: 2024 });
    expect(list[0].files).toEqual([
      { name: '2024年度述职报告.pdf', sha256: expect.stringMatching(/^[0-9a-f]{64}$/), kind: 'pdf', pages: 3, size: expect.any(Number) },
    ]);
    const human = cli('materials', '--cadre', id);
    expect(human.stdout).toContain('2024年度述职报告');
  });

  it('attach refuses a corrupt PDF with exit 1, a Chinese message and nothing added', () => {
    const bad = path.join(tmp, '损坏.pdf');
    fs.writeFileSync(bad, '%PDF-1.4\n1 0 obj <<>> garbage without xref');
    const id = rows[1]!.身份证号 as string;
    const r = cli('attach', '--cadre', id, '--category', '会议记录', '--title', '坏文件', bad);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/[\u4e00-\u9fff]/);
    expect(r.stderr).toContain('损坏.pdf');
    expect(JSON.parse(cli('materials', '--cadre', id, '--json').stdout)).toEqual([]);
  });

  it('attach: a category outside the list is a usage error; an unknown cadre is refused', async () => {
    const pdf = await pdfFile('x.pdf', 1);
    const id = rows[0]!.身份证号 as string;
    const r = cli('attach', '--cadre', id, '--category', '杂项', '--title', 'x', pdf);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('材料类别');
    const unknown = cli('attach', '--cadre', '110101199003070017', '--category', '会议记录', '--title', 'x', pdf);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('找不到身份证号');
  });
});
