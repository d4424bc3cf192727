/**
 * The page flow of the layout stage: a column of pages being filled top-down with draw
 * operations (text runs and rules), which paint.ts later replays into pdfkit. Both the
 * block layouts (layout.ts) and the table layout (table.ts) place their lines here.
 */
import { placeSegments, type Line } from './justify';
import type { TextKit } from './measure';
import { frameFor, type Frame, type Orientation } from './page';

export type DrawOp =
  | { t: 'text'; x: number; y: number; text: string; font: string; size: number; cs: number }
  | { t: 'line'; x1: number; y1: number; x2: number; y2: number; w: number }
  | { t: 'image'; x: number; y: number; w: number; h: number; data: Buffer };

export interface LaidPage {
  orientation: Orientation;
  ops: DrawOp[];
}

/** A column of pages being filled top-down. */
export class Flow {
  readonly pages: LaidPage[] = [];
  page!: LaidPage;
  frame!: Frame;
  y = 0;

  constructor(readonly tk: TextKit) {}

  newPage(o: Orientation): void {
    this.page = { orientation: o, ops: [] };
    this.pages.push(this.page);
    this.frame = frameFor(o);
    this.y = this.frame.y;
  }

  get bottom(): number {
    return this.frame.y + this.frame.h;
  }

  /** True when nothing has been placed on the current page. */
  get fresh(): boolean {
    return !this.page || this.page.ops.length === 0;
  }

  /** Makes sure `h` fits on the current page in orientation `o`, else starts a new page. */
  ensure(h: number, o: Orientation = 'portrait'): void {
    if (!this.page || this.page.orientation !== o) this.newPage(o);
    else if (this.y + h > this.bottom + 0.01 && !this.fresh) this.newPage(o);
  }

  text(text: string, x: number, baseline: number, font: string, size: number, cs = 0): void {
    if (text) this.page.ops.push({ t: 'text', x, y: baseline, text, font, size, cs });
  }

  line(x1: number, y1: number, x2: number, y2: number, w = 0.5): void {
    this.page.ops.push({ t: 'line', x1, y1, x2, y2, w });
  }

  /** A PNG or JPEG picture with its top-left corner at (x, y), w × h pt. */
  picture(data: Buffer, x: number, y: number, w: number, h: number): void {
    this.page.ops.push({ t: 'image', x, y, w, h, data });
  }

  /** Places wrapped lines at `pitch`, breaking pages as needed. */
  lines(
    lines: Line[],
    opts: {
      x: number;
      width: number;
      font: string;
      size: number;
      pitch: number;
      align?: 'left' | 'center' | 'right';
      orientation?: Orientation;
    },
  ): void {
    const { x, width, font, size, pitch } = opts;
    for (const l of lines) {
      this.ensure(pitch, opts.orientation ?? 'portrait');
      let lx = x + l.indent;
      if (opts.align === 'center') lx = x + (width - l.width) / 2;
      else if (opts.align === 'right') lx = x + width - l.width;
      const baseline = baselineIn(this.y, pitch, size);
      if (l.charSpacing === 0) this.text(l.text, lx, baseline, font, size);
      else for (const s of placeSegments(l, this.tk.measurer(font, size))) this.text(s.text, lx + s.dx, baseline, font, size, s.cs);
      this.y += pitch;
    }
  }
}

/** Baseline of a line of `size` centred in a line box of height `pitch` starting at `top`. */
export function baselineIn(top: number, pitch: number, size: number): number {
  return top + pitch / 2 + size * 0.36;
}
