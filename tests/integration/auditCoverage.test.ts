/**
 * Every change a clerk makes lands in the audit log with who, what, before and after. One
 * table of steps, each a real call through the ONE handler table on a real data directory,
 * followed by the entity/action its newest audit entry must carry and a field that must show
 * in that entry (changed between before and after for updates). Adding a record kind is one
 * line. Steps run in order and build on each other (a cadre before its bag, and so on).
 *
 * The table covers the contract: every call is recorded, and at the end every channel of
 * shared/api.ts that shared/api/readOnly.ts does not declare read-only must have been called
 * and have written an audit entry, while the declared ones never wrote one and, when they only
 * read, left the database as it was.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore, type OpenCore } from '../../main/api/open';
import { dispatch } from '../../main/core/dispatch';
import { channels, type Channel, type ChannelInput, type ChannelOutput } from '../../shared/api';
import { READ_ONLY_CHANNELS, type ReadOnlyReason } from '../../shared/api/readOnly';
import { diffFields } from '../../shared/audit';
import { entityLabel, hasFieldLabel } from '../../shared/auditLabels';
import { makeIdNumber, ROSTER_HEADERS } from '../fixtures/makeRoster';
import { cellsFor } from './evaluationFixture';

const OPERATOR = '组织部审计测试员';
const YEAR = 2024;
let dir: string;
let core: OpenCore;
/** The evaluating department's data directory, which imports 义县's bundle (exchange steps). */
let reviewer: OpenCore | null = null;

