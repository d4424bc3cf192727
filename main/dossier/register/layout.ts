/**
 * Lays out a township's 月考勤登记表 on A4 landscape with the dossier engine (Flow, tables
 * with repeated headers, TextKit): title, the cadre table with 31 day columns, the legend
 * and the signature boxes, then page numbers once the page count is known.
 *
 * The register gets its own, wider frame than GB/T 9704's landscape block (225 mm): 31
 * day columns need the width, and the register is a form, not an official document.
 */
import { wrapText } from '../typeset/justify';
import { baselineIn, Flow, type LaidPage } from '../typeset/flow';
import type { TextKit } from '../typeset/measure';
import type { TableBlock, TableColumn } from '../typeset/model';
import { MM, type Frame, type Orientation } from '../typeset/page';
import { layoutTable } from '../typeset/table';
import { cellMark, dayHeader, days, legend, remarks, shortPost } from './marks';
import type { RegisterData } from './data';
import { dateLabel, monthLabel } from '../../../shared/dates';

/** A4 landscape as viewed: binding margin left 20 mm, top 12, right 12, bottom 16 (page number). */
export const REGISTER_FRAME: Frame = {
  orientation: 'landscape',
  pageW: 297 * MM,
  pageH: 210 * MM,
  x: 20 * MM,
  y: 12 * MM,
  w: 265 * MM,
  h: 182 * MM,
};

const SIZE = 9;
const DAY_COLUMNS = 31;
/** mm: 序号, 姓名, 所在村/职务, 31 × day, 在岗天数, 请假天数, 备注 = 265. */
const WIDTHS_MM = [8, 16, 32, ...Array<number>(DAY_COLUMNS).fill(5), 11, 11, 32];
/** Header band height of layoutTable (2 lines + padding), for shading rest-day headers. */
export const HEAD_H = 2 * SIZE * 1.4 + 1.6 * MM;
const SIGN_H = 24 * MM;

/** Register pages: every page uses REGISTER_FRAME; pages after the first get a running head. */
class RegisterFlow extends Flow {
  /** Top of the table header on each page, null on pages without one (shading of rest days). */
  readonly headTops: Array<number | null> = [];
  inTable = false;
  constructor(
    tk: TextKit,
    private readonly runningHead: string,
  ) {
    super(tk);
  }

  override newPage(o: Orientation): void {
    super.newPage(o);
    this.frame = REGISTER_FRAME;
    this.y = REGISTER_FRAME.y;
    if (this.pages.length > 1) {
      const size = 10.5;
      this.text(this.runningHead, REGISTER_FRAME.x, baselineIn(this.y, size * 1.6, size), this.tk.names.sans, size);
      this.y += size * 1.6 + 1 * MM;
    }
    this.headTops.push(this.inTable ? this.y : null);
  }
}

export interface RegisterLayout {
  pages: LaidPage[];
  /** Header tops per page and the x ranges of rest-day columns, shaded when painting. */
  headTops: Array<number | null>;
  restColumns: Array<{ x: number; w: number }>;
}

