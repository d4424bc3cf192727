/**
 * Attendance by month (one landscape table: a row per month, a column per day, totals and who
 * certified the month when), then the five-must and check records — read only when the tables
 * of migration 0003 exist, so the dossier prints the same before and after they land.
 */
import type { AttendanceCode } from '../../../shared/attendance';
import type { GridRow, MonthGrid } from '../../../shared/api/attendance';
import { getMonthGrid } from '../../core/attendance/grid';
import { localToday } from '../../core/attendance/common';
import type { Item, Section, TableColumn } from '../typeset/model';
import { itemCode, stampFor, type BuildContext } from './context';
import { eventItems } from './events';

/** One character per day (the register's marks); 公出 出 and 公假 公 so the two stay apart. */
const MARK: Record<AttendanceCode, string> = { 在岗: '√', 公出: '出', 事假: '事', 病假: '病', 公假: '公', 婚丧产假: '婚', 缺勤: '缺', 未到任: '' };
const LEGEND = '说明：√ 在岗，出 因公外出，事 事假，病 病假，公 公假，婚 婚丧产假，缺 缺勤，空白为不在任职期内；半天分两行，上行为上午、下行为下午（／为该半天不在任职期内），天数按半天计。';

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
function dayMark(cell: readonly [AttendanceCode, AttendanceCode]): string {
  const [am, pm] = cell;
  if (am === pm) return MARK[am];
  return `${MARK[am] || '／'}\n${MARK[pm] || '／'}`;
}

export function attendanceSections(ctx: BuildContext): Section[] {
  const rows: string[][] = [];
  let onPost = 0;
  let leave = 0;
  let absent = 0;
  const short: string[] = [];
  const uncertified: string[] = [];
  for (const month of monthsOf(ctx.from, ctx.to)) {
    const townships = [...new Set(ctx.cadre.postings.filter((p) => p.start.slice(0, 7) <= month && (p.end === null || p.end.slice(0, 7) >= month)).map((p) => p.townshipId))];
    for (const t of townships) {
      const g = grid(ctx, t, month);
      const row: GridRow | undefined = g.rows.find((r) => r.cadreId === ctx.cadre.id);
      if (!row) continue;
      const c = row.counts;
      onPost += c.onPost;
      leave += c.leave;
      absent += c.absent;
      const label = `${Number(month.slice(0, 4)) === Number(ctx.from.slice(0, 4)) && ctx.scope !== 'term' ? '' : `${month.slice(0, 4)}年`}${Number(month.slice(5))}月`;
      if (!c.meetsMinimum && g.complete) short.push(`${label}（${fmt(c.onPost)}天）`);
      const cert = g.certification;
      if (!cert && g.complete) uncertified.push(label);
      rows.push([
        townships.length > 1 ? `${label}${g.townshipName}` : label,
        ...Array.from({ length: 31 }, (_, d) => (row.cells[d] ? dayMark(row.cells[d]!) : '')),
        String(c.required),
        fmt(c.onPost),
        fmt(c.leave),
        fmt(c.absent),
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
    const summary =
      `期内在岗${fmt(onPost)}天，请假${fmt(leave)}天，缺勤${fmt(absent)}天。` +
      (short.length ? `在岗不足规定天数的月份：${short.join('、')}。` : '各月在岗天数均达到规定。') +
      (uncertified.length ? `尚未经乡镇党委认定的月份：${uncertified.join('、')}。` : '');
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
