/**
 * Attendance by month (one landscape table: a row per month, a column per day, totals and who
 * certified the month when), then the five-must and check records — read only when the tables
 * of migration 0003 exist, so the dossier prints the same before and after they land.
 */
import { getMonthGrid } from '../../core/dossierReads/readers';
import type { AttendanceCode, RegisterHalf } from '../../../shared/attendance';
import type { GridRow, MonthGrid } from '../../../shared/api/attendance';
import type { Item, Section, TableColumn } from '../typeset/model';
import { itemCode, stampFor, type BuildContext } from './context';
import { eventItems } from './events';
import { monthLabel } from '../../../shared/dates';
import { DAY_MARKS, dayMarkOf } from '../../../shared/attendanceMarks';
import { localToday } from '../../core/runtime/clock';

const LEGEND =
  '说明：√ 在岗，出 因公外出，事 事假，病 病假，公 公假，婚 婚丧产假，缺 缺勤，休 不计天数的休息日，空白为不在任职期内；半天分两行，上行为上午、下行为下午（／为该半天不在任职期内），天数按半天计。' +
  '未经乡镇党委认定的月份只列出已登记的请假、缺勤等情况，不计天数（—）。';

const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

function monthsOf(from: string, to: string): string[] {
  const last = [to, localToday()].sort()[0]!.slice(0, 7);
  const out: string[] = [];
  for (let m = from.slice(0, 7); m <= last; ) {
    out.push(m);
    const [y, mm] = m.split('-').map(Number) as [number, number];
    m = mm === 12 ? `${y + 1}-01` : `${y}-${String(mm + 1).padStart(2, '0')}`;
  }
  return out;
}

function grid(ctx: BuildContext, townshipId: number, month: string): MonthGrid {
  const key = `${townshipId}:${month}`;
  let g = ctx.grids.get(key);
  if (!g) ctx.grids.set(key, (g = getMonthGrid(ctx.db, townshipId, month)));
  return g;
}

/** A whole day: one mark; a day split in halves: the morning's mark above the afternoon's (as in the register). */
function dayMark(cell: readonly [RegisterHalf, RegisterHalf]): string {
  const [am, pm] = cell;
  if (am === pm) return dayMarkOf(am);
  return `${dayMarkOf(am) || '／'}\n${dayMarkOf(pm) || '／'}`;
}

export function attendanceSections(ctx: BuildContext): Section[] {
  const rows: string[][] = [];
  // Totals and "达到规定" come from certified months only (issue 11 B); the rest is said as it is.
  let certifiedMonths = 0;
  let onPost = 0;
  let leave = 0;
  let absent = 0;
  const short: string[] = [];
  const uncertified: string[] = [];
  const running: string[] = [];
  for (const month of monthsOf(ctx.from, ctx.to)) {
    const townships = [
      ...new Set(
        ctx.cadre.postings
          .filter((p) => p.start.slice(0, 7) <= month && (p.end === null || p.end.slice(0, 7) >= month))
          .map((p) => p.townshipId),
      ),
    ];
    for (const t of townships) {
      const g = grid(ctx, t, month);
      const row: GridRow | undefined = g.rows.find((r) => r.cadreId === ctx.cadre.id);
      if (!row) continue;
      const c = row.counts;
      const label = month.slice(0, 4) === ctx.from.slice(0, 4) && ctx.scope !== 'term' ? `${Number(month.slice(5))}月` : monthLabel(month);
      const cert = g.certification;
      if (cert) {
        certifiedMonths++;
        onPost += c.onPost;
        leave += c.leave;
        absent += c.absent;
        if (!c.meetsMinimum) short.push(`${label}（${fmt(c.onPost)}天）`);
      } else if (g.complete) uncertified.push(label);
      else running.push(label);
      // A certified month prints the halves as counted (rest days as 休, so the marks add up to the
      // totals); an uncertified one prints what was entered (exceptions), never default 在岗 marks.
      const mark = (d: number): string => {
        if (cert) return row.shown[d] ? dayMark(row.shown[d]!) : '';
        const cell = row.cells[d];
        if (!cell) return '';
        const m = dayMark(cell as readonly [AttendanceCode, AttendanceCode]);
        return m !== DAY_MARKS.在岗 ? m : '';
      };
      rows.push([
        townships.length > 1 ? `${label}${g.townshipName}` : label,
        ...Array.from({ length: 31 }, (_, d) => mark(d)),
        cert ? String(c.required) : '—',
        cert ? fmt(c.onPost) : '—',
        cert ? fmt(c.leave) : '—',
        cert ? fmt(c.absent) : '—',
        cert ? `${cert.secretaryName} ${cert.certifiedOn.slice(0, 10)}` : g.complete ? '未认定' : '本月未结束',
      ]);
    }
  }
  const items: Item[] = [];
  if (rows.length) {
    const no = ctx.nextItemNo();
    const columns: TableColumn[] = [
      { title: '月份', widthMm: 11, align: 'center' },
      ...Array.from({ length: 31 }, (_, d) => ({ title: String(d + 1), widthMm: 4.6, align: 'center' as const })),
      { title: '应在岗', widthMm: 9.6, align: 'center' },
      { title: '在岗', widthMm: 9, align: 'center' },
      { title: '请假', widthMm: 9, align: 'center' },
      { title: '缺勤', widthMm: 9, align: 'center' },
    ];
    const used = columns.reduce((a, c) => a + (c.widthMm ?? 0), 0);
    columns.push({ title: '乡镇党委认定（书记 日期）', widthMm: 224 - used });
    const title = `${ctx.cadre.name}${ctx.yearLabel}年度考勤情况`;
    const summary = attendanceSummary({ certifiedMonths, onPost, leave, absent, short, uncertified, running });
    items.push({
      kind: 'typeset',
      catalogue: { author: ctx.issuer, title, date: ctx.to, archiveCode: itemCode(ctx, no) },
      stamp: stampFor(ctx, no),
      blocks: [
        { kind: 'paragraph', text: summary },
        { kind: 'table', caption: `${title}（按月）`, columns, rows, fontSize: 9, landscape: true },
        { kind: 'paragraph', text: LEGEND },
      ],
    });
  }
  items.push(...eventItems(ctx));
  return items.length ? [{ title: '考勤与五必到、督查情况', items }] : [];
}

/** The sentence above the table: certified months only, and every month not certified named. */
export function attendanceSummary(t: {
  certifiedMonths: number;
  onPost: number;
  leave: number;
  absent: number;
  short: string[];
  uncertified: string[];
  running: string[];
}): string {
  const parts: string[] = [];
  if (t.certifiedMonths === 0) parts.push('期内各月考勤均未经乡镇党委认定，在岗天数未认定，不作统计。');
  else {
    parts.push(`经乡镇党委认定的${t.certifiedMonths}个月中，在岗${fmt(t.onPost)}天，请假${fmt(t.leave)}天，缺勤${fmt(t.absent)}天。`);
    parts.push(t.short.length ? `在岗不足规定天数的月份：${t.short.join('、')}。` : '已认定各月在岗天数均达到规定。');
  }
  if (t.uncertified.length && t.certifiedMonths > 0)
    parts.push(`尚未经乡镇党委认定的月份（未认定，不计入上述天数）：${t.uncertified.join('、')}。`);
  else if (t.uncertified.length) parts.push(`未认定的月份：${t.uncertified.join('、')}。`);
  if (t.running.length) parts.push(`${t.running.join('、')}尚未结束，不作统计。`);
  return parts.join('');
}