export function layoutRegister(tk: TextKit, data: RegisterData, blank: boolean): RegisterLayout {
  const { grid, countyName } = data;
  const monthText = monthLabel(grid.month);
  const title = '选派干部月考勤登记表';
  const flow = new RegisterFlow(tk, `${countyName}${grid.townshipName}　${monthText}　${title}（续）`);
  flow.newPage('landscape');
  const f = REGISTER_FRAME;

  // title and the line under it
  const tSize = 18;
  const tw = tk.width(title, tk.names.serifBold, tSize);
  flow.text(title, f.x + (f.w - tw) / 2, baselineIn(flow.y, tSize * 1.5, tSize), tk.names.serifBold, tSize);
  flow.y += tSize * 1.5;
  const iSize = 10.5;
  const base = baselineIn(flow.y, iSize * 1.6, iSize);
  flow.text(`乡镇：${countyName}${grid.townshipName}`, f.x, base, tk.names.body, iSize);
  const mw = tk.width(`考勤月份：${monthText}`, tk.names.body, iSize);
  flow.text(`考勤月份：${monthText}`, f.x + (f.w - mw) / 2, base, tk.names.body, iSize);
  const right = `共 ${grid.rows.length} 人${grid.certification && !blank ? '　已认定' : ''}`;
  flow.text(right, f.x + f.w - tk.width(right, tk.names.body, iSize), base, tk.names.body, iSize);
  flow.y += iSize * 1.6;
  // layoutTable adds 0.3 pitch above a table that does not open a page
  flow.headTops[0] = flow.y + SIZE * 1.4 * 0.3;

  const dayCols = Array.from({ length: DAY_COLUMNS }, (_, i) => grid.days[i]);
  const table: TableBlock = {
    kind: 'table',
    fontSize: SIZE,
    landscape: true,
    columns: (
      [
        { title: '序号', align: 'center' },
        { title: '姓名', align: 'center' },
        { title: '所在村/职务', align: 'left' },
        ...dayCols.map((d) => ({ title: d ? dayHeader(d) : '', align: 'center' as const })),
        { title: '在岗\n天数', align: 'center' },
        { title: '请假\n天数', align: 'center' },
        { title: '备注', align: 'left' },
      ] as TableColumn[]
    ).map((c, i) => ({ ...c, widthMm: WIDTHS_MM[i]! })),
    rows: grid.rows.map((r, i) => [
      String(i + 1),
      r.name,
      r.village ? `${r.village} ${shortPost(r.postType)}` : shortPost(r.postType),
      ...dayCols.map((_, d) => (blank || !r.shown[d] ? '' : cellMark(r.shown[d]!))),
      blank ? '' : days(r.counts.onPost),
      blank ? '' : days(r.counts.leave),
      blank ? '' : remarks(r.counts, r.postings, grid.month, grid.complete),
    ]),
  };
  flow.inTable = true;
  layoutTable(flow, table, { orientation: 'landscape', widths: WIDTHS_MM.map((w) => w * MM) });
  flow.inTable = false;

  // legend and signature boxes stay together on the last page
  const lSize = 8;
  const lPitch = lSize * 1.45;
  const lines = wrapText(legend(grid.settings), { width: f.w, measure: tk.measurer(tk.names.body, lSize), justify: false });
  flow.ensure(lines.length * lPitch + 2 * MM + SIGN_H, 'landscape');
  flow.lines(lines, { x: f.x, width: f.w, font: tk.names.body, size: lSize, pitch: lPitch, orientation: 'landscape' });
  flow.y += 2 * MM;
  signBoxes(flow, data, blank);

  const restColumns: Array<{ x: number; w: number }> = [];
  let x = f.x;
  WIDTHS_MM.forEach((w, i) => {
    const d = i >= 3 && i < 3 + DAY_COLUMNS ? grid.days[i - 3] : undefined;
    if (d?.rest) restColumns.push({ x, w: w * MM });
    x += w * MM;
  });

  // page numbers, now that the count is known
  const total = flow.pages.length;
  flow.pages.forEach((p, i) => {
    const text = `第 ${i + 1} 页 共 ${total} 页`;
    const w = tk.width(text, tk.names.body, SIZE);
    p.ops.push({ t: 'text', x: f.x + (f.w - w) / 2, y: f.y + f.h + 8 * MM, text, font: tk.names.body, size: SIZE, cs: 0 });
  });
  return { pages: flow.pages, headTops: flow.headTops, restColumns };
}

/** 村党组织书记确认 | 乡镇党委书记签字 | 乡镇党委（盖章） | 日期 — filled from a recorded certification. */
function signBoxes(flow: Flow, data: RegisterData, blank: boolean): void {
  const tk = flow.tk;
  const f = REGISTER_FRAME;
  const cert = blank ? null : data.grid.certification;
  const boxes: Array<{ w: number; label: string; value: string }> = [
    { w: 75, label: '村党组织书记确认：', value: '' },
    { w: 75, label: '乡镇党委书记签字：', value: cert ? `${cert.secretaryName}（已签字认定）` : '' },
    { w: 65, label: '乡镇党委（盖章）：', value: cert ? '已盖章，原件扫描件存档' : '' },
    { w: 50, label: '日期：', value: cert ? dateLabel(cert.certifiedOn) : '　　年　　月　　日' },
  ];
  const top = flow.y;
  let x = f.x;
  flow.line(f.x, top, f.x + f.w, top);
  flow.line(f.x, top + SIGN_H, f.x + f.w, top + SIGN_H);
  flow.line(x, top, x, top + SIGN_H);
  for (const b of boxes) {
    const w = b.w * MM;
    flow.text(b.label, x + 2 * MM, baselineIn(top + 1 * MM, 14, 10), tk.names.sans, 10);
    if (b.value) {
      const size = 11;
      const vw = tk.width(b.value, tk.names.body, size);
      flow.text(b.value, x + w - 3 * MM - vw, baselineIn(top + SIGN_H - 9 * MM, 16, size), tk.names.body, size);
    }
    x += w;
    flow.line(x, top, x, top + SIGN_H);
  }
  flow.y = top + SIGN_H;
}
