/**
 * Reports (每季度报告一次; 每半年形成书面工作总结): the periods a cadre owes, their due dates
 * (county default, or set for the cadre), and submissions, each linked to the bag material
 * that holds the report (工作汇报 for quarters, 工作总结 for half-years).
 */
import {
  DEFAULT_REPORT_SETTINGS,
  defaultDueDate,
  periodFromCode,
  periodLabel,
  periodsOwed,
  REPORT_CATEGORY,
  reportStatus,
  type Period,
  type ReportRow,
  type ReportSettings,
} from '../../../shared/worklog';
import type { MaterialInput } from '../../../shared/api/bag';
import { AppError } from '../../../shared/result';
import type { BlobStore } from '../../files/blobStore';
import { nowIso, type Db } from '../../store/db';
import { audit } from '../audit/log';
import { cadreName, operatorOf } from '../attendance/common';
import { addMaterial, insertMaterial, removeMaterial } from '../bag/bag';
import type { FileFacts } from '../../files/inspect';
import { localToday } from '../runtime/clock';
import { rulesInForce } from '../rules/settings';
import { stmt } from '../../store/statementCache';
import { confirmReportLink } from './reportLinks';

/** The county's report deadlines: with a year, the versioned rules in force then; without, the base row. */
export function getReportSettings(db: Db, countyId: number, year?: number): ReportSettings {
  if (year !== undefined) {
    const s = rulesInForce(db, countyId, year).settings;
    return { quarterDueDays: s.quarterDueDays, halfDueDays: s.halfDueDays };
  }
  const r = stmt(
    db,
    'SELECT quarter_due_days AS quarterDueDays, half_due_days AS halfDueDays FROM report_settings WHERE county_id = ?',
  ).get(countyId) as ReportSettings | undefined;
  return r ?? { ...DEFAULT_REPORT_SETTINGS };
}

export function setReportSettings(db: Db, countyId: number, s: ReportSettings): ReportSettings {
  return db.transaction(() => {
    if (!stmt(db, 'SELECT 1 FROM counties WHERE id = ?').get(countyId))
      throw new AppError('NOT_FOUND', '所选县（市、区）不存在，请刷新后重试');
    const before = getReportSettings(db, countyId);
    stmt(
      db,
      `INSERT INTO report_settings (county_id, quarter_due_days, half_due_days, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT(county_id) DO UPDATE SET quarter_due_days = excluded.quarter_due_days, half_due_days = excluded.half_due_days,
       updated_at = excluded.updated_at`,
    ).run(countyId, s.quarterDueDays, s.halfDueDays, nowIso());
    const after = getReportSettings(db, countyId);
    audit(db, 'update', 'report_settings', countyId, { countyId }, { before, after });
    return after;
  })();
}

type Posting = { start: string; end: string | null; countyId: number; townshipId: number; township: string };

export function cadrePostings(db: Db, cadreId: number): Posting[] {
  return stmt(
    db,
    `SELECT p.start, p."end" AS "end", t.county_id AS countyId, t.id AS townshipId, t.name AS township
       FROM postings p JOIN townships t ON t.id = p.township_id WHERE p.cadre_id = ? ORDER BY p.start`,
  ).all(cadreId) as Posting[];
}

/** The posting a period answers to: the last one that overlaps it (a cadre moved mid-period reports where they ended). */
export function postingFor<P extends { start: string; end: string | null }>(postings: readonly P[], p: Period): P | undefined {
  return postings.filter((s) => s.start <= p.end && (s.end === null || s.end >= p.start)).pop();
}

interface Stored {
  period: string;
  dueDate?: string;
  submittedOn?: string;
  materialId?: number;
  materialTitle?: string;
  /** Linked when the material was filed, not yet confirmed by the clerk. */
  toConfirm?: number;
}

function storedFor(db: Db, cadreId: number, year: number): Map<string, Stored> {
  const out = new Map<string, Stored>();
  const get = (period: string) => {
    let s = out.get(period);
    if (!s) out.set(period, (s = { period }));
    return s;
  };
  const like = `${year}-%`;
  for (const r of stmt(db, 'SELECT period, due_date AS dueDate FROM report_dues WHERE cadre_id = ? AND period LIKE ?').all(
    cadreId,
    like,
  ) as Array<{
    period: string;
    dueDate: string;
  }>)
    get(r.period).dueDate = r.dueDate;
  for (const r of stmt(
    db,
    `SELECT s.period, s.submitted_on AS submittedOn, s.material_id AS materialId, m.title AS materialTitle,
            (s.linked_at_intake = 1 AND s.confirmed_at IS NULL) AS toConfirm
       FROM report_submissions s JOIN materials m ON m.id = s.material_id WHERE s.cadre_id = ? AND s.period LIKE ?`,
  ).all(cadreId, like) as Array<Required<Stored>>)
    Object.assign(get(r.period), r);
  return out;
}

