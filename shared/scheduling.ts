/**
 * The county's quarterly 调度 (季度调度制度): each quarter the county's organisation department
 * holds a 调度会, hears every posted cadre's progress, problems and next steps, and keeps the
 * record; the cadres' quarterly reports and half-year summaries go to the 派出单位 and the
 * 上一级党委 (report routing: recipient and date). Pure: no node:*, no DOM.
 *
 * - A quarter is 未调度 once it has ended (its last day is before today) without a meeting.
 * - A meeting may be held within the quarter or up to MEETING_GRACE_DAYS after it ends.
 * - With the county's hold setting on, a 市级 cadre's allowance for a quarter is paid only once
 *   that quarter's meeting records the cadre's progress.
 */
export const SCHEDULING_ALERT_KINDS = ['季度未调度'] as const;
export const RECIPIENT_KINDS = ['派出单位', '上一级党委'] as const;
export type RecipientKind = (typeof RECIPIENT_KINDS)[number];
export const MEETING_GRACE_DAYS = 31;

export const quarterStart = (year: number, quarter: number): string => `${year}-${String(quarter * 3 - 2).padStart(2, '0')}-01`;
export function quarterEnd(year: number, quarter: number): string {
  const m = quarter * 3;
  return `${year}-${String(m).padStart(2, '0')}-${m === 6 || m === 9 ? '30' : '31'}`;
}
export const quarterLabel = (year: number, quarter: number): string => `${year}年第${'一二三四'[quarter - 1]}季度`;

export interface CadreProgress {
  cadreId: number;
  progress: string;
  problems: string;
  nextSteps: string;
}

export interface ReportRoute {
  recipientKind: RecipientKind;
  recipient: string;
  sentOn: string;
}

/** A cadre's report of the quarter (季度报告, and the 半年总结 at Q2 / Q4) with where it was sent. */
export interface RoutedReport {
  kind: '季度报告' | '半年总结';
  period: string;
  submittedOn: string;
  title: string | null;
  routes: ReportRoute[];
}

export interface QuarterCadre {
  cadreId: number;
  name: string;
  level: string;
  postType: string;
  township: string;
  village: string | null;
  unitName: string | null;
  progress: CadreProgress | null;
  reports: RoutedReport[];
}

export interface SchedulingMeeting {
  id: number;
  meetingDate: string;
  place: string;
  chairedBy: string;
  problems: string;
  nextSteps: string;
}

export interface SchedulingQuarter {
  countyId: number;
  county: string;
  year: number;
  quarter: number;
  /** The quarter's last day is before today. */
  ended: boolean;
  meeting: SchedulingMeeting | null;
  /** Cadres posted in the county during the quarter. */
  cadres: QuarterCadre[];
  holdAllowance: boolean;
}

export interface QuarterSummary {
  quarter: number;
  state: '已调度' | '未调度' | '未结束';
  meetingDate: string | null;
  cadres: number;
  withProgress: number;
}
