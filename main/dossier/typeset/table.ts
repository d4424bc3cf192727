/**
 * Tables: column widths (mm, or shared from what is left by natural width), cells
 * wrapped with justify.ts (no justification), header row repeated on every page; a row
 * that does not fit is split across the page break (rowSlice) rather than leaving the
 * rest of the page blank. A table wider than the
 * portrait block is set on landscape pages (see page.ts).
 */
import { widestUnbreakable, wrapText, type Line } from './justify';
import { baselineIn, type Flow } from './flow';
import type { TextKit } from './measure';
import type { ColumnAlign, Picture, TableBlock, TableColumn } from './model';
import { pictureSize } from './picture';
import { LANDSCAPE, MM, PORTRAIT, type Orientation } from './page';

const PAD_MAX = 1.2 * MM;
/** Horizontal cell padding: less in narrow columns (day columns of a register). */
const padX = (w: number) => Math.min(PAD_MAX, w * 0.1);
const PAD_Y_MM = 0.8;
const MIN_COL = 6 * MM;
const MAX_NATURAL = 60 * MM;

export interface TableGeometry {
  orientation: Orientation;
  widths: number[];
}

/** Column widths and orientation of a table. */
export function tableGeometry(tk: TextKit, t: TableBlock, frameWidth?: number): TableGeometry {
  const size = t.fontSize ?? 10.5;
  const natural = t.columns.map((c, i) => {
    if (c.widthMm) return c.widthMm * MM;
    let w = tk.width(c.title, tk.names.sans, size);
    for (const r of t.rows) {
      const cell = r[i] ?? '';
      if (cell.length > 60) return MAX_NATURAL;
      w = Math.max(w, ...cell.split('\n').map((p) => tk.width(p, tk.names.body, size)));
    }
    return Math.min(MAX_NATURAL, Math.max(MIN_COL, w + 2 * PAD_MAX + 1));
  });
  const total = natural.reduce((a, b) => a + b, 0);
  const orientation: Orientation = t.landscape || total > PORTRAIT.w + 0.5 ? 'landscape' : 'portrait';
  const avail = frameWidth ?? (orientation === 'portrait' ? PORTRAIT.w : LANDSCAPE.w);
  const fixed = t.columns.reduce((a, c, i) => a + (c.widthMm ? natural[i]! : 0), 0);
  const flex = total - fixed;
  let widths: number[];
  if (flex > 0 && fixed < avail) {
    // columns without a width share what is left, in proportion to their natural width
    const k = (avail - fixed) / flex;
    widths = natural.map((w, i) => (t.columns[i]!.widthMm ? w : w * k));
  } else {
    widths = natural.slice();
  }
  const sum = widths.reduce((a, b) => a + b, 0);
  if (sum > avail) widths = widths.map((w) => (w * avail) / sum);
  return { orientation, widths };
}

/** A picture in a cell: it takes `span` lines from line `line` of the cell. */
interface CellPicture {
  line: number;
  span: number;
  w: number;
  h: number;
  data: Buffer;
}

interface CellLines {
  lines: Line[];
  align: ColumnAlign;
  /** Font size of this cell when shrunk to fit its column (TableColumn.shrinkToFitMin). */
  size?: number;
  pictures?: CellPicture[];
}

/** Tallest picture in a cell, so a row with pictures always fits on one page. */
const MAX_CELL_PICTURE = 80 * MM;
const BLANK: Line = { text: '', width: 0, indent: 0, charSpacing: 0, gaps: 0, segments: [], last: true };

/**
 * Wrapped cell text per TextKit (one document), keyed by font, size, width and text: the
 * cells of registers and tables repeat ("√", "1", "事假"), and wrapping is a pure function
 * of these. Emptied when it grows large, so memory stays bounded on long tables.
 */
const cellCache = new WeakMap<TextKit, Map<string, Line[]>>();
const CELL_CACHE_MAX = 20_000;

function wrapCell(tk: TextKit, text: string, width: number, font: string, size: number): Line[] {
  let cache = cellCache.get(tk);
  if (!cache) cellCache.set(tk, (cache = new Map()));
  const key = `${font}\u0000${size}\u0000${width}\u0000${text}`;
  let lines = cache.get(key);
  if (!lines) {
    if (cache.size >= CELL_CACHE_MAX) cache.clear();
    lines = wrapText(text, { width, measure: tk.measurer(font, size), justify: false });
    cache.set(key, lines);
  }
  // a fresh array: callers append picture lines to it
  return lines.slice();
}

