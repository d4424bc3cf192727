/**
 * Channels for the month grid, certification, leave, settings and holidays. Merged into
 * `channels` in shared/api.ts. Output types mirror main/core/attendance/* structurally (the
 * handler table is type-checked against them); files arrive as staging tokens.
 */
import { z } from 'zod';
import {
  EDITABLE_CODES,
  LEAVE_TYPES,
  type AttendanceSettings,
  type CellHalf,
  type DayCell,
  type DayInfo,
  type EditableCode,
  type HolidayEntry,
  type MonthCounts,
  type PostingSpan,
  type RegisterDay,
} from '../attendance';
import { type LeaveRequest } from '../leave';
import type { StoredFile } from '../domain';
import { id, month, isoDate } from './fields';

const half = z.enum(['上', '下'], { message: '请选择上午或下午' });
const token = z.string().min(1, '请先上传文件');
const townshipMonth = z.object({ townshipId: id, month });
const approvalLevel = z.enum(['乡镇党委', '县委组织部'], { message: '审批层级应为“乡镇党委”或“县委组织部”' });

export interface GridRow {
  cadreId: number;
  name: string;
  postType: string;
  /** Village(s) served in this township during the month, joined with 、; null for township posts. */
  village: string | null;
  /** The cadre's postings in this township that touch the month. */
  postings: PostingSpan[];
  /** One [AM, PM] pair per day of the month. */
  cells: DayCell[];
  /** The same halves as the register shows and counts them: rest and future halves told apart. */
  shown: RegisterDay[];
  /** Added up from `shown`. */
  counts: MonthCounts;
}

export interface CertificationInfo {
  id: number;
  townshipId: number;
  month: string;
  secretaryName: string;
  certifiedOn: string;
  sealApplied: true;
  scanSha256: string;
  createdBy: string | null;
  createdAt: string;
}

/** A township's month (main/core/attendance/grid.ts getMonthGrid). */
export interface MonthGrid {
  townshipId: number;
  townshipName: string;
  countyId: number;
  month: string;
  days: DayInfo[];
  rows: GridRow[];
  certification: CertificationInfo | null;
  settings: AttendanceSettings;
  /** True once the month has ended (before that, days still to come count as their default). */
  complete: boolean;
}

/** The month as the screen gets it: with the certified scan as a stored file, for preview. */
export interface MonthGridView extends MonthGrid {
  scan: StoredFile | null;
}

export interface CellEditInput {
  cadreId: number;
  date: string;
  /** 全 (default) = both halves; 上 = morning; 下 = afternoon. */
  half?: CellHalf;
  code: EditableCode;
}

export interface HistoryEntryView {
  id: number;
  at: string;
  operator: string | null;
  action: 'edit' | 'certify' | 'revoke' | 'leave';
  actionLabel: string;
  summary: string;
  detail: Record<string, unknown>;
}

const cellEdit = z.object({
  cadreId: id,
  date: isoDate,
  half: z.enum(['全', '上', '下']).optional(),
  code: z.enum(EDITABLE_CODES as [EditableCode, ...EditableCode[]], { message: '未知的考勤代码' }),
});

/** A problem the secretary must confirm before sealing the month (see main/core/attendance/certifyChecks.ts). */
export interface CertifyWarning {
  /** Stable within the month's data: `事假无请假|12`, `缺勤|12`, `在岗不足|12`. */
  key: string;
  kind: '事假无请假记录' | '缺勤待说明' | '在岗不足';
  cadreId: number;
  name: string;
  text: string;
  /** The confirmation must say why (缺勤). */
  needsNote: boolean;
}

export interface CertifyConfirmation {
  key: string;
  note?: string;
}

export const certifyConfirmationSchema = z.object({
  key: z.string().min(1).max(100),
  note: z.string().max(200, '说明不能超过200个字').optional(),
});

export const attendanceChannels = {
  /** A township's month: days (weekends, holidays, 调休), rows with counts, certification. */
  'attendance.grid': { input: townshipMonth, output: null as unknown as MonthGridView },
  /** Cell edits in one transaction; `undo` restores what they replaced (see main/core/attendance/grid.ts). */
  'attendance.setCells': {
    input: townshipMonth.extend({ edits: z.array(cellEdit).max(5000, '一次最多修改5000个格子') }),
    output: null as unknown as { rows: GridRow[]; undo: CellEditInput[]; changed: number },
  },
  /**
   * Certifies the month with the staged scan of the signed, sealed register. The scan is
   * stored once and filed as 月考勤登记表 in the bag of every cadre on the grid.
   */
  'attendance.certify': {
    input: townshipMonth.extend({
      secretaryName: z.string().max(30, '乡镇党委书记姓名不能超过30个字'),
      certifiedOn: isoDate,
      sealApplied: z.boolean(),
      scanToken: token,
      /** One per warning of `attendance.certify.warnings`, explained where it needs a note. */
      confirmations: z.array(certifyConfirmationSchema).max(2000).optional(),
    }),
    output: null as unknown as { certification: CertificationInfo; filed: number },
  },
  /** What must be confirmed before the month can be certified. */
  'attendance.certify.warnings': { input: townshipMonth, output: null as unknown as CertifyWarning[] },
  'attendance.revoke': {
    input: townshipMonth.extend({ reason: z.string().max(500, '撤销原因不能超过500个字') }),
    output: null as unknown as { revoked: true },
  },
  'attendance.history': { input: townshipMonth, output: null as unknown as HistoryEntryView[] },
  /** Leave touching the month of cadres posted in the township (newest first). */
  'attendance.leave.list': { input: townshipMonth, output: null as unknown as LeaveRequest[] },
  /** Registers a request; with `approver` it is approved in the same transaction. */
  'attendance.leave.add': {
    input: z.object({
      cadreId: id,
      type: z.enum(LEAVE_TYPES, { message: '请选择请假类型' }),
      start: isoDate,
      startHalf: half,
      end: isoDate,
      endHalf: half,
      reason: z.string().max(500, '请假事由不能超过500个字'),
      approver: z.string().trim().max(30, '审批人姓名不能超过30个字').optional(),
      approverLevel: approvalLevel.optional(),
      proofToken: token.optional(),
    }),
    output: null as unknown as LeaveRequest,
  },
  'attendance.leave.approve': {
    input: z.object({
      leaveId: id,
      approver: z.string().max(30, '审批人姓名不能超过30个字'),
      /** The level that actually approved (compared with the level the days require). */
      approverLevel: approvalLevel.optional(),
      approvedOn: isoDate.optional(),
    }),
    output: null as unknown as LeaveRequest,
  },
  'attendance.leave.reject': {
    input: z.object({ leaveId: id, approver: z.string().max(30, '审批人姓名不能超过30个字') }),
    output: null as unknown as LeaveRequest,
  },
  'attendance.leave.return': {
    input: z.object({ leaveId: id, returnedOn: isoDate, returnedHalf: half.optional() }),
    output: null as unknown as LeaveRequest,
  },
  'attendance.holidays.list': {
    input: z.object({ year: z.number().int().min(2000).max(2100) }),
    output: null as unknown as HolidayEntry[],
  },
  'attendance.holidays.set': {
    input: z.object({
      date: isoDate,
      kind: z.enum(['holiday', 'workday'], { message: '请选择“放假”或“调休上班”' }),
      name: z.string().max(20, '节日名称不能超过20个字'),
    }),
    output: null as unknown as HolidayEntry,
  },
  'attendance.holidays.delete': { input: z.object({ date: isoDate }), output: null as unknown as { deleted: true } },
} as const;
