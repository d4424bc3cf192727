/** Importing handed-in logs: real .docx made with `docx` and real .xlsx made with exceljs, previewed then committed on a real SQLite file. */
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listEntries } from '../../main/core/worklog/entries';
import { commitImport, previewImport } from '../../main/core/worklog/import';
import { type Db } from '../../main/store/db';
import { AppError } from '../../shared/result';
import { docx as plainDocx, zip } from '../fixtures/makeFiles';
import { closeTestDb, openTestDb } from '../fixtures/testDb';

let dir: string;
let db: Db;
let cadre = 0;
const TODAY = '2025-06-20';

async function write(name: string, buf: Buffer | Promise<Buffer>): Promise<string> {
  const p = path.join(dir, name);
  fs.writeFileSync(p, await buf);
  return p;
}

const wordLog = () =>
  Packer.toBuffer(
    new Document({
      sections: [
        {
          children: [
            new Paragraph({ text: '2025年民情日记', heading: HeadingLevel.HEADING_1, alignment: AlignmentType.CENTER }),
            new Paragraph({
              children: [new TextRun({ text: '3月5日', bold: true }), new TextRun('（星期三）入户走访脱贫户王大爷，了解春耕备耕情况。')],
            }),
            new Paragraph('地点：石门村三组　走访对象：王大爷、李二婶'),
            new Paragraph('困难：化肥价格上涨，资金不足。'),
            new Paragraph('下步打算：联系县农资公司团购化肥。'),
            new Paragraph('3月8日 召开村两委会议，研究村集体经济发展项目。'),
            new Paragraph('参加人员：村两委成员7人'),
            new Paragraph('2025年3月12日 慰问困难党员3户，送去米面油。'),
            new Paragraph('2025年7月1日 预先写好的日志'),
          ],
        },
      ],
    }),
  );

beforeAll(() => {
  ({ dir, db } = openTestDb('wlimport'));
  const now = new Date().toISOString();
  const county = db.prepare(`INSERT INTO counties (name, kind) VALUES ('岚川县', '县')`).run().lastInsertRowid;
  const t = db.prepare(`INSERT INTO townships (county_id, name) VALUES (?, '石门镇')`).run(county).lastInsertRowid;
  cadre = Number(
    db
      .prepare(
        `INSERT INTO cadres (name, gender, id_number, party_status, level, post_type, created_at, updated_at)
         VALUES ('张三', '男', '110101199001011234', '中共党员', '县级', '村党组织第一书记', ?, ?)`,
      )
      .run(now, now).lastInsertRowid,
  );
  db.prepare('INSERT INTO postings (cadre_id, township_id, start) VALUES (?, ?, ?)').run(cadre, t, '2025-03-06');
});
afterAll(() => {
  closeTestDb(db, dir);
});

