/**
 * Work log (民情日记 / 工作日志) and reports (季度报告 / 半年总结): kinds, record shapes and
 * the pure rules — quarters and half-years of a date, the periods a posting owes, default
 * due dates, report status at a date. Pure: no node:*, no DOM.
 *
 * Nothing here counts or ranks records: the log is kept as evidence, never scored by volume
 * (docs/domain.md, "Don't add burden").
 */
import { addDays, dayNumber, type PostingSpan } from './attendance';

// ───────────────────────────── log entries ─────────────────────────────

/** 走访、帮扶、会议、项目、其他 (source wording: 走访、帮扶工作情况要在日志上详细记录). */
export const LOG_KINDS = ['走访', '帮扶', '会议', '项目', '其他'] as const;
export type LogKind = (typeof LOG_KINDS)[number];

/** Keyboard letters: pinyin initials (Z 走访, B 帮扶, H 会议, X 项目, Q 其他). */
export const LOG_KIND_KEYS: Record<LogKind, string> = { 走访: 'Z', 帮扶: 'B', 会议: 'H', 项目: 'X', 其他: 'Q' };

/** A kind from what a clerk types: the Chinese word, its first character, or the pinyin letter. */
export function kindFromText(text: string): LogKind | null {
  const t = text.trim();
  if (!t) return null;
  const exact = LOG_KINDS.find((k) => k === t);
  if (exact) return exact;
  const up = t.toUpperCase();
  if (up.length === 1) {
    const byKey = LOG_KINDS.find((k) => LOG_KIND_KEYS[k] === up);
    if (byKey) return byKey;
  }
  return LOG_KINDS.find((k) => k[0] === t[0]) ?? null;
}

/** Words that suggest a kind in free text (imported paragraphs). Earliest mention wins. */
const KIND_WORDS: Array<[LogKind, RegExp]> = [
  ['走访', /走访|入户|家访|探访/],
  ['帮扶', /帮扶|慰问|救助|帮助|结对/],
  ['会议', /会议|座谈|开会|例会|党课|支部大会|议事/],
  ['项目', /项目|工程|产业园|招商/],
];

export function guessKind(text: string): LogKind {
  let best: LogKind = '其他';
  let at = Infinity;
  for (const [kind, re] of KIND_WORDS) {
    const m = re.exec(text);
    if (m && m.index < at) {
      best = kind;
      at = m.index;
    }
  }
  return best;
}

/** The fields a clerk fills for one entry. */
export interface LogEntryFields {
  date: string;
  kind: LogKind;
  place: string;
  /** 走访对象: persons or households. */
  persons: string;
  /** 情况: what was done and found. */
  situation: string;
  difficulties: string;
  /** 下步打算. */
  followUp: string;
}

export interface LogFile {
  sha256: string;
  originalName: string;
  mime: string;
  size: number;
}

export interface LogEntry extends LogEntryFields {
  id: number;
  cadreId: number;
  files: LogFile[];
  updatedAt: string;
}

export interface LogSearchHit extends LogEntry {
  cadreName: string;
}

/** Column labels, in the order of the entry table and the import headers. */
export const LOG_FIELD_LABELS: Record<keyof LogEntryFields, string> = {
  date: '日期',
  kind: '类型',
  place: '地点',
  persons: '走访对象',
  situation: '情况',
  difficulties: '困难',
  followUp: '下步打算',
};

/** Every field of an entry as text, all blank: a new row of the entry table, an imported entry before it is read. */
export const blankLogTexts = (): Record<keyof LogEntryFields, string> => ({
  date: '',
  kind: '',
  place: '',
  persons: '',
  situation: '',
  difficulties: '',
  followUp: '',
});

// ───────────────────────────── typed dates ─────────────────────────────

const pad = (n: number) => String(n).padStart(2, '0');

function validDate(y: number, m: number, d: number): string | null {
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d || y < 1900 || y > 2200) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/**
 * A date as a clerk types it into the log table: 2025-03-05, 2025.3.5, 2025年3月5日,
 * 20250305, or without the year (3.5, 3-5, 3/5, 0305, 3月5日) taking `year`.
 */
export function parseTypedDate(text: string, year: number): string | null {
  const s = text
    .trim()
    .replace(/\s+/g, '')
    .replace(/[日号]$/, '');
  if (!s) return null;
  let m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})$/.exec(s);
  if (m) return validDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) return validDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[-/.月](\d{1,2})$/.exec(s);
  if (m) return validDate(year, Number(m[1]), Number(m[2]));
  m = /^(\d{2})(\d{2})$/.exec(s);
  if (m) return validDate(year, Number(m[1]), Number(m[2]));
  return null;
}

// ───────────────────────────── reports ─────────────────────────────