function toRow(cadreId: number, p: Period, due: string, s: Stored | undefined, today: string): ReportRow {
  const dueDate = s?.dueDate ?? due;
  const st = reportStatus(dueDate, s?.submittedOn ?? null, today);
  return {
    cadreId,
    kind: p.kind,
    period: p.code,
    periodLabel: periodLabel(p.code),
    periodEnd: p.end,
    dueDate,
    dueCustom: s?.dueDate !== undefined,
    status: st.status,
    lateDays: st.lateDays,
    submittedOn: s?.submittedOn ?? null,
    materialId: s?.materialId ?? null,
    materialTitle: s?.materialTitle ?? null,
    linkToConfirm: s?.toConfirm === 1,
  };
}

/** The periods of `year` the cadre owes, each with due date and status at `today`. */
export function listReports(db: Db, cadreId: number, year: number, today = localToday()): ReportRow[] {
  cadreName(db, cadreId);
  const postings = cadrePostings(db, cadreId);
  const stored = storedFor(db, cadreId, year);
  const settings = new Map<number, ReportSettings>();
  return periodsOwed(postings, year).map((p) => {
    const c = postingFor(postings, p)!.countyId;
    if (!settings.has(c)) settings.set(c, getReportSettings(db, c, year));
    return toRow(cadreId, p, defaultDueDate(p, settings.get(c)), stored.get(p.code), today);
  });
}

function owedPeriod(db: Db, cadreId: number, code: string): Period {
  const p = periodFromCode(code);
  if (!p) throw new AppError('INVALID_INPUT', '报告期次格式应为 2025-Q1 或 2025-H1');
  const name = cadreName(db, cadreId);
  if (!postingFor(cadrePostings(db, cadreId), p))
    throw new AppError('INVALID_INPUT', `${name}在${periodLabel(code)}不在任职期内，无需报送`);
  return p;
}

const rowOf = (db: Db, cadreId: number, code: string, today = localToday()) =>
  listReports(db, cadreId, Number(code.slice(0, 4)), today).find((r) => r.period === code)!;

/** Sets one period's due date for one cadre; null restores the county default. */
export function setReportDue(db: Db, cadreId: number, code: string, dueDate: string | null): ReportRow {
  const p = owedPeriod(db, cadreId, code);
  if (dueDate !== null && dueDate < p.end) throw new AppError('INVALID_INPUT', `报送期限不能早于${periodLabel(code)}结束（${p.end}）`);
  db.transaction(() => {
    const before = dueRow(db, cadreId, code);
    if (dueDate === null) stmt(db, 'DELETE FROM report_dues WHERE cadre_id = ? AND period = ?').run(cadreId, code);
    else
      stmt(
        db,
        `INSERT INTO report_dues (cadre_id, kind, period, due_date, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(cadre_id, kind, period) DO UPDATE SET due_date = excluded.due_date, updated_at = excluded.updated_at`,
      ).run(cadreId, p.kind, code, dueDate, nowIso());
    audit(
      db,
      !before ? 'create' : dueDate === null ? 'delete' : 'update',
      'report_due',
      cadreId,
      { period: code, dueDate },
      { before, after: dueRow(db, cadreId, code) },
    );
  })();
  return rowOf(db, cadreId, code);
}

function checkSubmitDate(p: Period, submittedOn: string, today: string): void {
  if (submittedOn > today) throw new AppError('INVALID_INPUT', '提交日期不能晚于今天');
  if (submittedOn < p.start) throw new AppError('INVALID_INPUT', `提交日期不能早于${periodLabel(p.code)}开始（${p.start}）`);
}

function link(db: Db, cadreId: number, p: Period, materialId: number, submittedOn: string): void {
  // An explicit submission replaces a link the intake made for this material elsewhere.
  stmt(
    db,
    'DELETE FROM report_submissions WHERE material_id = ? AND linked_at_intake = 1 AND NOT (cadre_id = ? AND kind = ? AND period = ?)',
  ).run(materialId, cadreId, p.kind, p.code);
  const before = submissionRow(db, cadreId, p.code);
  stmt(
    db,
    `INSERT INTO report_submissions (cadre_id, kind, period, material_id, submitted_on, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(cadre_id, kind, period) DO UPDATE SET material_id = excluded.material_id, submitted_on = excluded.submitted_on,
        linked_at_intake = 0, confirmed_at = NULL, confirmed_by = NULL`,
  ).run(cadreId, p.kind, p.code, materialId, submittedOn, operatorOf(db), nowIso());
  audit(
    db,
    before ? 'update' : 'create',
    'report_submission',
    cadreId,
    { period: p.code, materialId, submittedOn },
    {
      before,
      after: submissionRow(db, cadreId, p.code),
    },
  );
}

