/** Work log and reports on a real SQLite file: batch save, refusals that change nothing, Chinese search, reports filed in the bag, overdue alerts. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listMaterials, removeMaterial } from '../../main/core/bag/bag';
import { setSetting } from '../../main/core/runtime/settings';
import { worklogAlerts } from '../../main/core/worklog/alerts';
import { listEntries, removeEntry, removeEntryFile, saveEntries } from '../../main/core/worklog/entries';
import {
  listReports,
  setReportDue,
  setReportSettings,
  submitWithFile,
  submitWithMaterial,
  unsubmit,
} from '../../main/core/worklog/reports';
import { searchEntries } from '../../main/core/worklog/search';
import { BlobStore } from '../../main/files/blobStore';
import { openDatabase, type Db } from '../../main/store/db';
import { AppError } from '../../shared/result';
import { pdfLibPdf } from '../fixtures/makeFiles';
import { insertCadre, insertCounty, insertPosting, insertTownship } from '../fixtures/sqlRows';
import { expectAppErrorAsync } from '../fixtures/appError';

let dir: string;
let db: Db;
let blobs: BlobStore;
const ids = { county: 0, t1: 0, t2: 0, zhang: 0, li: 0 };
const TODAY = '2025-06-20';

const addCadre = (name: string, idNumber: string) => insertCadre(db, name, idNumber);
const post = (cadre: number, township: number, start: string, end: string | null) => insertPosting(db, cadre, township, null, start, end);
const count = (table: string) => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;

const refused = (fn: () => unknown, message: string | RegExp) => expectAppErrorAsync(fn, { message });

const row = (date: string, situation: string, extra: Record<string, string> = {}) => ({
  date,
  kind: '走访',
  place: '',
  persons: '',
  situation,
  difficulties: '',
  followUp: '',
  ...extra,
});

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onebag-worklog-'));
  db = openDatabase(dir);
  blobs = new BlobStore(dir);
  setSetting(db, 'operator', '组织部刘干事');
  ids.county = insertCounty(db, '岚川县');
  ids.t1 = insertTownship(db, ids.county, '石门镇');
  ids.t2 = insertTownship(db, ids.county, '柳河乡');
  ids.zhang = addCadre('张三', '110101199001011234');
  ids.li = addCadre('李四', '110101199001012345');
  post(ids.zhang, ids.t1, '2024-03-01', '2025-05-09');
  post(ids.zhang, ids.t2, '2025-05-10', null);
  post(ids.li, ids.t1, '2025-04-01', null);
});
afterAll(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('log entries', () => {
  it('saves a batch in one go, lists the year oldest first and edits in place', async () => {
    const idsSaved = await saveEntries(
      db,
      blobs,
      ids.zhang,
      [
        row('2025-03-06', '召开村两委会议研究春耕', { kind: 'H' }),
        row('2025-03-05', '入户走访低保户王大爷', { place: '石门村三组', persons: '王大爷' }),
        row('2024-12-30', '年底走访慰问困难党员', { kind: '帮' }),
      ],
      [],
      { today: TODAY },
    );
    expect(idsSaved).toHaveLength(3);
    const y2025 = listEntries(db, ids.zhang, 2025);
    expect(y2025.map((e) => [e.date, e.kind])).toEqual([
      ['2025-03-05', '走访'],
      ['2025-03-06', '会议'],
    ]);
    expect(listEntries(db, ids.zhang, 2024).map((e) => e.kind)).toEqual(['帮扶']);
    await saveEntries(db, blobs, ids.zhang, [{ ...row('2025-03-05', '入户走访低保户王大爷，落实医保'), id: y2025[0]!.id }], [], {
      today: TODAY,
    });
    expect(listEntries(db, ids.zhang, 2025)[0]!.situation).toBe('入户走访低保户王大爷，落实医保');
    expect(count('worklog_entries')).toBe(3);
  });

  it('refuses a batch with one bad row, naming it, and saves none of it', async () => {
    const before = count('worklog_entries');
    await refused(
      () => saveEntries(db, blobs, ids.zhang, [row('2025-03-07', '走访'), row('2025-02-30', '走访')], [], { today: TODAY }),
      '第2条：日期“2025-02-30”无法识别，请写成 2025-03-05',
    );
    await refused(
      () => saveEntries(db, blobs, ids.zhang, [row('2025-07-01', '走访')], [], { today: TODAY }),
      '第1条：日期2025-07-01晚于今天，不能记录将来的日志',
    );
    await refused(
      () => saveEntries(db, blobs, ids.zhang, [row('2025-03-07', '走访', { kind: '旅游' })], [], { today: TODAY }),
      /第1条：类型“旅游”无法识别/,
    );
    await refused(
      () => saveEntries(db, blobs, ids.zhang, [row('2025-03-07', '')], [], { today: TODAY }),
      '第1条：请至少填写地点、走访对象或情况中的一项',
    );
    const other = listEntries(db, ids.zhang, 2025)[0]!.id;
    await refused(
      () => saveEntries(db, blobs, ids.li, [{ ...row('2025-04-07', '走访'), id: other }], [], { today: TODAY }),
      '第1条：该条日志不属于所选干部',
    );
    expect(count('worklog_entries')).toBe(before);
  });

  it('keeps evidence files per entry; a refused file leaves nothing', async () => {
    const pdf = path.join(dir, '走访照片说明.pdf');
    fs.writeFileSync(pdf, await pdfLibPdf(1));
    const [id] = await saveEntries(db, blobs, ids.li, [row('2025-04-08', '走访种植大户')], [[{ path: pdf, name: '走访照片说明.pdf' }]], {
      today: TODAY,
    });
    const e = listEntries(db, ids.li, 2025).find((x) => x.id === id)!;
    expect(e.files).toEqual([expect.objectContaining({ originalName: '走访照片说明.pdf', mime: 'application/pdf' })]);
    expect(blobs.has(e.files[0]!.sha256)).toBe(true);
    const bad = path.join(dir, 'bad.pdf');
    fs.writeFileSync(bad, '%PDF-1.4 not really');
    const before = count('worklog_entries');
    await expect(
      saveEntries(db, blobs, ids.li, [row('2025-04-09', '走访')], [[{ path: bad, name: 'bad.pdf' }]], { today: TODAY }),
    ).rejects.toBeInstanceOf(AppError);
    expect(count('worklog_entries')).toBe(before);
    expect(removeEntryFile(db, id!, e.files[0]!.sha256).files).toEqual([]);
  });

  it('finds Chinese words anywhere in the logs, newest first, and forgets removed entries', async () => {
    await saveEntries(db, blobs, ids.li, [row('2025-05-02', '协调解决灌溉水渠渗漏问题', { difficulties: '资金缺口' })], [], {
      today: TODAY,
    });
    expect(searchEntries(db, '低保').map((h) => [h.cadreName, h.date])).toEqual([['张三', '2025-03-05']]);
    expect(searchEntries(db, '水渠').map((h) => h.cadreName)).toEqual(['李四']);
    expect(searchEntries(db, '资金').length).toBe(1);
    expect(searchEntries(db, '走访').map((h) => h.date)).toEqual([...searchEntries(db, '走访').map((h) => h.date)].sort().reverse());
    expect(searchEntries(db, '走访', { cadreId: ids.li }).every((h) => h.cadreName === '李四')).toBe(true);
    expect(searchEntries(db, '火箭')).toEqual([]);
    // The owner column never answers a text search.
    expect(searchEntries(db, `c${ids.li}`)).toEqual([]);
    const hit = searchEntries(db, '水渠')[0]!;
    removeEntry(db, hit.id);
    expect(searchEntries(db, '水渠')).toEqual([]);
  });
});

describe('reports', () => {
  it('lists the periods owed across a change of posting with default due dates and status', () => {
    const r = listReports(db, ids.zhang, 2025, TODAY);
    expect(r.map((x) => [x.period, x.dueDate, x.status])).toEqual([
      ['2025-Q1', '2025-04-10', '逾期'],
      ['2025-Q2', '2025-07-10', '待提交'],
      ['2025-H1', '2025-07-15', '待提交'],
      ['2025-Q3', '2025-10-10', '待提交'],
      ['2025-Q4', '2026-01-10', '待提交'],
      ['2025-H2', '2026-01-15', '待提交'],
    ]);
    expect(r[0]!.lateDays).toBe(71);
    // 李四 was posted on 2025-04-01: nothing owed for Q1.
    expect(listReports(db, ids.li, 2025, TODAY)[0]!.period).toBe('2025-Q2');
  });

  it('takes the county default offsets and a due date set for one cadre', () => {
    setReportSettings(db, ids.county, { quarterDueDays: 5, halfDueDays: 20 });
    expect(
      listReports(db, ids.li, 2025, TODAY)
        .map((x) => x.dueDate)
        .slice(0, 2),
    ).toEqual(['2025-07-05', '2025-07-20']);
    setReportSettings(db, ids.county, { quarterDueDays: 10, halfDueDays: 15 });
    const set = setReportDue(db, ids.zhang, '2025-Q1', '2025-06-30');
    expect(set).toMatchObject({ dueDate: '2025-06-30', dueCustom: true });
    expect(listReports(db, ids.zhang, 2025, TODAY)[0]!.status).toBe('待提交');
    expect(() => setReportDue(db, ids.zhang, '2025-Q1', '2025-03-01')).toThrow('报送期限不能早于2025年第一季度结束（2025-03-31）');
    expect(() => setReportDue(db, ids.li, '2025-Q1', '2025-05-01')).toThrow('李四在2025年第一季度不在任职期内，无需报送');
    expect(setReportDue(db, ids.zhang, '2025-Q1', null)).toMatchObject({ dueDate: '2025-04-10', dueCustom: false });
  });

  it('files a report into the bag as 工作汇报 and marks it submitted; removing the material withdraws it', async () => {
    const pdf = path.join(dir, 'q1.pdf');
    fs.writeFileSync(pdf, await pdfLibPdf(2));
    const r = await submitWithFile(db, blobs, ids.zhang, '2025-Q1', { path: pdf, name: '一季度报告.pdf' }, '2025-04-12', undefined, TODAY);
    expect(r).toMatchObject({
      status: '已提交',
      lateDays: 2,
      submittedOn: '2025-04-12',
      materialTitle: '张三2025年第一季度工作进展情况报告',
    });
    const m = listMaterials(db, ids.zhang, 2025).find((x) => x.id === r.materialId)!;
    expect(m).toMatchObject({ category: '工作汇报', date: '2025-04-12' });
    removeMaterial(db, m.id);
    expect(listReports(db, ids.zhang, 2025, TODAY)[0]).toMatchObject({ status: '逾期', materialId: null });
  });

  it('links an existing material of the right category only', async () => {
    const pdf = path.join(dir, 'h1.pdf');
    fs.writeFileSync(pdf, await pdfLibPdf(1));
    const q = await submitWithFile(db, blobs, ids.zhang, '2025-Q1', { path: pdf, name: 'q1.pdf' }, '2025-04-09', '一季度汇报', TODAY);
    expect(q).toMatchObject({ status: '已提交', lateDays: 0, materialTitle: '一季度汇报' });
    expect(() => submitWithMaterial(db, ids.zhang, '2025-H1', q.materialId!, '2025-06-19', TODAY)).toThrow(
      '半年总结应归入“工作总结”类材料，《一季度汇报》属于“工作汇报”',
    );
    expect(() => submitWithMaterial(db, ids.li, '2025-Q2', q.materialId!, '2025-06-19', TODAY)).toThrow('所选材料不在该干部的档案袋中');
    expect(() => submitWithMaterial(db, ids.zhang, '2025-Q2', q.materialId!, '2025-07-19', TODAY)).toThrow('提交日期不能晚于今天');
    const both = submitWithMaterial(db, ids.zhang, '2025-Q2', q.materialId!, '2025-06-19', TODAY);
    expect(both.status).toBe('已提交');
    expect(unsubmit(db, ids.zhang, '2025-Q2').status).not.toBe('已提交');
    expect(count('report_submissions')).toBe(1);
  });

  it('raises 报告逾期 for unsubmitted periods past due, in the township the cadre answered to', () => {
    const a = worklogAlerts(db, { year: 2025, today: '2025-07-20' });
    expect(a.map((x) => [x.cadreName, x.township, x.message])).toEqual([
      ['张三', '柳河乡', '张三2025年上半年半年书面工作总结未报送，报送期限为7月15日，已逾期5天'],
      ['李四', '石门镇', '李四2025年上半年半年书面工作总结未报送，报送期限为7月15日，已逾期5天'],
      ['张三', '柳河乡', '张三2025年第二季度季度工作进展报告未报送，报送期限为7月10日，已逾期10天'],
      ['李四', '石门镇', '李四2025年第二季度季度工作进展报告未报送，报送期限为7月10日，已逾期10天'],
    ]);
    expect(a[0]).toMatchObject({ kind: '报告逾期', severity: 'medium', link: { view: 'worklog', cadreId: ids.zhang, tab: 'reports' } });
    expect(worklogAlerts(db, { year: 2025, today: '2025-07-09' })).toEqual([]);
    expect(worklogAlerts(db, { year: 2025, countyId: ids.county + 99, today: '2025-07-20' })).toEqual([]);
    expect(worklogAlerts(db, { year: 2024, today: '2025-07-20' }).map((x) => x.severity)).toContain('high');
  });

  it('drops a removed cadre’s log from search', () => {
    expect(searchEntries(db, '低保')).toHaveLength(1);
    db.prepare('DELETE FROM cadres WHERE id = ?').run(ids.zhang);
    expect(searchEntries(db, '低保')).toEqual([]);
    expect((db.prepare('SELECT COUNT(*) AS n FROM worklog_fts WHERE worklog_fts MATCH ?').get('"低保"') as { n: number }).n).toBe(0);
  });
});