/** Per channel: calls, calls that wrote an audit entry, calls that changed the database. */
const called = new Map<Channel, { calls: number; audited: number; changed: number }>();
const newestOn = (c: OpenCore) => (c.ctx.db.prepare('SELECT COALESCE(MAX(id), 0) AS n FROM audit_log').get() as { n: number }).n;
const changesOn = (c: OpenCore) => (c.ctx.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;

/** Calls a channel the way the renderer does (dispatch parses the input) and records what the call wrote. */
async function okOn<C extends Channel>(on: OpenCore, channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const [entry, changes] = [newestOn(on), changesOn(on)];
  const r = await dispatch(on.handlers, channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
  const seen = called.get(channel) ?? { calls: 0, audited: 0, changed: 0 };
  called.set(channel, {
    calls: seen.calls + 1,
    audited: seen.audited + Number(newestOn(on) > entry),
    changed: seen.changed + Number(changesOn(on) > changes),
  });
  return r.value as ChannelOutput<C>;
}
/** A channel that starts a job: the job writes its entry when it finishes, after the call returned. */
function creditJob(channel: Channel, on: OpenCore, since: number): void {
  if (newestOn(on) > since) called.get(channel)!.audited++;
}
const ok = <C extends Channel>(channel: C, input: ChannelInput<C>) => okOn(core, channel, input);
const reviewed = <C extends Channel>(channel: C, input: ChannelInput<C>) => okOn(reviewer!, channel, input);

/** Stages bytes the way the renderer does: begin, base64 chunk, end (inspected as an attachment). */
async function stage(name: string, bytes: Buffer): Promise<string> {
  const { token } = await ok('staging.begin', { name, size: bytes.length });
  await ok('staging.chunk', { token, data: bytes.toString('base64') });
  await ok('staging.end', { token, purpose: 'attachment' });
  return token;
}

/** Ids the steps hand on to later steps. */
const id: Record<string, number> = {};
const ZHANG_ID = makeIdNumber('110101', '1985-03-01', 11, true);
const cadre = (name: string, idNumber: string, level: '县级' | '市级' = '县级', phone: string | null = '13812345678') => ({
  name,
  gender: '男' as const,
  birthDate: null,
  idNumber,
  partyStatus: '中共党员' as const,
  phone,
  unitId: null,
  level,
  postType: '村党组织第一书记' as const,
});
const material = (title: string, category: '其他佐证材料' | '工作汇报' = '其他佐证材料') => ({
  category,
  title,
  date: '2024-04-05',
  year: YEAR,
  responsible: null,
  docNumber: null,
  secrecy: '公开' as const,
  notes: null,
});

async function pdf(text: string): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage([595, 842]).drawText(text, { x: 40, y: 700, size: 18, font });
  return Buffer.from(await doc.save());
}

const attach = async (title: string, category?: '工作汇报') =>
  (
    await ok('bag.add', {
      cadreId: id.zhang!,
      material: material(title, category),
      files: [await stage(`${title}.pdf`, await pdf(`material ${Date.now()} ${Math.random()}`))],
    })
  ).id;

const event = (title: string) => ({
  event: { townshipId: id.t1!, kind: '重要会议' as const, title, date: '2024-05-10', place: '镇政府', notes: null },
  expected: [{ cadreId: id.zhang!, present: true, absenceReason: null }],
});
const check = (checker: string) => ({
  check: { townshipId: id.t1!, level: '县级' as const, kind: '县级抽查' as const, date: '2024-05-12', checker, findings: null },
  results: [{ cadreId: id.zhang!, onPost: true, reason: null }],
});
const logRow = (place: string, extra: { id?: number } = {}) => ({
  ...extra,
  date: '2024-05-06',
  kind: '走访',
  place,
  persons: '脱贫户',
  situation: '入户走访',
  difficulties: '',
  followUp: '',
  files: [],
});
const plan = (title: string, extra: { id?: number } = {}) => ({
  ...extra,
  cadreId: id.zhang!,
  kind: '年度计划' as const,
  startYear: YEAR,
  title,
  materialId: null,
  items: [],
});
const project = (name: string) => ({
  cadreId: id.zhang!,
  villageId: id.v2!,
  name,
  kind: '产业发展' as const,
  year: YEAR,
  status: '在建' as const,
  funds: [],
  inPark: false,
  notes: null,
});
const policy = (insurer: string, extra: { id?: number } = {}) => ({
  ...extra,
  cadreId: id.zhang!,
  insurer,
  policyNo: 'P-001',
  coverFen: 10_000_000,
  start: '2024-01-01',
  end: '2024-12-31',
});
const pledge = (fundsFen: number) => ({ cadreId: id.zhang!, year: YEAR, responsibility: '包联北村', projects: '', fundsFen, notes: null });
const cy = () => ({ countyId: id.county!, year: YEAR });

function rosterCsv(rows: Array<Partial<Record<(typeof ROSTER_HEADERS)[number], string>>>): Buffer {
  const lines = [ROSTER_HEADERS.join(','), ...rows.map((r) => ROSTER_HEADERS.map((h) => r[h] ?? '').join(','))];
  return Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8');
}

/** A township month sheet as clerks fill it: title row, header 序号/姓名/1日…31日/备注, 张三's marks. */
async function monthSheet(days: Record<number, string>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('5月考勤');
  ws.addRow(['七里河镇2025年5月选派干部考勤表']);
  ws.addRow(['序号', '姓名', ...Array.from({ length: 31 }, (_, i) => `${i + 1}日`), '备注']);
  ws.addRow([1, '张三', ...Array.from({ length: 31 }, (_, d) => days[d + 1] ?? null), '']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The county's village incomes as a sheet (乡镇, 村, income in 元): 北村 of 七里河镇. */
async function incomeSheet(incomeFen: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('村集体经济');
  ws.addRow(['乡镇', '村', '村集体经济收入（元）']);
  ws.addRow(['七里河镇', '北村', incomeFen / 100]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const dayAfter = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** A cadre's work log as a spreadsheet: columns matched by name. */
async function logSheet(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('日志');
  ws.addRow(['日期', '地点', '走访对象', '情况']);
  ws.addRow(['2024-05-20', '北村', '刘大娘', '了解医保缴费情况']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** 义县 as the reviewer imported it. */
const importedCounty = async () => (await reviewed('org.tree', {})).counties.find((c) => c.name === '义县')!;

function openReviewer(): OpenCore {
  reviewer ??= openCore({ dataDir: fs.mkdtempSync(path.join(dir, 'reviewer-')), host: { kind: 'cli', blobUrl: (s) => `blob:${s}` } });
  return reviewer;
}

/** Which of before/after an entry holds; 'none' for acts without a record (an export), 'any' unchecked. */
type Has = 'after' | 'before' | 'both' | 'none' | 'any';
interface Step {
  kind: string;
  /** Without run, the step checks an entry the previous step wrote as a side effect. */
  run?: () => Promise<unknown>;
  /** The data directory the step writes to; by default the county department's. */
  on?: () => OpenCore;
  entity: string;
  action: string;
  /** A top-level field of the stored row(s): changed for 'both', present for the one side otherwise. */
  field?: string | RegExp;
  /** Which of before/after the entry holds; by default from the action. */
  has?: Has;
}

const DEFAULT_HAS: Record<string, Has> = {
  create: 'after',
  attach: 'after',
  finalise: 'after',
  import: 'after',
  update: 'both',
  move: 'both',
  reopen: 'both',
  delete: 'before',
};

const STEPS: Step[] = [
  {
    kind: 'first start',
    entity: 'app',
    action: 'setup',
    has: 'none',
    run: async () => ok('app.setup', { mode: 'empty', operator: OPERATOR }),
  },
  {
    kind: 'operator change',
    entity: 'settings',
    action: 'update',
    field: 'operator',
    run: async () => {
      // Under the new name, so hand over and back: the newest entry is signed by OPERATOR.
      await ok('app.setOperator', { operator: '值班员乙' });
      await ok('app.setOperator', { operator: OPERATOR });
    },
  },
  {
    kind: 'backup interval',
    entity: 'settings',
    action: 'update',
    field: 'backupIntervalHours',
    run: async () => ok('integrity.settings.set', { backupIntervalHours: 12 }),
  },
  {
    kind: 'dossier settings',
    entity: 'dossier_settings',
    action: 'update',
    has: 'after',
    field: 'fonds',
    run: async () => ok('dossier.settings.set', { ...(await ok('dossier.settings.get', {})), fonds: 'A12' }),
  },
  { kind: 'signing key', entity: 'signing_key', action: 'create', has: 'none', run: async () => ok('exchange.identity.get', {}) },
  {
    kind: 'department name',
    entity: 'department',
    action: 'update',
    has: 'any',
    run: async () => ok('exchange.identity.setName', { name: '义县县委组织部' }),
  },
  {
    kind: 'county',
    entity: 'county',
    action: 'create',
    field: 'name',
    run: async () => (id.county = (await ok('org.addCounty', { name: '义县', kind: '县' })).id),
  },
  {
    kind: 'township',
    entity: 'township',
    action: 'create',
    field: 'name',
    run: async () => (id.t1 = (await ok('org.addTownship', { countyId: id.county!, name: '七里河镇' })).id),
  },
  {
    kind: 'village',
    entity: 'village',
    action: 'create',
    field: 'name',
    run: async () => (id.v1 = (await ok('org.addVillage', { townshipId: id.t1!, name: '北村' })).id),
  },
  {
    kind: 'village 2',
    entity: 'village',
    action: 'create',
    field: 'township_id',
    run: async () => (id.v2 = (await ok('org.addVillage', { townshipId: id.t1!, name: '南村' })).id),
  },
  {
    kind: 'unit',
    entity: 'unit',
    action: 'create',
    field: 'level',
    run: async () => ok('org.addUnit', { name: '县财政局', level: '县级' }),
  },
  {
    kind: 'cadre create',
    entity: 'cadre',
    action: 'create',
    field: 'id_number',
    run: async () =>
      (id.zhang = (
        await ok('cadres.create', {
          cadre: cadre('张三', ZHANG_ID),
          posting: { townshipId: id.t1!, villageId: id.v1!, start: '2024-01-01', end: null },
        })
      ).id),
  },
  {
    kind: 'cadre update',
    entity: 'cadre',
    action: 'update',
    field: 'phone',
    run: async () => ok('cadres.update', { id: id.zhang!, cadre: cadre('张三', ZHANG_ID, '县级', '13900000000') }),
  },
  {
    kind: 'cadre delete',
    entity: 'cadre',
    action: 'delete',
    field: 'name',
    run: async () => {
      const c = await ok('cadres.create', { cadre: cadre('李四', makeIdNumber('110101', '1990-07-15', 13, true)), posting: null });
      await ok('cadres.remove', { id: c.id });
    },
  },
  {
    kind: 'posting',
    entity: 'cadre',
    action: 'move',
    field: 'posting',
    run: async () =>
      ok('cadres.addPosting', { cadreId: id.zhang!, posting: { townshipId: id.t1!, villageId: id.v2!, start: '2024-06-01', end: null } }),
  },
  {
    kind: 'roster import (new cadre)',
    entity: 'cadre',
    action: 'import',
    field: 'postings',
    run: async () => {
      const csv = rosterCsv([
        {
          姓名: '王五',
          性别: '男',
          身份证号: makeIdNumber('110101', '1988-02-02', 15, true),
          任职类型: '驻村工作队员',
          '县(市、区)': '乙县',
          乡镇: '东镇',
          村: '东村',
          任职开始: '2024-03-01',
        },
      ]);
      const token = await stage('花名册.csv', csv);
      const { warnings } = await ok('roster.preview', { token });
      await ok('roster.commit', { token, confirmed: warnings.map((w) => w.key) });
    },
  },
  {
    kind: 'roster import (update)',
    entity: 'cadre',
    action: 'import',
    has: 'both',
    field: 'phone',
    run: async () => {
      const row = {
        姓名: '张三',
        性别: '男',
        身份证号: ZHANG_ID,
        联系电话: '13700000000',
        任职类型: '村党组织第一书记',
        '县(市、区)': '义县',
        乡镇: '七里河镇',
        村: '南村',
        任职开始: '2024-06-01',
      };
      const token = await stage('花名册.csv', rosterCsv([row]));
      const { warnings } = await ok('roster.preview', { token });
      await ok('roster.commit', { token, confirmed: warnings.map((w) => w.key) });
    },
  },
  {
    kind: 'material create',
    entity: 'material',
    action: 'attach',
    field: 'title',
    run: async () => (id.material = await attach('三年工作规划')),
  },
  {
    kind: 'material update',
    entity: 'material',
    action: 'update',
    field: 'title',
    run: async () => ok('bag.update', { id: id.material!, material: material('三年工作规划（修订）') }),
  },
  {
    kind: 'material delete',
    entity: 'material',
    action: 'delete',
    field: 'title',
    run: async () => ok('bag.remove', { id: await attach('作废材料') }),
  },
  {
    kind: 'attendance cells',
    entity: 'attendance_month',
    action: 'update',
    field: /2025-03-03/,
    run: async () =>
      ok('attendance.setCells', {
        townshipId: id.t1!,
        month: '2025-03',
        edits: [{ cadreId: id.zhang!, date: '2025-03-03', code: '事假' }],
      }),
  },
  {
    kind: 'attendance settings',
    entity: 'attendance_settings',
    action: 'update',
    field: 'monthlyMinimum',
    run: async () => ok('attendance.settings.set', { countyId: id.county!, patch: { monthlyMinimum: 22 } }),
  },
  {
    kind: 'certification create',
    entity: 'attendance_certification',
    action: 'create',
    field: 'secretary_name',
    run: async () => {
      const scanToken = await stage('考勤表.pdf', await pdf('signed register'));
      // Each warning (事假 without leave, a short month) is confirmed one by one, as the dialog asks.
      const warnings = await ok('attendance.certify.warnings', { townshipId: id.t1!, month: '2025-03' });
      const confirmations = warnings.map((w) => ({ key: w.key, ...(w.needsNote ? { note: '已核实' } : {}) }));
      await ok('attendance.certify', {
        townshipId: id.t1!,
        month: '2025-03',
        secretaryName: '孙书记',
        certifiedOn: '2025-04-03',
        sealApplied: true,
        scanToken,
        confirmations,
      });
    },
  },
  {
    kind: 'certification revoke',
    entity: 'attendance_certification',
    action: 'update',
    field: 'revoked_reason',
    run: async () => ok('attendance.revoke', { townshipId: id.t1!, month: '2025-03', reason: '纸质表漏记一天缺勤' }),
  },
  { kind: 'material marked revoked', entity: 'material', action: 'update', field: 'notes' },
  {
    kind: 'leave create',
    entity: 'leave_request',
    action: 'create',
    field: 'reason',
    run: async () =>
      (id.leave = (
        await ok('attendance.leave.add', {
          cadreId: id.zhang!,
          type: '事假',
          start: '2025-04-07',
          startHalf: '上',
          end: '2025-04-07',
          endHalf: '下',
          reason: '家中有事',
        })
      ).id),
  },
  {
    kind: 'leave approve',
    entity: 'leave_request',
    action: 'update',
    field: 'status',
    run: async () => ok('attendance.leave.approve', { leaveId: id.leave!, approver: '孙书记' }),
  },
  {
    kind: 'leave return',
    entity: 'leave_request',
    action: 'update',
    field: /return/i,
    run: async () => ok('attendance.leave.return', { leaveId: id.leave!, returnedOn: '2025-04-08' }),
  },
  {
    kind: 'leave reject',
    entity: 'leave_request',
    action: 'update',
    field: 'status',
    run: async () => {
      const l = await ok('attendance.leave.add', {
        cadreId: id.zhang!,
        type: '事假',
        start: '2025-04-14',
        startHalf: '上',
        end: '2025-04-14',
        endHalf: '下',
        reason: '家中有事',
      });
      await ok('attendance.leave.reject', { leaveId: l.id, approver: '孙书记' });
    },
  },
  {
    kind: 'attendance import',
    entity: 'attendance_month',
    action: 'update',
    field: /2025-05-06/,
    run: async () =>
      ok('attendance.import.commit', {
        token: await stage('五月考勤.xlsx', await monthSheet({ 6: '事假', 12: '√' })),
        townshipId: id.t1!,
        month: '2025-05',
      }),
  },
  {
    kind: 'holiday create',
    entity: 'holiday',
    action: 'create',
    field: 'name',
    run: async () => ok('attendance.holidays.set', { date: '2025-03-12', kind: 'holiday', name: '植树节' }),
  },
  {
    kind: 'holiday update',
    entity: 'holiday',
    action: 'update',
    field: 'kind',
    run: async () => ok('attendance.holidays.set', { date: '2025-03-12', kind: 'workday', name: '植树节' }),
  },
  {
    kind: 'holiday delete',
    entity: 'holiday',
    action: 'delete',
    field: 'name',
    run: async () => ok('attendance.holidays.delete', { date: '2025-03-12' }),
  },
  {
    kind: 'five-must create',
    entity: 'must_attend_event',
    action: 'create',
    field: 'title',
    run: async () => (id.event = (await ok('events.save', event('镇党委扩大会'))).id),
  },
  {
    kind: 'five-must update',
    entity: 'must_attend_event',
    action: 'update',
    field: 'title',
    run: async () => ok('events.save', { id: id.event!, ...event('镇党委扩大会议') }),
  },
  {
    kind: 'five-must mark',
    entity: 'must_attend_event',
    action: 'update',
    field: 'expected',
    run: async () => ok('events.mark', { eventId: id.event!, marks: [{ cadreId: id.zhang!, present: false, absenceReason: '住院' }] }),
  },
  {
    kind: 'five-must delete',
    entity: 'must_attend_event',
    action: 'delete',
    field: 'title',
    run: async () => ok('events.remove', { id: id.event! }),
  },
  {
    kind: 'check create',
    entity: 'check',
    action: 'create',
    field: 'checker',
    run: async () => (id.check = (await ok('checks.save', check('县委组织部'))).id),
  },
  {
    kind: 'check update',
    entity: 'check',
    action: 'update',
    field: 'checker',
    run: async () => ok('checks.save', { id: id.check!, ...check('县委督查室') }),
  },
  { kind: 'check delete', entity: 'check', action: 'delete', field: 'checker', run: async () => ok('checks.remove', { id: id.check! }) },
  {
    kind: 'check against a certified register',
    entity: 'register_verification',
    action: 'create',
    field: 'finding',
    run: async () => {
      const warnings = await ok('attendance.certify.warnings', { townshipId: id.t1!, month: '2025-05' });
      const confirmations = warnings.map((w) => ({ key: w.key, ...(w.needsNote ? { note: '已核实' } : {}) }));
      const scanToken = await stage('五月考勤表.pdf', await pdf('signed May register'));
      await ok('attendance.certify', {
        townshipId: id.t1!,
        month: '2025-05',
        secretaryName: '孙书记',
        certifiedOn: '2025-06-03',
        sealApplied: true,
        scanToken,
        confirmations,
      });
      const c = check('县委督查室');
      await ok('checks.save', {
        ...c,
        check: { ...c.check, date: '2025-05-12' },
        results: [{ cadreId: id.zhang!, onPost: false, reason: '外出未请假' }],
      });
    },
  },
  {
    kind: 'verification conclude',
    entity: 'register_verification',
    action: 'update',
    field: 'outcome',
    run: async () => {
      const [v] = await ok('verifications.list', { year: 2025, countyId: id.county! });
      await ok('verifications.conclude', {
        id: v!.id,
        explanation: '当日在县里参加培训，有签到表',
        outcome: '不属实',
        concludedOn: '2025-06-20',
      });
    },
  },
  {
    kind: 'worklog create',
    entity: 'worklog',
    action: 'create',
    field: 'place',
    run: async () => (id.log = (await ok('worklog.save', { cadreId: id.zhang!, rows: [logRow('北村')] })).ids[0]!),
  },
  {
    kind: 'worklog update',
    entity: 'worklog',
    action: 'update',
    field: 'place',
    run: async () => ok('worklog.save', { cadreId: id.zhang!, rows: [logRow('南村', { id: id.log! })] }),
  },
  { kind: 'worklog delete', entity: 'worklog', action: 'delete', field: 'place', run: async () => ok('worklog.remove', { id: id.log! }) },
  {
    kind: 'worklog file removed',
    entity: 'worklog',
    action: 'update',
    field: 'files',
    run: async () => {
      const [logId] = (
        await ok('worklog.save', {
          cadreId: id.zhang!,
          rows: [{ ...logRow('北村'), files: [await stage('走访照片.pdf', await pdf('visit'))] }],
        })
      ).ids;
      const entry = (await ok('worklog.list', { cadreId: id.zhang!, year: YEAR })).find((e) => e.id === logId)!;
      await ok('worklog.removeFile', { entryId: logId!, sha256: entry.files[0]!.sha256 });
    },
  },
  {
    kind: 'worklog import',
    entity: 'worklog',
    action: 'import',
    field: 'place',
    run: async () => ok('worklog.importCommit', { cadreId: id.zhang!, token: await stage('日志.xlsx', await logSheet()), year: YEAR }),
  },
  {
    kind: 'report settings',
    entity: 'report_settings',
    action: 'update',
    field: 'quarterDueDays',
    run: async () => ok('reports.setSettings', { countyId: id.county!, quarterDueDays: 15, halfDueDays: 20 }),
  },
  {
    kind: 'report due create',
    entity: 'report_due',
    action: 'create',
    field: 'due_date',
    run: async () => ok('reports.setDue', { cadreId: id.zhang!, period: '2024-Q2', dueDate: '2024-07-20' }),
  },
  {
    kind: 'report due update',
    entity: 'report_due',
    action: 'update',
    field: 'due_date',
    run: async () => ok('reports.setDue', { cadreId: id.zhang!, period: '2024-Q2', dueDate: '2024-07-31' }),
  },
  {
    kind: 'report due delete',
    entity: 'report_due',
    action: 'delete',
    field: 'due_date',
    run: async () => ok('reports.setDue', { cadreId: id.zhang!, period: '2024-Q2', dueDate: null }),
  },
  {
    kind: 'report create',
    entity: 'report_submission',
    action: 'create',
    field: 'material_id',
    run: async () =>
      ok('reports.submit', {
        cadreId: id.zhang!,
        period: '2024-Q2',
        submittedOn: '2024-07-05',
        materialId: await attach('二季度汇报', '工作汇报'),
      }),
  },
  {
    kind: 'report update',
    entity: 'report_submission',
    action: 'update',
    field: 'submitted_on',
    run: async () =>
      ok('reports.submit', {
        cadreId: id.zhang!,
        period: '2024-Q2',
        submittedOn: '2024-07-08',
        materialId: await attach('二季度汇报（改）', '工作汇报'),
      }),
  },
  {
    kind: 'report routed',
    entity: 'report_route',
    action: 'create',
    field: 'recipient',
    run: async () =>
      ok('scheduling.routeReport', {
        cadreId: id.zhang!,
        kind: '季度报告',
        period: '2024-Q2',
        recipientKind: '派出单位',
        recipient: '县财政局',
        sentOn: '2024-07-10',
      }),
  },
  {
    kind: '调度 meeting',
    entity: 'scheduling_meeting',
    action: 'create',
    has: 'any',
    run: async () =>
      ok('scheduling.save', {
        countyId: id.county!,
        year: YEAR,
        quarter: 2,
        meetingDate: '2024-06-28',
        progress: [{ cadreId: id.zhang!, progress: '食用菌大棚开工建设' }],
      }),
  },
  {
    kind: '调度 removed',
    entity: 'scheduling_meeting',
    action: 'delete',
    has: 'any',
    run: async () => ok('scheduling.remove', { countyId: id.county!, year: YEAR, quarter: 2 }),
  },
  {
    kind: 'report link confirmed',
    entity: 'report_submission',
    action: 'update',
    has: 'any',
    run: async () => {
      // A 工作汇报 dated in October is linked to Q3 at intake (待确认) until the clerk confirms it.
      const file = await stage('三季度汇报.pdf', await pdf(`report ${Date.now()}`));
      const { id: materialId } = await ok('bag.add', {
        cadreId: id.zhang!,
        material: { ...material('三季度汇报', '工作汇报'), date: '2024-10-05' },
        files: [file],
      });
      const link = await ok('reports.linkOfMaterial', { materialId });
      return ok('reports.confirmLink', { cadreId: id.zhang!, period: link!.period });
    },
  },
  {
    kind: 'report delete',
    entity: 'report_submission',
    action: 'delete',
    field: 'material_id',
    run: async () => ok('reports.unsubmit', { cadreId: id.zhang!, period: '2024-Q2' }),
  },
  {
    kind: 'plan create',
    entity: 'plan',
    action: 'create',
    field: 'title',
    run: async () => (id.plan = (await ok('work.plans.save', plan('2024年工作计划'))).id),
  },
  {
    kind: 'plan update',
    entity: 'plan',
    action: 'update',
    field: 'title',
    run: async () => ok('work.plans.save', plan('2024年度工作计划', { id: id.plan! })),
  },
  { kind: 'plan delete', entity: 'plan', action: 'delete', field: 'title', run: async () => ok('work.plans.remove', { id: id.plan! }) },
  {
    kind: 'project create',
    entity: 'project',
    action: 'create',
    field: 'name',
    run: async () => (id.project = (await ok('work.projects.save', { project: project('食用菌大棚') })).id),
  },
  {
    kind: 'project update',
    entity: 'project',
    action: 'update',
    field: 'name',
    run: async () => ok('work.projects.save', { id: id.project!, project: project('食用菌大棚二期') }),
  },
  {
    kind: 'project publicise',
    entity: 'project',
    action: 'update',
    field: 'publicisedPlace',
    run: async () => ok('work.projects.publicise', { id: id.project!, date: '2024-05-10', place: '南村村务公开栏' }),
  },
  {
    kind: 'park revenue',
    entity: 'project',
    action: 'update',
    field: 'revenue',
    run: async () => {
      const p = await ok('work.projects.save', { project: { ...project('产业园大棚'), inPark: true } });
      await ok('work.projects.setRevenue', { id: p.id, year: YEAR, revenueFen: 1_000_000 });
    },
  },
  {
    kind: 'project delete',
    entity: 'project',
    action: 'delete',
    field: 'name',
    run: async () => ok('work.projects.remove', { id: id.project! }),
  },
  {
    kind: 'weak village create',
    entity: 'weak_village',
    action: 'create',
    field: 'listed_year',
    run: async () => ok('work.weak.save', { villageId: id.v2!, listedYear: YEAR, notes: null }),
  },
  {
    kind: 'weak village update',
    entity: 'weak_village',
    action: 'update',
    field: 'notes',
    run: async () => ok('work.weak.save', { villageId: id.v2!, listedYear: YEAR, notes: '村集体收入不足5万元' }),
  },
  {
    kind: 'village income create',
    entity: 'village_income',
    action: 'create',
    field: 'income_fen',
    run: async () => ok('work.weak.setIncome', { villageId: id.v2!, year: YEAR, incomeFen: 3_200_000 }),
  },
  {
    kind: 'village income update',
    entity: 'village_income',
    action: 'update',
    field: 'income_fen',
    run: async () => ok('work.weak.setIncome', { villageId: id.v2!, year: YEAR, incomeFen: 3_500_000 }),
  },
  {
    kind: 'village income delete',
    entity: 'village_income',
    action: 'delete',
    field: 'income_fen',
    run: async () => ok('work.weak.setIncome', { villageId: id.v2!, year: YEAR, incomeFen: null }),
  },
  {
    kind: 'village incomes typed',
    entity: 'village_income',
    action: 'create',
    field: 'income_fen',
    run: async () =>
      ok('villages.income.save', { countyId: id.county!, year: YEAR, entries: [{ villageId: id.v1!, incomeFen: 6_000_000 }] }),
  },
  {
    kind: 'village incomes imported',
    entity: 'village_income',
    action: 'update',
    field: 'income_fen',
    run: async () =>
      ok('villages.income.commitImport', {
        token: await stage('村集体收入.xlsx', await incomeSheet(7_000_000)),
        countyId: id.county!,
        year: YEAR,
      }),
  },
  {
    kind: 'programme',
    entity: 'county_programme',
    action: 'update',
    has: 'any',
    run: async () => ok('villages.programme.save', { countyId: id.county!, startYear: 2021, holdAllowance: false }),
  },
  {
    kind: 'weak village supporters',
    entity: 'weak_village',
    action: 'update',
    field: 'supporters',
    run: async () => ok('work.weak.setSupporters', { villageId: id.v2!, cadreIds: [id.zhang!] }),
  },
  {
    kind: 'weak village action',
    entity: 'weak_action',
    action: 'create',
    field: 'action',
    run: async () => {
      const [w] = await ok('work.weak.list', { villageId: id.v2! });
      const m = w!.supporters.find((x) => x.cadreId === id.zhang!)!.milestones.find((x) => x.requiredAction !== null)!;
      const date = dayAfter(m.dueDate);
      await ok('work.weak.recordAction', {
        villageId: id.v2!,
        cadreId: id.zhang!,
        milestone: m.kind,
        action: m.requiredAction!,
        date,
        by: '县委组织部',
        notes: null,
      });
    },
  },
  {
    kind: 'milestone create',
    entity: 'weak_milestone',
    action: 'create',
    field: 'description',
    run: async () =>
      ok('work.weak.setMilestone', {
        villageId: id.v2!,
        kind: '发展思路',
        date: '2024-09-01',
        description: '发展食用菌',
        evidenceTokens: [await stage('会议纪要.pdf', await pdf('minutes'))],
      }),
  },
  {
    kind: 'milestone update',
    entity: 'weak_milestone',
    action: 'update',
    field: 'description',
    run: async () =>
      ok('work.weak.setMilestone', {
        villageId: id.v2!,
        kind: '发展思路',
        date: '2024-09-01',
        description: '发展食用菌和庭院经济',
        evidenceTokens: [],
      }),
  },
  {
    kind: 'milestone delete',
    entity: 'weak_milestone',
    action: 'delete',
    field: 'files',
    run: async () => ok('work.weak.clearMilestone', { villageId: id.v2!, kind: '发展思路' }),
  },
  {
    kind: 'recall and successor',
    entity: 'cadre',
    action: 'move',
    field: 'posting',
    run: async () => {
      const [w] = await ok('work.weak.list', { villageId: id.v2! });
      const m = w!.supporters.find((x) => x.cadreId === id.zhang!)!.milestones.find((x) => x.requiredAction === '召回调换')!;
      const date = dayAfter(m.dueDate);
      await ok('work.weak.recordAction', {
        villageId: id.v2!,
        cadreId: id.zhang!,
        milestone: m.kind,
        action: '召回调换',
        date,
        by: '县委组织部',
        notes: null,
      });
      const successor = await ok('cadres.create', { cadre: cadre('钱七', makeIdNumber('110101', '1986-09-09', 19, true)), posting: null });
      const [vacancy] = (await ok('work.weak.list', { villageId: id.v2! }))[0]!.awaitingSuccessor;
      await ok('work.weak.appointSuccessor', { villageId: id.v2!, actionId: vacancy!.actionId, cadreId: successor.id, start: date });
    },
  },
  {
    kind: 'weak village delete',
    entity: 'weak_village',
    action: 'delete',
    field: 'listed_year',
    run: async () => ok('work.weak.remove', { villageId: id.v2! }),
  },
  {
    kind: 'allowance standard',
    entity: 'work_setting',
    action: 'update',
    field: 'allowanceMonthlyFen',
    run: async () => ok('work.support.setAllowanceStandard', { monthlyFen: 150_000 }),
  },
  {
    kind: 'allowance create',
    entity: 'allowance_payment',
    action: 'create',
    field: 'amount_fen',
    run: async () => {
      const city = await ok('cadres.create', {
        cadre: cadre('赵六', makeIdNumber('110101', '1987-05-05', 17, true), '市级'),
        posting: { townshipId: id.t1!, villageId: id.v1!, start: '2024-01-01', end: null },
      });
      id.city = city.id;
      id.payment = (
        await ok('work.support.addPayment', {
          cadreId: city.id,
          year: YEAR,
          quarter: 1,
          amountFen: 100_000,
          paidOn: '2024-04-10',
          notes: null,
        })
      ).id;
    },
  },
  {
    kind: 'allowance delete',
    entity: 'allowance_payment',
    action: 'delete',
    field: 'amount_fen',
    run: async () => ok('work.support.removePayment', { id: id.payment! }),
  },
  {
    kind: 'insurance create',
    entity: 'insurance_policy',
    action: 'create',
    field: 'insurer',
    run: async () => (id.policy = (await ok('work.support.savePolicy', policy('人保财险'))).id),
  },
  {
    kind: 'insurance update',
    entity: 'insurance_policy',
    action: 'update',
    field: 'insurer',
    run: async () => ok('work.support.savePolicy', policy('平安财险', { id: id.policy! })),
  },
  {
    kind: 'insurance delete',
    entity: 'insurance_policy',
    action: 'delete',
    field: 'insurer',
    run: async () => ok('work.support.removePolicy', { id: id.policy! }),
  },
  {
    kind: 'pledge create',
    entity: 'unit_pledge',
    action: 'create',
    field: 'funds_fen',
    run: async () => ok('work.support.savePledge', pledge(5_000_000)),
  },
  {
    kind: 'pledge update',
    entity: 'unit_pledge',
    action: 'update',
    field: 'funds_fen',
    run: async () => ok('work.support.savePledge', pledge(8_000_000)),
  },
  {
    kind: 'scheme create',
    entity: 'eval_scheme',
    action: 'create',
    field: 'template',
    run: async () => (id.scheme = (await ok('evaluation.schemes.createFromTemplate', { ...cy(), template: 'villagers30' })).id),
  },
  {
    kind: 'scheme update',
    entity: 'eval_scheme',
    action: 'update',
    field: 'body',
    run: async () =>
      ok('evaluation.schemes.saveDraft', {
        id: id.scheme!,
        body: { ...(await ok('evaluation.schemes.get', { id: id.scheme! })), excellentQuota: 20 },
      }),
  },
  {
    kind: 'scheme activate',
    entity: 'eval_scheme',
    action: 'update',
    field: 'status',
    run: async () => ok('evaluation.schemes.activate', { id: id.scheme! }),
  },
  {
    kind: 'scores',
    entity: 'eval_scores',
    action: 'update',
    field: /report/,
    run: async () =>
      ok('evaluation.scores.set', {
        ...cy(),
        cells: [...cellsFor(id.zhang!, '村党组织第一书记', 90), ...cellsFor(id.city!, '村党组织第一书记', 85)],
      }),
  },
  {
    kind: 'score sheet',
    entity: 'eval_scores',
    action: 'update',
    field: /report/,
    run: async () => ok('evaluation.sheet.save', { ...cy(), cells: cellsFor(id.zhang!, '村党组织第一书记', 88), ballots: [] }),
  },
  {
    kind: 'ballots create',
    entity: 'eval_ballots',
    action: 'create',
    field: 'satisfied',
    run: async () => ok('evaluation.ballots.set', { ...cy(), cadreId: id.zhang!, satisfied: 80, basic: 10, unsatisfied: 10, ballots: 100 }),
  },
  {
    kind: 'ballots update',
    entity: 'eval_ballots',
    action: 'update',
    field: 'satisfied',
    run: async () => {
      await ok('evaluation.ballots.set', { ...cy(), cadreId: id.city!, satisfied: 85, basic: 0, unsatisfied: 15, ballots: 100 });
      await ok('evaluation.ballots.set', { ...cy(), cadreId: id.zhang!, satisfied: 90, basic: 0, unsatisfied: 10, ballots: 100 });
    },
  },
  { kind: 'finalise', entity: 'eval_year', action: 'finalise', field: 'results', run: async () => ok('evaluation.results.finalise', cy()) },
  {
    kind: 'reopen',
    entity: 'eval_year',
    action: 'reopen',
    field: 'finalised_at',
    run: async () => ok('evaluation.results.reopen', { ...cy(), reason: '复核更正实地核查分数' }),
  },
  {
    kind: 'outcome create',
    entity: 'eval_outcome',
    action: 'create',
    field: 'kind',
    run: async () =>
      (id.outcome = (
        await ok('evaluation.outcomes.save', { cadreId: id.zhang!, year: YEAR, kind: '表彰', date: '2025-01-20', note: '优秀第一书记' })
      ).id),
  },
  {
    kind: 'outcome update',
    entity: 'eval_outcome',
    action: 'update',
    field: 'note',
    run: async () =>
      ok('evaluation.outcomes.save', {
        id: id.outcome!,
        cadreId: id.zhang!,
        year: YEAR,
        kind: '表彰',
        date: '2025-01-20',
        note: '全县优秀第一书记',
      }),
  },
  {
    kind: 'outcome delete',
    entity: 'eval_outcome',
    action: 'delete',
    field: 'note',
    run: async () => ok('evaluation.outcomes.remove', { id: id.outcome! }),
  },
  {
    kind: 'county export',
    entity: 'county',
    action: 'export',
    has: 'none',
    run: async () => {
      const since = newestOn(core);
      const { jobId } = await ok('exchange.export.start', {
        countyId: id.county!,
        year: YEAR,
        out: path.join(dir, '义县.onebag'),
        withDossiers: false,
      });
      let status = await ok('exchange.export.status', { jobId });
      while (status.state === 'running') {
        await new Promise((r) => setTimeout(r, 50));
        status = await ok('exchange.export.status', { jobId });
      }
      expect(status.state, status.stage).toBe('done');
      creditJob('exchange.export.start', core, since);
    },
  },
  {
    kind: 'bundle import (reviewer)',
    on: openReviewer,
    entity: 'bundle',
    action: 'import',
    has: 'any',
    run: async () => {
      await reviewed('app.setup', { mode: 'empty', operator: OPERATOR });
      await reviewed('exchange.import', { source: { path: path.join(dir, '义县.onebag') }, trustSigner: true });
    },
  },
  {
    kind: 'review comment (reviewer)',
    on: openReviewer,
    entity: 'eval_comment',
    action: 'create',
    has: 'any',
    run: async () => {
      const county = await importedCounty();
      const [cadre] = await reviewed('cadres.list', { countyId: county.id });
      await reviewed('exchange.comments.set', { countyId: county.id, year: YEAR, cadreId: cadre!.id, comment: '实绩突出，群众认可' });
    },
  },
  {
    kind: 'review export (reviewer)',
    on: openReviewer,
    entity: 'eval_review',
    action: 'export',
    has: 'none',
    run: async () => {
      const county = await importedCounty();
      await reviewed('exchange.reviewExport', { countyId: county.id, year: YEAR, out: path.join(dir, '义县-评审结果.onebag') });
    },
  },
  {
    kind: 'trusted key revoked (reviewer)',
    on: openReviewer,
    entity: 'trusted_key',
    action: 'revoke',
    has: 'any',
    run: async () => {
      const [key] = await reviewed('exchange.trusted.list', {});
      await reviewed('exchange.trusted.revoke', { fingerprint: key!.fingerprint });
    },
  },
  // Last: a versioned rule takes over from the single-row settings the steps above change.
  {
    kind: 'rule settings version',
    entity: 'rule_settings',
    action: 'create',
    has: 'any',
    run: async () => ok('rules.set', { countyId: id.county!, year: YEAR, patch: { quarterDueDays: 12 }, note: '按县委组织部通知调整' }),
  },
];

interface Entry {
  id: number;
  operator: string | null;
  action: string;
  entity: string;
  before: string | null;
  after: string | null;
}

let mark = 0;
const matches = (f: string | RegExp, key: string) => (typeof f === 'string' ? key === f : f.test(key));
const keysWithValue = (v: unknown) =>
  Object.entries((v ?? {}) as Record<string, unknown>)
    .filter(([, x]) => x !== null && x !== undefined)
    .map(([k]) => k);

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onebag-auditcov-'));
  core = openCore({ dataDir: dir, host: { kind: 'cli', blobUrl: (s) => `blob:${s}` } });
});
afterAll(() => {
  core.close();
  reviewer?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('every change a clerk makes is in the audit log with before and after', () => {
  for (const s of STEPS) {
    it(`${s.kind}: ${s.action} ${s.entity}`, async () => {
      const on = s.on?.() ?? core;
      const since = s.run ? newestOn(on) : mark;
      await s.run?.();
      mark = since;
      const e = on.ctx.db
        .prepare('SELECT id, operator, action, entity, before, after FROM audit_log WHERE id > ? AND entity = ? ORDER BY id DESC LIMIT 1')
        .get(since, s.entity) as Entry | undefined;
      expect(e, `no audit entry for ${s.entity}`).toBeDefined();
      expect([e!.operator, e!.entity, e!.action]).toEqual([OPERATOR, s.entity, s.action]);
      const has = s.has ?? DEFAULT_HAS[s.action]!;
      if (has === 'any') return;
      const before: unknown = e!.before === null ? undefined : JSON.parse(e!.before);
      const after: unknown = e!.after === null ? undefined : JSON.parse(e!.after);
      expect([before !== undefined, after !== undefined], 'before/after present').toEqual([
        has === 'before' || has === 'both',
        has === 'after' || has === 'both',
      ]);
      if (has === 'none') return;
      const field = s.field!;
      if (has === 'both') {
        const changed = diffFields(before, after)
          .filter((d) => d.changed)
          .map((d) => d.field);
        expect(
          changed.some((k) => matches(field, k)),
          `changed fields: ${changed.join(', ')}`,
        ).toBe(true);
      } else {
        const keys = keysWithValue(has === 'after' ? after : before);
        expect(
          keys.some((k) => matches(field, k)),
          `stored fields: ${keys.join(', ')}`,
        ).toBe(true);
      }
    });
  }

  it('covers the contract: every channel not declared read-only was called and wrote an audit entry', () => {
    const all = Object.keys(channels) as Channel[];
    const readOnly = READ_ONLY_CHANNELS as Partial<Record<Channel, ReadOnlyReason>>;
    // The declaration names real channels only.
    expect(Object.keys(readOnly).filter((c) => !all.includes(c as Channel))).toEqual([]);
    const mutating = all.filter((c) => readOnly[c] === undefined);
    expect(
      mutating.filter((c) => !called.has(c)),
      'mutating channels the table never calls',
    ).toEqual([]);
    expect(
      mutating.filter((c) => called.get(c)!.audited === 0),
      'mutating channels that wrote no audit entry',
    ).toEqual([]);
  });

  it('declared read-only channels never wrote an audit entry, and those that only read changed nothing', () => {
    const readOnly = READ_ONLY_CHANNELS as Partial<Record<Channel, ReadOnlyReason>>;
    const declared = [...called].filter(([c]) => readOnly[c] !== undefined);
    expect(declared.length).toBeGreaterThan(5);
    // A job's own entry may land while its status is polled, so 'job' channels are left out here.
    expect(declared.filter(([c, n]) => readOnly[c] !== 'job' && n.audited > 0).map(([c]) => c)).toEqual([]);
    expect(declared.filter(([c, n]) => readOnly[c] === 'read' && n.changed > 0).map(([c]) => c)).toEqual([]);
  });

  it('speaks Chinese: every record type and every coded key the log stored has a label (issue 14, finding 4)', () => {
    const unlabelled = new Set<string>();
    const walk = (entity: string, v: unknown): void => {
      if (typeof v === 'string' && /^[[{]/.test(v)) {
        try {
          walk(entity, JSON.parse(v));
        } catch {
          // text as written
        }
      } else if (Array.isArray(v)) v.forEach((x) => walk(entity, x));
      else if (v && typeof v === 'object')
        for (const [k, x] of Object.entries(v)) {
          // a key that is not a code (a grid cell's 王立新(1) 2024-03-01 全) is shown as it is
          if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(k) && !hasFieldLabel(k)) unlabelled.add(`${entity}.${k}`);
          // a result row's component scores are keyed by the scheme's own component keys
          if (k !== 'componentScores') walk(entity, x);
        }
    };
    for (const on of [core, reviewer!]) {
      const rows = on.ctx.db.prepare('SELECT entity, detail, before, after FROM audit_log').all() as Array<Record<string, string | null>>;
      expect(rows.length).toBeGreaterThan(10);
      for (const r of rows) {
        if (entityLabel(r.entity!) === '其他记录') unlabelled.add(r.entity!);
        for (const c of ['detail', 'before', 'after']) if (r[c]) walk(r.entity!, JSON.parse(r[c]!));
      }
    }
    expect([...unlabelled].sort()).toEqual([]);
  });

  it('stores no file contents: originals appear by hash and name only', () => {
    const big = core.ctx.db.prepare("SELECT MAX(LENGTH(COALESCE(before, '')) + LENGTH(COALESCE(after, ''))) AS n FROM audit_log").get() as {
      n: number;
    };
    expect(big.n).toBeLessThan(20_000);
    const text = core.ctx.db.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE after LIKE '%PDF-1.%' OR before LIKE '%PDF-1.%'").get() as {
      n: number;
    };
    expect(text.n).toBe(0);
  });
});
