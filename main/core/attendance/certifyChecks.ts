/**
 * What the township secretary must see before sealing a month (认定前核对): every 事假 without
 * a leave request, every 缺勤 (each needs an explanation), and every cadre under the monthly
 * minimum. Each warning has a stable key; certifying needs an explicit confirmation of every
 * key, and the confirmations go into the certification's history.
 */
import type { CertifyConfirmation, CertifyWarning } from '../../../shared/api/attendance';
import { monthFirst, monthLast } from '../../../shared/attendance';
import { AppError } from '../../../shared/result';
import type { Db } from '../../store/db';
import { stmt } from './common';
import { getMonthGrid } from './grid';

const md = (d: string) => `${Number(d.slice(5, 7))}月${Number(d.slice(8))}日`;
const HALF: Record<string, string> = { 全: '', 上: '上午', 下: '下午' };
const fmt = (n: number) => String(Math.round(n * 10) / 10);

export function certificationWarnings(db: Db, townshipId: number, month: string, today?: string): CertifyWarning[] {
  const grid = getMonthGrid(db, townshipId, month, today);
  const rest = new Set(grid.days.filter((d) => d.rest).map((d) => d.date));
  const restCounts = grid.settings.restDaysCount;
  const out: CertifyWarning[] = [];
  const cells = stmt(
    db,
    `SELECT date, half, code, leave_id AS leaveId FROM attendance_cells
      WHERE cadre_id = ? AND date BETWEEN ? AND ? AND code IN ('事假', '缺勤') ORDER BY date, half`,
  );
  for (const r of grid.rows) {
    const list = cells.all(r.cadreId, monthFirst(month), monthLast(month)) as Array<{ date: string; half: string; code: string; leaveId: number | null }>;
    // Only days inside this township's posting belong to this grid.
    const inRow = list.filter((c) => r.cells[Number(c.date.slice(8)) - 1]?.some((x) => x !== '未到任'));
    const personal = inRow.filter((c) => c.code === '事假' && c.leaveId === null);
    if (personal.length) {
      out.push({
        key: `事假无请假|${r.cadreId}`,
        kind: '事假无请假记录',
        cadreId: r.cadreId,
        name: r.name,
        text: `${r.name}登记事假（${personal.map((c) => md(c.date) + HALF[c.half]).join('、')}），无对应的请假审批记录`,
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
        text: `${r.name}缺勤${fmt(r.counts.absent)}天（${absent.map((c) => md(c.date) + HALF[c.half]).join('、')}），须说明原因`,
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
    throw new AppError(
      'CONFLICT',
      `认定前须逐条确认以下${open.length}个问题：${open.map((w) => w.text).join('；')}`,
    );
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
