/**
 * The rules a month must pass before it is certified, each written once:
 * - the form (certifyForm): secretary's name, seal, the month over, the date, not yet certified;
 *   checked before the scan is even stored, and again inside the certification;
 * - what the township secretary must see before sealing (认定前核对): every 事假 without a leave
 *   request, every 缺勤 (each needs an explanation), and every cadre under the monthly minimum.
 *   Each warning has a stable key; certifying needs an explicit confirmation of every key, and
 *   the confirmations go into the certification's history.
 */
import type { CertifyConfirmation, CertifyWarning, MonthGrid } from '../../../shared/api/attendance';
import { isIsoDate, monthFirst, monthLast } from '../../../shared/attendance';
import { AppError } from '../../../shared/result';
import type { Db } from '../../store/db';
import { activeCertification, assertMonth, townshipOf } from './common';
import { getMonthGrid } from './grid';
import { monthDayLabel, dateLabel, monthLabel } from '../../../shared/dates';
import { localToday } from '../runtime/clock';
import { stmt } from '../../store/statementCache';

/** The certification form, without the scan. */
export interface CertifyForm {
  townshipId: number;
  month: string;
  secretaryName: string;
  certifiedOn: string;
  sealApplied: boolean;
  /** The clerk's today (tests pin it). */
  today?: string;
}

/** Checks the form; returns the secretary's name as recorded and the day it was checked on. */
export function checkCertifyForm(db: Db, input: CertifyForm): { secretaryName: string; today: string } {
  const { townshipId, month } = input;
  assertMonth(month);
  const townshipName = townshipOf(db, townshipId).name;
  const existing = activeCertification(db, townshipId, month);
  if (existing) {
    throw new AppError(
      'CONFLICT',
      `${townshipName}${monthLabel(month)}考勤已由${existing.secretaryName}于${dateLabel(existing.certifiedOn)}认定；如需重新认定，须先撤销原认定并说明原因`,
    );
  }
  const secretaryName = (input.secretaryName ?? '').trim().replace(/\s+/g, '');
  if (!secretaryName) throw new AppError('INVALID_INPUT', '请填写签字认定的乡镇党委书记姓名');
  if (secretaryName.length > 30) throw new AppError('INVALID_INPUT', '乡镇党委书记姓名不能超过30个字');
  if (input.sealApplied !== true) throw new AppError('INVALID_INPUT', '纸质考勤表须加盖乡镇党委公章后方可认定，请确认已盖章');
  const today = input.today ?? localToday();
  if (monthFirst(month) > today) throw new AppError('INVALID_INPUT', `${monthLabel(month)}尚未到来，不能认定`);
  if (monthLast(month) >= today) throw new AppError('INVALID_INPUT', `${monthLabel(month)}尚未结束，月末之后方可认定`);
  if (!isIsoDate(input.certifiedOn)) throw new AppError('INVALID_INPUT', '认定日期格式应为 YYYY-MM-DD');
  if (input.certifiedOn > today) throw new AppError('INVALID_INPUT', '认定日期不能晚于今天');
  if (input.certifiedOn < monthFirst(month)) throw new AppError('INVALID_INPUT', `认定日期不能早于${monthLabel(month)}`);
  return { secretaryName, today };
}

const HALF: Record<string, string> = { 全: '', 上: '上午', 下: '下午' };
const fmt = (n: number) => String(Math.round(n * 10) / 10);

/** The warnings of a township's month (builds its grid). */
export function certificationWarnings(db: Db, townshipId: number, month: string, today?: string): CertifyWarning[] {
  return warningsOfGrid(db, getMonthGrid(db, townshipId, month, today));
}

/** The warnings of a grid already built (certifying reuses the grid it snapshots and files). */
export function warningsOfGrid(db: Db, grid: MonthGrid): CertifyWarning[] {
  const { month } = grid;
  const rest = new Set(grid.days.filter((d) => d.rest).map((d) => d.date));
  const restCounts = grid.settings.restDaysCount;
  const out: CertifyWarning[] = [];
  const cells = stmt(
    db,
    `SELECT date, half, code, leave_id AS leaveId FROM attendance_cells
      WHERE cadre_id = ? AND date BETWEEN ? AND ? AND code IN ('事假', '缺勤') ORDER BY date, half`,
  );
  for (const r of grid.rows) {
    const list = cells.all(r.cadreId, monthFirst(month), monthLast(month)) as Array<{
      date: string;
      half: string;
      code: string;
      leaveId: number | null;
    }>;
    // Only days inside this township's posting belong to this grid.
    const inRow = list.filter((c) => r.cells[Number(c.date.slice(8)) - 1]?.some((x) => x !== '未到任'));
    const personal = inRow.filter((c) => c.code === '事假' && c.leaveId === null);
    if (personal.length) {
      out.push({
        key: `事假无请假|${r.cadreId}`,
        kind: '事假无请假记录',
        cadreId: r.cadreId,
        name: r.name,
        text: `${r.name}登记事假（${personal.map((c) => monthDayLabel(c.date) + HALF[c.half]).join('、')}），无对应的请假审批记录`,
        needsNote: false,
      });
    }
    const absent = inRow.filter((c) => c.code === '缺勤' && (restCounts || !rest.has(c.date)));
    if (absent.length) {
      out.push({
        key: `缺勤|${r.cadreId}`,
        kind: '缺勤待说明',
        cadreId: r.cadreId,
        name: r.name,
        text: `${r.name}缺勤${fmt(r.counts.absent)}天（${absent.map((c) => monthDayLabel(c.date) + HALF[c.half]).join('、')}），须说明原因`,
        needsNote: true,
      });
    }
    if (!r.counts.meetsMinimum) {
      out.push({
        key: `在岗不足|${r.cadreId}`,
        kind: '在岗不足',
        cadreId: r.cadreId,
        name: r.name,
        text: `${r.name}在岗${fmt(r.counts.onPost)}天，少于应在岗${r.counts.required}天`,
        needsNote: false,
      });
    }
  }
  return out;
}

/**
 * Every warning confirmed (and explained where it must be): returns the confirmations as they
 * go into the history, each with its warning text. Throws a Chinese message listing what is
 * still open otherwise.
 */
export function confirmWarnings(
  warnings: readonly CertifyWarning[],
  confirmations: readonly CertifyConfirmation[] | undefined,
): Array<{ key: string; kind: string; text: string; note: string | null }> {
  const given = new Map((confirmations ?? []).map((c) => [c.key, (c.note ?? '').trim()]));
  const open = warnings.filter((w) => !given.has(w.key));
  if (open.length) {
    throw new AppError('CONFLICT', `认定前须逐条确认以下${open.length}个问题：${open.map((w) => w.text).join('；')}`);
  }
  const unexplained = warnings.filter((w) => w.needsNote && [...(given.get(w.key) ?? '')].length < 2);
  if (unexplained.length) {
    throw new AppError('INVALID_INPUT', `请说明缺勤原因：${unexplained.map((w) => w.name).join('、')}`);
  }
  const known = new Set(warnings.map((w) => w.key));
  const stale = [...given.keys()].filter((k) => !known.has(k));
  if (stale.length) throw new AppError('CONFLICT', '考勤已有变动，确认的问题与当前考勤不符，请重新核对后再认定');
  return warnings.map((w) => ({ key: w.key, kind: w.kind, text: w.text, note: given.get(w.key) || null }));
}
