/**
 * Five must-attends (五必到) and checks (督查): kinds, labels and record shapes (alerts:
 * shared/alerts.ts; grades and their cap: shared/grades.ts). Pure: no node:*, no DOM.
 *
 * Checks are records the clerk enters from inspection reports; OneBag has no check-in,
 * GPS or photo feature (see docs/domain.md, "Don't add burden").
 */

// ───────────────────────────── five must-attends ─────────────────────────────

/** 五必到: 重要会议、重点工作、难点问题、重大纠纷、突发事件 (source wording, in this order). */
export const EVENT_KINDS = ['重要会议', '重点工作', '难点问题', '重大纠纷', '突发事件'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export interface EventSummary {
  id: number;
  townshipId: number;
  township: string;
  kind: EventKind;
  title: string;
  date: string;
  place: string;
  expected: number;
  present: number;
  absent: number;
  /** Expected cadres not yet marked 到 or 缺. */
  unmarked: number;
  /** Names of the absent, joined with 、 (empty when none). */
  absentNames: string;
}

export interface ExpectedCadre {
  cadreId: number;
  name: string;
  postType: string;
  village: string | null;
  /** true 到, false 缺, null not yet marked. */
  present: boolean | null;
  absenceReason: string | null;
}

export interface EventDetail extends Omit<EventSummary, 'expected' | 'present' | 'absent' | 'unmarked' | 'absentNames'> {
  notes: string | null;
  expected: ExpectedCadre[];
}

// ───────────────────────────── checks ─────────────────────────────

export const CHECK_LEVELS = ['乡镇', '县级', '市级'] as const;
export type CheckLevel = (typeof CHECK_LEVELS)[number];

/** 乡镇每月检查; 县每月抽查; 市领导不打招呼、直接进村; phone checks; the supervision office. */
export const CHECK_KINDS = ['乡镇月检', '县级抽查', '市级暗访', '电话查岗', '督查室'] as const;
export type CheckKind = (typeof CHECK_KINDS)[number];

/** The level a kind implies; null = any level may use it (phone checks, supervision office). */
export const CHECK_KIND_LEVEL: Record<CheckKind, CheckLevel | null> = {
  乡镇月检: '乡镇',
  县级抽查: '县级',
  市级暗访: '市级',
  电话查岗: null,
  督查室: null,
};

/** The level to preselect for a kind. */
export const defaultLevelOf = (kind: CheckKind): CheckLevel => CHECK_KIND_LEVEL[kind] ?? '县级';

export interface CheckSummary {
  id: number;
  townshipId: number;
  township: string;
  level: CheckLevel;
  kind: CheckKind;
  date: string;
  checker: string;
  findings: string | null;
  checked: number;
  notOnPost: number;
  /** Names of those found not on post, joined with 、. */
  notOnPostNames: string;
}

export interface CheckedCadre {
  cadreId: number;
  name: string;
  postType: string;
  village: string | null;
  onPost: boolean;
  reason: string | null;
}

export interface CheckDetail extends Omit<CheckSummary, 'checked' | 'notOnPost' | 'notOnPostNames'> {
  results: CheckedCadre[];
}

/** A cadre who may be listed for a township on a date, with this year's absences. */
export interface Candidate {
  cadreId: number;
  name: string;
  postType: string;
  village: string | null;
  /** Found not on post at checks in the date's year (the record being edited excluded). */
  checkAbsences: number;
  /** Absent at five-must events in the date's year (the record being edited excluded). */
  eventAbsences: number;
}