describe('a Word log', () => {
  it('previews the split with fields, kinds and problems, saving nothing', async () => {
    const file = await write('民情日记.docx', wordLog());
    const p = await previewImport(db, cadre, file, 2024, TODAY);
    expect(p.format).toBe('docx');
    expect(p.problems).toEqual([]);
    expect(p.entries.map((e) => [e.where, e.date, e.kind])).toEqual([
      ['第2段', '2025-03-05', '走访'],
      ['第6段', '2025-03-08', '会议'],
      ['第8段', '2025-03-12', '帮扶'],
      ['第9段', '2025-07-01', '其他'],
    ]);
    expect(p.entries[0]).toMatchObject({
      place: '石门村三组',
      persons: '王大爷、李二婶',
      situation: '入户走访脱贫户王大爷，了解春耕备耕情况。',
      difficulties: '化肥价格上涨，资金不足。',
      followUp: '联系县农资公司团购化肥。',
    });
    expect(p.entries[0]!.warnings).toEqual(['该日期不在任职期内']);
    expect(p.entries[1]!.persons).toBe('村两委成员7人');
    expect(p.entries[3]!.errors).toEqual(['日期2025-07-01晚于今天，不能记录将来的日志']);
    expect(p.ready).toBe(3);
    expect(listEntries(db, cadre, 2025)).toEqual([]);
  });

  it('commits the ready entries in one go and skips them as duplicates the second time', async () => {
    const file = await write('民情日记2.docx', wordLog());
    expect(await commitImport(db, cadre, file, 2025, TODAY)).toEqual({ imported: 3, skipped: 1 });
    expect(listEntries(db, cadre, 2025).map((e) => e.date)).toEqual(['2025-03-05', '2025-03-08', '2025-03-12']);
    const again = await previewImport(db, cadre, file, 2025, TODAY);
    expect(again.ready).toBe(0);
    expect(again.entries[0]!.errors).toEqual(['与已保存的日志相同，将跳过']);
    await expect(commitImport(db, cadre, file, 2025, TODAY)).rejects.toThrow('没有可以导入的日志，请根据预览中的问题修改文件后重试');
    expect(listEntries(db, cadre, 2025)).toHaveLength(3);
  });

  it('reads a log kept as a Word table like a spreadsheet', async () => {
    const cell = (t: string) => new TableCell({ children: [new Paragraph(t)] });
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph('工作日志'),
            new Table({
              rows: [
                new TableRow({ children: ['日期', '工作内容', '地点'].map(cell) }),
                new TableRow({ children: ['2025-04-02', '走访种植大户，了解大棚蔬菜销售', '杏林村'].map(cell) }),
              ],
            }),
          ],
        },
      ],
    });
    const p = await previewImport(db, cadre, await write('表格日志.docx', Packer.toBuffer(doc)), 2025, TODAY);
    expect(p.entries).toEqual([expect.objectContaining({ where: '表格第2行', date: '2025-04-02', kind: '走访', place: '杏林村' })]);
  });

  it('names a Word file with no dated paragraphs, and refuses files that are not logs', async () => {
    const p = await previewImport(db, cadre, await write('会议.docx', plainDocx('会议记录')), 2025, TODAY);
    expect(p.problems.map((x) => x.message)).toEqual(['文件中没有找到以日期开头的日志内容']);
    await expect(previewImport(db, cadre, await write('x.docx', Buffer.from('not a zip')), 2025, TODAY)).rejects.toThrow(
      /只能导入 Word（.docx）或 Excel（.xlsx）/,
    );
    await expect(previewImport(db, cadre, await write('y.zip', zip({ 'a.txt': 'x' })), 2025, TODAY)).rejects.toBeInstanceOf(AppError);
  });
});

describe('a spreadsheet log', () => {
  it('matches columns by name in any order, previews problems per row and commits', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('日志');
    ws.addRow(['张三2025年工作日志']);
    ws.addRow(['走访对象', '日期', '情况', '类型', '困难', '下步打算', '地点']);
    ws.addRow(['刘大娘', new Date(Date.UTC(2025, 3, 10)), '了解医保缴费情况', '走访', '行动不便', '代办医保', '柳河村']);
    ws.addRow(['', '4.11', '村民代表大会议定道路硬化方案', '', '', '', '村部']);
    ws.addRow(['', '2025年4月12日', '对接产业园蘑菇大棚项目', 'X', '', '', '']);
    ws.addRow(['', '四月十三', '走访', '', '', '', '']);
    ws.addRow(['', '2025-04-14', '', '', '', '', '']);
    const file = await write(
      '日志.xlsx',
      wb.xlsx.writeBuffer().then((b) => Buffer.from(b)),
    );
    const p = await previewImport(db, cadre, file, 2025, TODAY);
    expect(p.format).toBe('xlsx');
    expect(p.entries.map((e) => [e.where, e.date, e.kind, e.errors])).toEqual([
      ['第3行', '2025-04-10', '走访', []],
      ['第4行', '2025-04-11', '会议', []],
      ['第5行', '2025-04-12', '项目', []],
      ['第6行', null, '走访', ['日期“四月十三”无法识别']],
      ['第7行', '2025-04-14', '其他', ['请至少填写地点、走访对象或情况中的一项']],
    ]);
    expect(p.entries[0]).toMatchObject({ persons: '刘大娘', difficulties: '行动不便', followUp: '代办医保', place: '柳河村' });
    expect(await commitImport(db, cadre, file, 2025, TODAY)).toEqual({ imported: 3, skipped: 2 });
    expect(
      listEntries(db, cadre, 2025)
        .filter((e) => e.date.startsWith('2025-04-1'))
        .map((e) => e.persons),
    ).toEqual(['刘大娘', '', '']);
  });

  it('reports a sheet without the columns it needs', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').addRow(['姓名', '电话']);
    const file = await write(
      '名单.xlsx',
      wb.xlsx.writeBuffer().then((b) => Buffer.from(b)),
    );
    const p = await previewImport(db, cadre, file, 2025, TODAY);
    expect(p.entries).toEqual([]);
    expect(p.problems[0]!.message).toMatch(/未找到表头/);
  });
});