/** 每季度报告一次工作进展情况; 每半年形成书面工作总结. */
export const REPORT_KINDS = ['季度报告', '半年总结'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

/** The bag category each report is filed under. */
export const REPORT_CATEGORY: Record<ReportKind, '工作汇报' | '工作总结'> = { 季度报告: '工作汇报', 半年总结: '工作总结' };

export interface ReportSettings {
  /** Days after a quarter's end the quarterly report is due (default 10). */
  quarterDueDays: number;
  /** Days after a half-year's end the written summary is due (default 15). */
  halfDueDays: number;
}
export const DEFAULT_REPORT_SETTINGS: ReportSettings = { quarterDueDays: 10, halfDueDays: 15 };

export interface Period {
  kind: ReportKind;
  /** 2025-Q1 … 2025-Q4, 2025-H1, 2025-H2. */
  code: string;
  start: string;
  end: string;
}

const QUARTER_ENDS = ['03-31', '06-30', '09-30', '12-31'];

export function quarterOf(date: string): Period {
  const y = Number(date.slice(0, 4));
  const q = Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1;
  return { kind: '季度报告', code: `${y}-Q${q}`, start: `${y}-${pad(q * 3 - 2)}-01`, end: `${y}-${QUARTER_ENDS[q - 1]}` };
}

export function halfOf(date: string): Period {
  const y = Number(date.slice(0, 4));
  const h = Number(date.slice(5, 7)) <= 6 ? 1 : 2;
  return { kind: '半年总结', code: `${y}-H${h}`, start: h === 1 ? `${y}-01-01` : `${y}-07-01`, end: h === 1 ? `${y}-06-30` : `${y}-12-31` };
}

/** The period a code names, or null when the code is malformed. */
export function periodFromCode(code: string): Period | null {
  const m = /^(\d{4})-(Q[1-4]|H[12])$/.exec(code);
  if (!m) return null;
  const y = m[1]!;
  const p = m[2]!;
  if (p[0] === 'Q') return quarterOf(`${y}-${pad(Number(p[1]) * 3)}-01`);
  return halfOf(`${y}-${p === 'H1' ? '01' : '07'}-01`);
}

/** 2025-Q1 → 2025年第一季度; 2025-H2 → 2025年下半年. */
export function periodLabel(code: string): string {
  const y = code.slice(0, 4);
  const p = code.slice(5);
  const names: Record<string, string> = { Q1: '第一季度', Q2: '第二季度', Q3: '第三季度', Q4: '第四季度', H1: '上半年', H2: '下半年' };
  return `${y}年${names[p] ?? p}`;
}

/** Calendar arithmetic on ISO dates (UTC, no time zones). */
export const daysBetween = (from: string, to: string): number => dayNumber(to) - dayNumber(from);

/** Default due date: quarter end + quarterDueDays (Q1 → 04-10), half-year end + halfDueDays (H2 → next 01-15). */
export function defaultDueDate(p: Period, s: ReportSettings = DEFAULT_REPORT_SETTINGS): string {
  return addDays(p.end, p.kind === '季度报告' ? s.quarterDueDays : s.halfDueDays);
}

/**
 * RULE: a cadre owes the report of every quarter and half-year of `year` that overlaps a
 * posting by at least one day (postings may change: any of them counts, a period is owed
 * once). Quarters come before half-years of the same end date (Q2 before H1).
 */
export function periodsOwed(spans: readonly PostingSpan[], year: number): Period[] {
  const all: Period[] = [];
  for (const m of ['03', '06', '09', '12']) {
    all.push(quarterOf(`${year}-${m}-01`));
    if (m === '06' || m === '12') all.push(halfOf(`${year}-${m}-01`));
  }
  return all.filter((p) => spans.some((s) => s.start <= p.end && (s.end === null || s.end >= p.start)));
}

export type ReportStatus = '已提交' | '待提交' | '逾期';

export interface ReportState {
  status: ReportStatus;
  /** Submitted after the due date (status 已提交), or days past due (status 逾期). */
  lateDays: number;
}

/** RULE: submitted → 已提交 (late if after due); else overdue once `today` is past the due date. */
export function reportStatus(due: string, submittedOn: string | null, today: string): ReportState {
  if (submittedOn) return { status: '已提交', lateDays: Math.max(0, daysBetween(due, submittedOn)) };
  if (today > due) return { status: '逾期', lateDays: daysBetween(due, today) };
  return { status: '待提交', lateDays: 0 };
}

/** The report period a bag material answers (工作汇报 → a quarter, 工作总结 → a half-year). */
export interface MaterialReportLink {
  cadreId: number;
  kind: ReportKind;
  period: string;
  periodLabel: string;
  submittedOn: string;
  /** Linked automatically when the material was filed in the bag. */
  linkedAtIntake: boolean;
  /** Linked at intake and not yet confirmed by the clerk (待确认). */
  toConfirm: boolean;
  confirmedAt: string | null;
  confirmedBy: string | null;
}

export interface ReportRow {
  cadreId: number;
  kind: ReportKind;
  period: string;
  periodLabel: string;
  periodEnd: string;
  dueDate: string;
  /** The due date was set for this cadre (not the county default). */
  dueCustom: boolean;
  status: ReportStatus;
  lateDays: number;
  submittedOn: string | null;
  materialId: number | null;
  materialTitle: string | null;
  /** The material was linked to this period when it was filed in the bag; the clerk has not confirmed it yet (待确认). */
  linkToConfirm: boolean;
}
