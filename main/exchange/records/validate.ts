/**
 * Every imported record is checked with the same rules as local input before anything is
 * planned: the input schemas of shared/api.ts for cadres, postings and materials (GB 11643
 * ID check digit, phone, lengths, enums), the domain's enum lists for the other tables, real
 * calendar dates, integer ranges, well-formed text and a length cap on every string. The
 * first invalid record refuses the whole bundle with a Chinese message naming the record
 * and the field.
 */
import type { z } from 'zod';
import { materialInputSchema } from '../../../shared/api/bag';
import { cadreInputSchema, postingInputSchema } from '../../../shared/api/cadres';
import { ATTENDANCE_CODES, CELL_HALVES, LEAVE_TYPES } from '../../../shared/attendance';
import { SHA256_RE } from '../../../shared/blobLayout';
import { isoDate } from '../../../shared/dates';
import { COUNTY_KINDS, UNIT_LEVELS } from '../../../shared/domain';
import { OUTCOME_KINDS, SCHEME_STATUSES } from '../../../shared/evaluation';
import { CHECK_KINDS, CHECK_LEVELS, EVENT_KINDS } from '../../../shared/events';
import { GRADES } from '../../../shared/grades';
import { APPROVAL_LEVELS } from '../../../shared/leave';
import { MILESTONE_KINDS, WEAK_ACTIONS } from '../../../shared/weakVillages';
import { PLAN_ITEM_STATUSES, PLAN_KINDS, PROJECT_KINDS, PROJECT_STATUSES } from '../../../shared/work';
import { LOG_KINDS, REPORT_KINDS } from '../../../shared/worklog';
import type { Db } from '../../store/db';
import { TABLE_SPECS } from './tables';
import type { RecordsDoc } from './types';
import { refused } from './walk';

/** Longest text any column may hold; names and titles are capped tighter by the input schemas. */
export const MAX_TEXT = 20_000;
/** JSON snapshots copied as written (attendance_history.detail, eval_results.row, …). */
export const MAX_JSON_TEXT = 200_000;
const JSON_COLUMNS = new Set(['detail', 'row', 'groups', 'settings', 'definition', 'components', 'caps', 'quotas']);
/** Short identifying names: a county, township, village or unit. */
const NAME_CAPS: Record<string, Record<string, number>> = {
  counties: { name: 50 },
  townships: { name: 50 },
  villages: { name: 50 },
  units: { name: 100 },
};

const ENUMS: Record<string, Record<string, readonly string[]>> = {
  counties: { kind: COUNTY_KINDS },
  units: { level: UNIT_LEVELS },
  attendance_cells: { code: ATTENDANCE_CODES, half: CELL_HALVES },
  leave_requests: { type: LEAVE_TYPES, approval_level: APPROVAL_LEVELS },
  holidays: { kind: ['holiday', 'workday'] },
  must_attend_events: { kind: EVENT_KINDS },
  checks: { level: CHECK_LEVELS, kind: CHECK_KINDS },
  worklog_entries: { kind: LOG_KINDS },
  report_dues: { kind: REPORT_KINDS },
  report_submissions: { kind: REPORT_KINDS },
  plans: { kind: PLAN_KINDS },
  plan_items: { status: PLAN_ITEM_STATUSES },
  projects: { kind: PROJECT_KINDS, status: PROJECT_STATUSES },
  weak_milestones: { kind: MILESTONE_KINDS },
  weak_milestone_files: { kind: MILESTONE_KINDS },
  weak_actions: { action: WEAK_ACTIONS, milestone: MILESTONE_KINDS },
  eval_outcomes: { kind: OUTCOME_KINDS },
  eval_results: { grade: GRADES },
  eval_schemes: { status: SCHEME_STATUSES },
};

/** Half of a UTF-16 pair without its other half: text that is no valid Unicode. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Columns holding a calendar date (YYYY-MM-DD) or a month (YYYY-MM). */
const isDateColumn = (c: string) => c === 'date' || c === 'start' || c === 'end' || c.endsWith('_date') || c.endsWith('_on');
const isMonthColumn = (c: string) => c === 'month';
const isTimestampColumn = (c: string) => c === 'at' || c.endsWith('_at');
const isYearColumn = (c: string) => c === 'year' || c.endsWith('_year');

function realDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  return !!m && isoDate(Number(m[1]), Number(m[2]), Number(m[3])) === s;
}
function realMonth(s: string): boolean {
  const m = /^(\d{4})-(\d{2})$/.exec(s);
  return !!m && isoDate(Number(m[1]), Number(m[2]), 1) !== null;
}
function realTimestamp(s: string): boolean {
  const m = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})$/.exec(s);
  return !!m && realDate(m[1]!) && Number.isFinite(Date.parse(s));
}

/** The record a message names: its table's Chinese label and its position or id. */
function recordName(table: string, columns: string[], row: unknown[], index: number): string {
  const label = TABLE_SPECS.get(table)?.label ?? table;
  const idAt = columns.indexOf('id');
  const id = idAt >= 0 && typeof row[idAt] === 'string' ? `，编号 ${row[idAt] as string}` : '';
  return `“${label}”第 ${index + 1} 条记录${id}`;
}