/**
 * The size a cell of a shrink-to-fit column is set in: `size` when it is not broken where it
 * must not be, else the largest size (0.1 pt steps) down to `fit.min` at which it is not;
 * `size` when not even `fit.min` is enough (the cell then wraps as any other).
 */
function fitSize(tk: TextKit, text: string, inner: number, font: string, size: number, fit: TableColumn['shrinkToFit']): number {
  if (!fit || !text) return size;
  if (fit.keep === 'line' && text.includes('\n')) return size;
  const natural = fit.keep === 'line' ? tk.width(text, font, size) : widestUnbreakable(text, tk.measurer(font, size));
  if (natural <= inner + 1e-6) return size;
  const fitted = Math.floor(((size * inner) / natural) * 10) / 10;
  return fitted >= fit.min ? fitted : size;
}

function wrapRow(
  tk: TextKit,
  cells: string[],
  widths: number[],
  font: string,
  size: number,
  aligns: ColumnAlign[],
  pictures?: Picture[][],
  pitch = size * 1.4,
  shrinkToFit: Array<TableColumn['shrinkToFit']> = [],
): CellLines[] {
  return widths.map((w, i) => {
    const inner = Math.max(1, w - 2 * padX(w));
    const own = pictures?.[i] ?? [];
    const fitted = own.length === 0 ? fitSize(tk, cells[i] ?? '', inner, font, size, shrinkToFit[i]) : size;
    if (fitted !== size) return { lines: wrapCell(tk, cells[i]!, inner, font, fitted), align: aligns[i] ?? 'left', size: fitted };
    // a cell holding only pictures has no empty text line above them
    const lines = cells[i] || own.length === 0 ? wrapCell(tk, cells[i] ?? '', inner, font, size) : [];
    const placed: CellPicture[] = [];
    for (const p of own) {
      const { w: pw, h: ph } = pictureSize(p, inner, MAX_CELL_PICTURE);
      const span = Math.ceil((ph + 2) / pitch);
      placed.push({ line: lines.length, span, w: pw, h: ph, data: p.data });
      for (let k = 0; k < span; k++) lines.push(BLANK);
    }
    return { lines, align: aligns[i] ?? 'left', ...(placed.length ? { pictures: placed } : {}) };
  });
}

/** Draws `count` lines from `from` of each cell as one row band starting at flow.y. */
function drawBand(
  flow: Flow,
  x0: number,
  widths: number[],
  cells: CellLines[],
  from: number,
  count: number,
  font: string,
  size: number,
  pitch: number,
  padY: number,
): number {
  const h = count * pitch + 2 * padY;
  const top = flow.y;
  let x = x0;
  cells.forEach((c, i) => {
    const w = widths[i]!;
    for (let k = 0; k < count; k++) {
      const l = c.lines[from + k];
      if (!l || !l.text) continue;
      let lx = x + padX(w);
      if (c.align === 'center') lx = x + (w - l.width) / 2;
      else if (c.align === 'right') lx = x + w - padX(w) - l.width;
      const cs = c.size ?? size;
      flow.text(l.text, lx, baselineIn(top + padY + k * pitch, pitch, cs), font, cs);
    }
    for (const p of c.pictures ?? []) {
      if (p.line < from || p.line >= from + count) continue;
      const px = c.align === 'center' ? x + (w - p.w) / 2 : c.align === 'right' ? x + w - padX(w) - p.w : x + padX(w);
      flow.picture(p.data, px, top + padY + (p.line - from) * pitch + (p.span * pitch - p.h) / 2, p.w, p.h);
    }
    x += w;
  });
  const right = x;
  // borders: bottom rule, and the verticals of this band (the top is the previous band's bottom)
  flow.line(x0, top + h, right, top + h);
  let vx = x0;
  flow.line(vx, top, vx, top + h);
  for (const w of widths) {
    vx += w;
    flow.line(vx, top, vx, top + h);
  }
  flow.y += h;
  return h;
}

/** Fewest lines of a row left on either side of a page break. */
const MIN_SPLIT = 2;