/** Marks a period submitted with a material already in the cadre's bag (of the period's category). */
export function submitWithMaterial(
  db: Db,
  cadreId: number,
  code: string,
  materialId: number,
  submittedOn: string,
  today = localToday(),
): ReportRow {
  const p = owedPeriod(db, cadreId, code);
  checkSubmitDate(p, submittedOn, today);
  const m = stmt(db, 'SELECT cadre_id AS cadreId, category, title FROM materials WHERE id = ?').get(materialId) as
    | { cadreId: number; category: string; title: string }
    | undefined;
  if (!m) throw new AppError('NOT_FOUND', '所选材料不存在，可能已被删除，请刷新后重试');
  if (m.cadreId !== cadreId) throw new AppError('INVALID_INPUT', '所选材料不在该干部的档案袋中');
  const want = REPORT_CATEGORY[p.kind];
  if (m.category !== want) throw new AppError('INVALID_INPUT', `${p.kind}应归入“${want}”类材料，《${m.title}》属于“${m.category}”`);
  db.transaction(() => link(db, cadreId, p, materialId, submittedOn))();
  return rowOf(db, cadreId, code, today);
}

/**
 * Files a staged file into the bag (工作汇报/工作总结, dated the submission day) and marks
 * the period submitted. The period is checked first; should linking fail, the new material
 * is taken out again, so either both exist or neither.
 */
export async function submitWithFile(
  db: Db,
  blobs: BlobStore,
  cadreId: number,
  code: string,
  file: { path: string; name: string },
  submittedOn: string,
  title: string | undefined,
  today = localToday(),
): Promise<ReportRow> {
  const p = owedPeriod(db, cadreId, code);
  checkSubmitDate(p, submittedOn, today);
  const m = await addMaterial(db, blobs, cadreId, reportMaterial(db, cadreId, p, submittedOn, title), [file]);
  try {
    db.transaction(() => link(db, cadreId, p, m.id, submittedOn))();
  } catch (err) {
    removeMaterial(db, m.id);
    throw err;
  }
  return rowOf(db, cadreId, code, today);
}

/** The material a report is filed as: 工作汇报/工作总结, dated the submission day. */
function reportMaterial(db: Db, cadreId: number, p: Period, submittedOn: string, title: string | undefined): MaterialInput {
  const name = cadreName(db, cadreId);
  return {
    category: REPORT_CATEGORY[p.kind],
    title: title?.trim() || `${name}${periodLabel(p.code)}${p.kind === '季度报告' ? '工作进展情况报告' : '工作总结'}`,
    date: submittedOn,
    year: Number(p.code.slice(0, 4)),
    responsible: name,
    docNumber: null,
    secrecy: '公开',
    notes: null,
  };
}

/**
 * submitWithFile for a file already in the blob store (taken and published by the caller, e.g.
 * a batch of files made here: the demo): the material and the submission in one transaction.
 * Returns the material's id.
 */
export function submitStored(
  db: Db,
  cadreId: number,
  code: string,
  file: { name: string; sha256: string; size: number; facts: Omit<FileFacts, 'size'> },
  submittedOn: string,
  title: string | undefined,
  today = localToday(),
): number {
  const p = owedPeriod(db, cadreId, code);
  checkSubmitDate(p, submittedOn, today);
  return db.transaction(() => {
    const materialId = insertMaterial(db, cadreId, reportMaterial(db, cadreId, p, submittedOn, title), [file]);
    link(db, cadreId, p, materialId, submittedOn);
    return materialId;
  })();
}

/** Withdraws a submission; the material stays in the bag. */
/** Confirms the link made at intake (reportLinks.ts confirmReportLink) for a period the cadre owes; returns its row. */
export function confirmLinkedReport(db: Db, cadreId: number, code: string): ReportRow {
  owedPeriod(db, cadreId, code);
  confirmReportLink(db, cadreId, code);
  return rowOf(db, cadreId, code);
}

export function unsubmit(db: Db, cadreId: number, code: string): ReportRow {
  owedPeriod(db, cadreId, code);
  db.transaction(() => {
    const before = submissionRow(db, cadreId, code);
    const r = stmt(db, 'DELETE FROM report_submissions WHERE cadre_id = ? AND period = ?').run(cadreId, code);
    if (r.changes === 0) throw new AppError('NOT_FOUND', `${periodLabel(code)}尚未登记提交`);
    audit(db, 'delete', 'report_submission', cadreId, { period: code, withdrawn: true }, { before });
  })();
  return rowOf(db, cadreId, code);
}

// Rows as stored, for the audit log's before/after.
const dueRow = (db: Db, cadreId: number, code: string) =>
  stmt(db, 'SELECT * FROM report_dues WHERE cadre_id = ? AND period = ?').get(cadreId, code) as Record<string, unknown> | undefined;
const submissionRow = (db: Db, cadreId: number, code: string) =>
  stmt(db, 'SELECT * FROM report_submissions WHERE cadre_id = ? AND period = ?').get(cadreId, code) as Record<string, unknown> | undefined;