const fail = (what: string, column: string, why: string) => refused(`交换包中${what}的字段“${column}”${why}，已拒绝导入整个交换包`);

/** Checks one cell with the rules every column shares; returns the reason it is invalid, or null. */
function cellProblem(table: string, column: string, type: string, value: unknown, isRef: boolean): string | null {
  if (value === null) return null;
  if (typeof value === 'string') {
    if (LONE_SURROGATE.test(value)) return '含有无效的字符编码';
    const cap = NAME_CAPS[table]?.[column] ?? (JSON_COLUMNS.has(column) ? MAX_JSON_TEXT : MAX_TEXT);
    if (value.length > cap) return `过长（${value.length} 个字符，最多 ${cap} 个）`;
    if (isRef) return null;
    const allowed = ENUMS[table]?.[column];
    if (allowed && !allowed.includes(value)) return `的值“${value.slice(0, 40)}”不在允许的取值（${allowed.join('、')}）之中`;
    if (column === 'sha256' || column.endsWith('_sha256')) return SHA256_RE.test(value) ? null : '不是有效的 SHA-256 摘要';
    if (isDateColumn(column) && !realDate(value)) return `不是真实的日期（${value.slice(0, 40)}）`;
    if (isMonthColumn(column) && !realMonth(value)) return `不是真实的月份（${value.slice(0, 40)}）`;
    if (isTimestampColumn(column) && !realTimestamp(value)) return `不是有效的时间（${value.slice(0, 40)}）`;
    if (type === 'INTEGER' || type === 'REAL') return '应为数字';
    return null;
  }
  if (typeof value === 'number') {
    if (isRef) return '应为记录编号';
    if (!Number.isFinite(value)) return '不是有限的数字';
    if (type === 'TEXT') return '应为文字';
    if (type === 'INTEGER' && !Number.isSafeInteger(value)) return `不是有效的整数（${value}）`;
    if (isYearColumn(column) && (value < 1900 || value > 2200)) return `年份超出范围（${value}）`;
    if (Math.abs(value) > 1e13) return `数值超出范围（${value}）`;
    return null;
  }
  return '类型不正确';
}

type Row = Record<string, unknown>;
/** Local input schemas, fed with a record's columns (references are checked when they are resolved). */
const SCHEMAS: Record<string, { schema: z.ZodTypeAny; input: (r: Row) => unknown; fields: Record<string, string> }> = {
  cadres: {
    schema: cadreInputSchema,
    input: (r) => ({
      name: r.name,
      gender: r.gender,
      birthDate: r.birth_date ?? null,
      idNumber: r.id_number,
      partyStatus: r.party_status,
      phone: r.phone ?? null,
      unitId: null,
      level: r.level,
      postType: r.post_type,
    }),
    fields: { birthDate: 'birth_date', idNumber: 'id_number', partyStatus: 'party_status', postType: 'post_type' },
  },
  postings: {
    schema: postingInputSchema,
    input: (r) => ({ townshipId: 1, villageId: null, start: r.start, end: r.end ?? null }),
    fields: {},
  },
  materials: {
    schema: materialInputSchema,
    input: (r) => ({
      category: r.category,
      title: r.title,
      date: r.date ?? null,
      year: r.year,
      responsible: r.responsible ?? null,
      docNumber: r.doc_number ?? null,
      secrecy: r.secrecy,
      notes: r.notes ?? null,
    }),
    fields: { docNumber: 'doc_number' },
  },
};

/** Refuses the document at its first invalid record (IMPORT_REFUSED naming record and field). */
export function validateRecords(db: Db, doc: RecordsDoc, refsOf: (table: string) => ReadonlyMap<string, string>): void {
  const types = db.prepare('SELECT name, upper(type) AS type FROM pragma_table_info(?)');
  for (const [table, t] of Object.entries(doc.tables)) {
    const typeOf = new Map((types.all(table) as Array<{ name: string; type: string }>).map((r) => [r.name, r.type]));
    const refs = refsOf(table);
    const local = SCHEMAS[table];
    t.rows.forEach((row, i) => {
      t.columns.forEach((c, j) => {
        const isRef = refs.has(c) || c === 'id';
        const problem = cellProblem(table, c, typeOf.get(c) ?? '', row[j], isRef && refs.get(c) !== 'blobs');
        if (problem) throw fail(recordName(table, t.columns, row, i), c, problem);
      });
      if (!local) return;
      const values: Row = {};
      t.columns.forEach((c, j) => (values[c] = row[j]));
      const parsed = local.schema.safeParse(local.input(values));
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        const key = String(issue.path[0] ?? '');
        const column = local.fields[key] ?? key;
        throw fail(recordName(table, t.columns, row, i), column, `不符合录入规则：${issue.message}`);
      }
    });
  }
}
