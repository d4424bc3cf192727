/**
 * Leave requests (请假): the approval level the county's threshold demands and day counts exact
 * to the half day. The leave kinds themselves are attendance codes (shared/attendance.ts).
 */
import { dateFromDayNumber, dayNumber, type AttendanceSettings, type LeaveHalf, type LeaveType } from './attendance';

export type ApprovalLevel = '乡镇党委' | '县委组织部';
export const APPROVAL_LEVELS = ['乡镇党委', '县委组织部'] as const;

/** ≤ leaveTownshipMaxDays (default 3) → township party committee; longer → county organisation department. */
export function leaveApprovalLevel(days: number, settings: AttendanceSettings): ApprovalLevel {
  return days <= settings.leaveTownshipMaxDays ? '乡镇党委' : '县委组织部';
}

/**
 * 越权审批: approved by a lower level than the days require (乡镇党委 for leave that needs
 * 县委组织部), or with the level not recorded. The alert and the leave list use this.
 */
export const approvedBeyondLevel = (approvalLevel: ApprovalLevel | null, requiredLevel: ApprovalLevel): boolean =>
  requiredLevel === '县委组织部' && approvalLevel !== '县委组织部';

/** A half-day position: dayNumber × 2, +1 for the afternoon. */
export const halfIndex = (date: string, half: LeaveHalf): number => dayNumber(date) * 2 + (half === '下' ? 1 : 0);
export const halfIndexDate = (idx: number): { date: string; half: LeaveHalf } => ({
  date: dateFromDayNumber(Math.floor(idx / 2)),
  half: idx % 2 === 0 ? '上' : '下',
});

/** First and last half covered by a leave (inclusive); null when the end is before the start. */
export function leaveHalfRange(
  start: string,
  startHalf: LeaveHalf,
  end: string,
  endHalf: LeaveHalf,
): { first: number; last: number } | null {
  const first = halfIndex(start, startHalf);
  const last = halfIndex(end, endHalf);
  return last >= first ? { first, last } : null;
}

/**
 * Calendar days of a leave, exact to the half day: from 3 March 下 to 5 March 上 is 2 days;
 * a single afternoon is 0.5. Weekends and holidays inside the leave count (see header).
 */
export function leaveDays(start: string, startHalf: LeaveHalf, end: string, endHalf: LeaveHalf): number | null {
  const r = leaveHalfRange(start, startHalf, end, endHalf);
  return r ? (r.last - r.first + 1) / 2 : null;
}

/** A leave request as stored and shown (请假登记). */
export type LeaveStatus = '待审批' | '已批准' | '未批准' | '已销假';

export interface LeaveRequest {
  id: number;
  cadreId: number;
  cadreName: string;
  type: LeaveType;
  start: string;
  startHalf: LeaveHalf;
  end: string;
  endHalf: LeaveHalf;
  days: number;
  reason: string;
  approver: string | null;
  /** Level that approved (set on approval). */
  approvalLevel: ApprovalLevel | null;
  /** Level the county's threshold demands for this many days. */
  requiredLevel: ApprovalLevel;
  approvedOn: string | null;
  proofSha256: string | null;
  status: LeaveStatus;
  /** 销假: first day (and half) back on post. */
  returnedOn: string | null;
  returnedHalf: LeaveHalf | null;
  createdBy: string | null;
  createdAt: string;
}
