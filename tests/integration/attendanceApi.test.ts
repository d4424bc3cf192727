/**
 * The attendance channels through the ONE handler table (dispatch validates input and wraps
 * results) over a real SQLite file and blob store in a temp dir: grid, edits with undo,
 * certification with a staged scan filed into every bag, the lock, revocation, history,
 * leave with proof, settings and holidays.
 */
import fs from 'node:fs';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenCore } from '../../main/api/open';
import { handlerCalls } from '../fixtures/handlerCalls';
import { insertPeople, insertPlaces, insertPosting } from '../fixtures/sqlRows';
import { closeTestCore, openTestCore } from '../fixtures/testDb';

let dir: string;
let core: OpenCore;
const ids = { county: 0, t1: 0, v1: 0, zhang: 0, li: 0, wang: 0 };
const MONTH = '2025-03';

const { ok, refusal: refused, stage } = handlerCalls(() => core);

async function pdf(text: string): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage([842, 595]).drawText(text, { x: 40, y: 500, size: 18, font });
  return Buffer.from(await doc.save());
}

const count = (sql: string, ...args: unknown[]) => (core.ctx.db.prepare(sql).get(...args) as { n: number }).n;

beforeAll(() => {
  ({ dir, core } = openTestCore('attapi'));
  const { db } = core.ctx;
  Object.assign(ids, insertPlaces(db, { county: '义县', t1: '义县/七里河镇', v1: '义县/七里河镇/北村' }));
  // Calendar days count in these grids (the county setting); rest days: attendanceCertified.test.ts.
  db.prepare(`INSERT INTO county_settings (county_id, settings, updated_at) VALUES (?, '{"restDaysCount":true}', ?)`).run(
    ids.county,
    new Date().toISOString(),
  );
  Object.assign(ids, insertPeople(db, { zhang: '张三', li: ['李四', '驻村工作队员'], wang: ['王五', '乡镇党委第一副书记'] }));
  insertPosting(db, ids.zhang, ids.t1, ids.v1, '2024-06-01', null);
  insertPosting(db, ids.li, ids.t1, ids.v1, '2025-03-16', null);
  insertPosting(db, ids.wang, ids.t1, null, '2024-01-01', null);
});

afterAll(() => closeTestCore(core, dir));