/**
 * How many of a row's `rest` lines go on the current page with `room` lines left: all of
 * them when they fit; otherwise the row is split, keeping at least MIN_SPLIT lines on
 * each side of the break (a row of 3 lines or fewer moves whole); 0 starts a new page.
 * On a page holding only the header (`atTop`) a row always starts, however tall.
 */
export function rowSlice(rest: number, room: number, atTop: boolean): number {
  if (rest <= room) return rest;
  if (room < 1) return 0;
  if (atTop) return room;
  const take = Math.min(room, rest - MIN_SPLIT);
  return take >= MIN_SPLIT ? take : 0;
}

/** Lays out a table in the flow (new landscape page(s) when the table is wide). */
export function layoutTable(flow: Flow, t: TableBlock, geometry?: TableGeometry): void {
  const tk = flow.tk;
  const size = t.fontSize ?? 10.5;
  const pitch = size * (t.lineHeight ?? 1.4);
  const PAD_Y = (t.padYMm ?? PAD_Y_MM) * MM;
  const { orientation, widths } = geometry ?? tableGeometry(tk, t);
  const head = wrapRow(
    tk,
    t.columns.map((c) => c.title),
    widths,
    tk.names.sans,
    size,
    t.columns.map(() => 'center'),
  );
  const headLines = Math.max(1, ...head.map((c) => c.lines.length));
  const headH = headLines * pitch + 2 * PAD_Y;
  const capSize = 12;
  const capH = t.caption ? capSize * 2 : 0;
  const aligns = t.columns.map((c) => c.align ?? 'left');
  const tableW = widths.reduce((a, b) => a + b, 0);

  const startPage = (first: boolean) => {
    const f = flow.frame;
    const x0 = f.x + (f.w - tableW) / 2;
    if (first && t.caption) {
      const lines = wrapText(t.caption, { width: f.w, measure: tk.measurer(tk.names.sans, capSize), justify: false });
      flow.lines(lines, { x: f.x, width: f.w, font: tk.names.sans, size: capSize, pitch: capSize * 1.8, align: 'center', orientation });
    }
    flow.line(x0, flow.y, x0 + tableW, flow.y);
    drawBand(flow, x0, widths, head, 0, headLines, tk.names.sans, size, pitch, PAD_Y);
    return x0;
  };

  const shrink = t.columns.map((c) => c.shrinkToFit);
  const rowCells = (ri: number) => wrapRow(tk, t.rows[ri]!, widths, tk.names.body, size, aligns, t.cellImages?.[ri], pitch, shrink);
  const firstRow = t.rows[0] ? rowCells(0) : [];
  const firstH = Math.max(1, ...firstRow.map((c) => c.lines.length)) * pitch + 2 * PAD_Y;
  if (orientation === 'landscape' && flow.page.orientation !== 'landscape') flow.newPage('landscape');
  // the header stays with the first row (all of it when it holds a picture: such rows never split)
  else
    flow.ensure(
      capH + headH + (firstRow.some((c) => c.pictures?.length) ? firstH : Math.min(firstH, MIN_SPLIT * pitch + 2 * PAD_Y)),
      orientation,
    );
  if (flow.y > flow.frame.y + 0.01) flow.y += pitch * 0.3;
  let x0 = startPage(true);

  t.rows.forEach((_row, ri) => {
    const cells = ri === 0 ? firstRow : rowCells(ri);
    const n = Math.max(1, ...cells.map((c) => c.lines.length));
    // a row holding a picture is never split (the picture would be cut), unless it alone fills a page
    const whole = cells.some((c) => c.pictures?.length);
    let done = 0;
    while (done < n) {
      const room = Math.floor((flow.bottom - flow.y - 2 * PAD_Y) / pitch + 1e-6);
      const atTop = flow.fresh || flow.y <= flow.frame.y + headH + 0.01;
      const take = whole && n - done > room && !atTop ? 0 : rowSlice(n - done, room, atTop);
      if (take === 0) {
        flow.newPage(orientation);
        x0 = startPage(false);
        continue;
      }
      drawBand(flow, x0, widths, cells, done, take, tk.names.body, size, pitch, PAD_Y);
      done += take;
    }
  });
  flow.y += pitch * 0.5;
}
