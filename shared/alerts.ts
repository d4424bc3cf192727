/**
 * Alerts (预警): every kind, its severity and what it links to. Pure: no node:*, no DOM.
 */
import { SCHEDULING_ALERT_KINDS } from './scheduling';
import { PLAN_ALERT_KINDS, WORK_ALERT_KINDS, type WorkAlertLink } from './work';

/**
 * Every kind the alerts view and `onebag alerts` list, in their order: attendance, five
 * must-attends and checks (main/core/events/alerts.ts), then 报告逾期 (main/core/worklog/alerts.ts),
 * then the work kinds (main/core/work/alerts.ts); main/core/alerts/all.ts merges the three.
 */
export const ALERT_KINDS = [
  '月在岗不足',
  '考勤逾期未认定',
  '考勤登记不实',
  '五必到缺席',
  '督查不在岗',
  '请假越权审批',
  '报告逾期',
  ...WORK_ALERT_KINDS,
  ...SCHEDULING_ALERT_KINDS,
  ...PLAN_ALERT_KINDS,
] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

export type AlertSeverity = 'high' | 'medium';
export const SEVERITY_LABELS: Record<AlertSeverity, string> = { high: '严重', medium: '一般' };

/** The record an alert comes from. */
export type AlertLink =
  | { view: 'attendance'; townshipId: number; month: string }
  | { view: 'events'; eventId: number }
  | { view: 'events'; checkId: number }
  /** The register cross-checks (登记核查) of a year. */
  | { view: 'verifications'; year: number }
  /** The checks of a month (a township or county month without its check). */
  | { view: 'events'; month: string; townshipId?: number }
  /** A leave request; the township month holding its first day opens it. */
  | { view: 'attendance-leave'; leaveId: number; townshipId: number; month: string }
  /** A cadre's overdue quarterly report or half-year summary. */
  | { view: 'worklog'; cadreId: number; tab: 'reports' }
  /** A project, weak village or support record (项目与帮扶). */
  | WorkAlertLink;

export interface Alert {
  kind: AlertKind;
  severity: AlertSeverity;
  cadreId?: number;
  cadreName?: string;
  townshipId: number;
  township: string;
  /** 'YYYY-MM' for month alerts (under minimum, uncertified). */
  month?: string;
  /** ISO date for dated records (events, checks, leave start). */
  date?: string;
  /** Who, what, how much — in Chinese. */
  message: string;
  link: AlertLink;
}
