/**
 * Layout before painting: blocks are laid out into pages of draw operations, so the
 * engine knows every item's page count before anything is drawn (the catalogue needs
 * the real start pages). Painting (paint.ts) replays the operations into pdfkit.
 */
import { placeSegments, wrapText, type Line } from './justify';
import type { TextKit } from './measure';
import type { Block, HeadingBlock, ParagraphBlock } from './model';
import { frameFor, PORTRAIT, type Frame, type Orientation } from './page';
import { layoutPicture } from './picture';
import { layoutTable } from './table';

export type DrawOp =
  | { t: 'text'; x: number; y: number; text: string; font: string; size: number; cs: number }
  | { t: 'line'; x1: number; y1: number; x2: number; y2: number; w: number }
  | { t: 'image'; x: number; y: number; w: number; h: number; data: Buffer };

export interface LaidPage {
  orientation: Orientation;
  ops: DrawOp[];
}

/** GB/T 9704 body: 3号 face, 22 lines × 28 characters in the 156 × 225 mm block. */
export const BODY_SIZE = Math.min(16, PORTRAIT.w / 28);
export const BODY_PITCH = PORTRAIT.h / 22;

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
    opts: { x: number; width: number; font: string; size: number; pitch: number; align?: 'left' | 'center' | 'right'; orientation?: Orientation },
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

/** The item title (2号 bold Song, centred) and an optional subtitle. */
export function layoutTitle(flow: Flow, title: string, subtitle?: string): void {
  const tk = flow.tk;
  const size = 22;
  const font = tk.names.serifBold;
  const f = PORTRAIT;
  const lines = wrapText(title, { width: f.w, measure: tk.measurer(font, size), justify: false });
  flow.lines(lines, { x: f.x, width: f.w, font, size, pitch: size * 1.5, align: 'center' });
  if (subtitle) {
    const sl = wrapText(subtitle, { width: f.w, measure: tk.measurer(tk.names.body, BODY_SIZE), justify: false });
    flow.lines(sl, { x: f.x, width: f.w, font: tk.names.body, size: BODY_SIZE, pitch: BODY_PITCH, align: 'center' });
  }
  flow.y += BODY_PITCH * 0.5;
}

/**
 * Text after a landscape table stays on that page when it fits there (a signature line
 * under a register); otherwise it starts a new portrait page.
 */
function textFrame(flow: Flow, wrap: (width: number) => Line[], pitch: number, extra = 0): { lines: Line[]; frame: Frame } {
  if (flow.page && flow.page.orientation === 'landscape') {
    const lines = wrap(flow.frame.w);
    if (flow.y + (lines.length + extra) * pitch <= flow.bottom + 0.01) return { lines, frame: flow.frame };
    flow.newPage('portrait');
  }
  return { lines: wrap(PORTRAIT.w), frame: PORTRAIT };
}

export function layoutParagraph(flow: Flow, b: ParagraphBlock): void {
  const tk = flow.tk;
  const font = tk.names.body;
  const align = b.align ?? 'justify';
  const wrap = (width: number) =>
    wrapText(b.text, {
      width,
      measure: tk.measurer(font, BODY_SIZE),
      indent: align === 'justify' ? 2 * BODY_SIZE : 0,
      justify: align === 'justify',
    });
  const { lines, frame: f } = textFrame(flow, wrap, BODY_PITCH);
  flow.lines(lines, { x: f.x, width: f.w, font, size: BODY_SIZE, pitch: BODY_PITCH, align: align === 'justify' ? 'left' : align, orientation: f.orientation });
}

export function layoutHeading(flow: Flow, b: HeadingBlock): void {
  const tk = flow.tk;
  const font = b.level === 1 ? tk.names.sans : b.level === 2 ? tk.names.serifBold : tk.names.body;
  const wrap = (width: number) => wrapText(b.text, { width, measure: tk.measurer(font, BODY_SIZE), indent: 2 * BODY_SIZE });
  const { lines, frame: f } = textFrame(flow, wrap, BODY_PITCH, 1);
  // keep with the next line
  flow.ensure(BODY_PITCH * (lines.length + 1), f.orientation);
  flow.lines(lines, { x: f.x, width: f.w, font, size: BODY_SIZE, pitch: BODY_PITCH, orientation: f.orientation });
}

export function layoutBlock(flow: Flow, b: Block): void {
  if (b.kind === 'paragraph') layoutParagraph(flow, b);
  else if (b.kind === 'heading') layoutHeading(flow, b);
  else if (b.kind === 'image') layoutPicture(flow, b, BODY_PITCH * 0.5);
  else layoutTable(flow, b);
}

/** Lays out a typeset item: always starts on a fresh portrait page. */
export function layoutItem(tk: TextKit, title: string, blocks: Block[], subtitle?: string): LaidPage[] {
  const flow = new Flow(tk);
  flow.newPage('portrait');
  layoutTitle(flow, title, subtitle);
  for (const b of blocks) layoutBlock(flow, b);
  return flow.pages;
}