describe('attendance channels through dispatch', () => {
  it('serves the month grid with rows, days and counts; a bad month is refused in Chinese', async () => {
    const g = await ok('attendance.grid', { townshipId: ids.t1, month: MONTH });
    expect(g.townshipName).toBe('七里河镇');
    expect(g.days).toHaveLength(31);
    expect(g.rows.map((r) => r.name)).toEqual(['王五', '张三', '李四']);
    const li = g.rows.find((r) => r.name === '李四')!;
    expect(li.cells[0]).toEqual(['未到任', '未到任']);
    expect(li.counts.postedDays).toBe(16);
    expect(g.certification).toBeNull();
    expect((await refused('attendance.grid', { townshipId: ids.t1, month: '2025-13' })).message).toBe('月份格式应为 YYYY-MM');
  });

  it('edits cells and undoes them with the returned payload', async () => {
    const r = await ok('attendance.setCells', {
      townshipId: ids.t1,
      month: MONTH,
      edits: ['2025-03-03', '2025-03-04', '2025-03-05'].map((date) => ({ cadreId: ids.zhang, date, code: '事假' as const })),
    });
    expect(r.changed).toBe(6);
    expect(r.rows[0]!.counts.onPost).toBe(28);
    expect(r.rows[0]!.counts.leaveByType.事假).toBe(3);
    const back = await ok('attendance.setCells', { townshipId: ids.t1, month: MONTH, edits: r.undo });
    expect(back.rows[0]!.counts.onPost).toBe(31);
    // Redo, then one half day of 缺勤 for 王五.
    await ok('attendance.setCells', { townshipId: ids.t1, month: MONTH, edits: back.undo });
    await ok('attendance.setCells', {
      townshipId: ids.t1,
      month: MONTH,
      edits: [{ cadreId: ids.wang, date: '2025-03-10', half: '下', code: '缺勤' }],
    });
    const g = await ok('attendance.grid', { townshipId: ids.t1, month: MONTH });
    expect(g.rows.find((x) => x.name === '王五')!.cells[9]).toEqual(['在岗', '缺勤']);
    expect(g.rows.find((x) => x.name === '王五')!.counts.absent).toBe(0.5);
    const outside = await refused('attendance.setCells', {
      townshipId: ids.t1,
      month: MONTH,
      edits: [{ cadreId: ids.li, date: '2025-03-02', code: '缺勤' }],
    });
    expect(outside.message).toContain('不在本乡镇任职期内');
  });

  it('refuses a certification with a bad form or a non-scan file and changes nothing', async () => {
    const materialsBefore = count('SELECT COUNT(*) AS n FROM materials');
    const token = await stage('七里河镇3月考勤表.pdf', await pdf('signed register'));
    const base = {
      townshipId: ids.t1,
      month: MONTH,
      secretaryName: '孙书记',
      certifiedOn: '2025-04-03',
      sealApplied: true,
      scanToken: token,
    };
    expect((await refused('attendance.certify', { ...base, sealApplied: false })).message).toContain('加盖乡镇党委公章');
    expect((await refused('attendance.certify', { ...base, secretaryName: ' ' })).message).toContain('乡镇党委书记姓名');
    expect((await refused('attendance.certify', { ...base, certifiedOn: '2025-02-20' })).message).toBe('认定日期不能早于2025年3月');
    const text = await stage('说明.txt', Buffer.from('这不是扫描件', 'utf8'));
    expect((await refused('attendance.certify', { ...base, scanToken: text })).message).toContain('不是 PDF 或图片');
    expect(count('SELECT COUNT(*) AS n FROM attendance_certifications')).toBe(0);
    expect(count('SELECT COUNT(*) AS n FROM materials')).toBe(materialsBefore);
    // The staged scan survives the refusals: the clerk corrects the form and certifies.
    // Every warning shown before sealing is confirmed one by one.
    const warnings = await ok('attendance.certify.warnings', { townshipId: ids.t1, month: MONTH });
    expect((await refused('attendance.certify', base)).message).toContain('认定前须逐条确认');
    const confirmations = warnings.map((w) => ({ key: w.key, ...(w.needsNote ? { note: '已核实原因' } : {}) }));
    const done = await ok('attendance.certify', { ...base, confirmations });
    expect(done.filed).toBe(3);
    expect(done.certification.secretaryName).toBe('孙书记');
    expect(fs.existsSync(core.staging.pathOf(token))).toBe(false);
  });

  it('files the scan under 月考勤登记表 in each cadre bag and locks the month', async () => {
    const g = await ok('attendance.grid', { townshipId: ids.t1, month: MONTH });
    expect(g.certification?.secretaryName).toBe('孙书记');
    expect(g.scan?.kind).toBe('pdf');
    expect(fs.existsSync(core.blobs.pathOf(g.scan!.sha256))).toBe(true);
    for (const cadreId of [ids.zhang, ids.li, ids.wang]) {
      const bag = await ok('bag.list', { cadreId });
      const reg = bag.filter((m) => m.category === '月考勤登记表');
      expect(reg).toHaveLength(1);
      expect(reg[0]!.title).toBe('七里河镇选派干部2025年3月考勤登记表（签字盖章）');
      expect(reg[0]!.date).toBe('2025-04-03');
      expect(reg[0]!.files[0]!.sha256).toBe(g.scan!.sha256);
    }
    const hits = await ok('search.global', { q: '考勤登记表' });
    expect(hits.materials.length).toBe(3);
    const locked = await refused('attendance.setCells', {
      townshipId: ids.t1,
      month: MONTH,
      edits: [{ cadreId: ids.zhang, date: '2025-03-20', code: '缺勤' }],
    });
    expect(locked.code).toBe('CONFLICT');
    expect(locked.message).toBe('该月考勤已由乡镇党委认定，修改前须先撤销认定并说明原因');
    const again = await refused('attendance.certify', {
      townshipId: ids.t1,
      month: MONTH,
      secretaryName: '孙书记',
      certifiedOn: '2025-04-03',
      sealApplied: true,
      scanToken: 'f'.repeat(32),
    });
    expect(again.message).toContain('如需重新认定，须先撤销原认定');
  });

  it('revokes with a reason, marks the bag entries, allows the edit, and shows it all in the history', async () => {
    expect((await refused('attendance.revoke', { townshipId: ids.t1, month: MONTH, reason: '错' })).message).toContain('不少于4个字');
    expect((await ok('attendance.grid', { townshipId: ids.t1, month: MONTH })).certification).not.toBeNull();
    // A clerk rewrites the note of one filed register: revocation still finds every filed entry.
    const filed = (await ok('bag.list', { cadreId: ids.zhang })).find((m) => m.category === '月考勤登记表')!;
    const { category, title, date, year, responsible, docNumber, secrecy } = filed;
    await ok('bag.update', {
      id: filed.id,
      material: { category, title, date, year, responsible, docNumber, secrecy, notes: '原件存乡镇党委办公室' },
    });
    await ok('attendance.revoke', { townshipId: ids.t1, month: MONTH, reason: '张三3月20日实为缺勤，纸质表漏记' });
    for (const cadreId of [ids.zhang, ids.li, ids.wang]) {
      const reg = (await ok('bag.list', { cadreId })).find((m) => m.category === '月考勤登记表')!;
      expect(reg.title).toBe('七里河镇选派干部2025年3月考勤登记表（签字盖章）（认定已撤销）');
      expect(reg.notes).toContain('原因：张三3月20日实为缺勤，纸质表漏记');
      expect(reg.notes).not.toContain('考勤认定第');
    }
    const edited = (await ok('bag.list', { cadreId: ids.zhang })).find((m) => m.category === '月考勤登记表')!;
    expect(edited.notes).toMatch(/^原件存乡镇党委办公室；该认定已于\d{4}年\d{1,2}月\d{1,2}日撤销，原因：/);
    await ok('attendance.setCells', {
      townshipId: ids.t1,
      month: MONTH,
      edits: [{ cadreId: ids.zhang, date: '2025-03-20', code: '缺勤' }],
    });
    const h = await ok('attendance.history', { townshipId: ids.t1, month: MONTH });
    const labels = h.map((e) => e.actionLabel);
    expect(labels.slice(-3)).toEqual(['认定', '撤销认定', '修改考勤']);
    expect(h.at(-2)!.summary).toContain('原因：张三3月20日实为缺勤');
    expect(h.at(-1)!.summary).toContain('张三 3月20日全天 在岗→缺勤');
    expect(h.every((e) => e.operator === '组织部刘干事')).toBe(true);
  });

  it('adds leave with a proof file and an approver in one go; the grid is filled and the level shown', async () => {
    const proof = await stage('病假证明.pdf', await pdf('sick note'));
    const l = await ok('attendance.leave.add', {
      cadreId: ids.li,
      type: '病假',
      start: '2025-03-24',
      startHalf: '下',
      end: '2025-03-28',
      endHalf: '上',
      reason: '住院治疗',
      approver: '县委组织部周部长',
      approverLevel: '县委组织部',
      proofToken: proof,
    });
    expect(l.days).toBe(4);
    expect(l.status).toBe('已批准');
    expect(l.requiredLevel).toBe('县委组织部');
    expect(l.approvalLevel).toBe('县委组织部');
    expect(l.proofSha256).toMatch(/^[0-9a-f]{64}$/);
    const g = await ok('attendance.grid', { townshipId: ids.t1, month: MONTH });
    const li = g.rows.find((r) => r.name === '李四')!;
    expect(li.cells[23]).toEqual(['在岗', '病假']);
    expect(li.counts.leaveByType.病假).toBe(4);
    const list = await ok('attendance.leave.list', { townshipId: ids.t1, month: MONTH });
    expect(list.map((x) => x.cadreName)).toEqual(['李四']);
    const back = await ok('attendance.leave.return', { leaveId: l.id, returnedOn: '2025-03-27', returnedHalf: '上' });
    expect(back.status).toBe('已销假');
    const g2 = await ok('attendance.grid', { townshipId: ids.t1, month: MONTH });
    expect(g2.rows.find((r) => r.name === '李四')!.counts.leaveByType.病假).toBe(2.5);
    // A pending request, then refused; a missing reason is refused in Chinese.
    const p = await ok('attendance.leave.add', {
      cadreId: ids.zhang,
      type: '事假',
      start: '2025-03-10',
      startHalf: '上',
      end: '2025-03-10',
      endHalf: '下',
      reason: '家中有事',
    });
    expect(p.requiredLevel).toBe('乡镇党委');
    expect((await ok('attendance.leave.reject', { leaveId: p.id, approver: '孙书记' })).status).toBe('未批准');
    expect(
      (
        await refused('attendance.leave.add', {
          cadreId: ids.zhang,
          type: '事假',
          start: '2025-03-11',
          startHalf: '上',
          end: '2025-03-11',
          endHalf: '下',
          reason: '',
        })
      ).message,
    ).toBe('请填写请假事由');
  });

  it('reads and changes the county attendance rules (versioned) and the holiday calendar', async () => {
    expect((await ok('rules.get', { countyId: ids.county, year: 2025 })).settings).toMatchObject({
      gongchuCountsOnPost: true,
      monthlyMinimum: 20,
      leaveTownshipMaxDays: 3,
    });
    const s = await ok('rules.set', { countyId: ids.county, year: 2025, patch: { leaveTownshipMaxDays: 5, monthlyMinimum: 22 } });
    expect(s.settings).toMatchObject({ gongchuCountsOnPost: true, monthlyMinimum: 22, leaveTownshipMaxDays: 5 });
    expect((await refused('rules.set', { countyId: ids.county, year: 2025, patch: { monthlyMinimum: 40 } })).message).toBe(
      '每月最少在岗天数不能超过31天',
    );
    const g = await ok('attendance.grid', { townshipId: ids.t1, month: MONTH });
    expect(g.settings.monthlyMinimum).toBe(22);
    const holidays = await ok('attendance.holidays.list', { year: 2025 });
    expect(holidays.some((h) => h.name === '春节')).toBe(true);
    await ok('attendance.holidays.set', { date: '2025-03-12', kind: 'holiday', name: '植树节' });
    const g2 = await ok('attendance.grid', { townshipId: ids.t1, month: MONTH });
    expect(g2.days[11]!.holiday).toBe('植树节');
    await ok('attendance.holidays.delete', { date: '2025-03-12' });
    expect((await refused('attendance.holidays.delete', { date: '2025-03-12' })).message).toBe('该日期不在节假日安排中');
  });
});
