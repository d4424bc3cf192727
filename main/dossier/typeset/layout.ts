/**
 * Layout before painting: blocks are laid out into pages of draw operations, so the
 * engine knows every item's page count before anything is drawn (the catalogue needs
 * the real start pages). Painting (paint.ts) replays the operations into pdfkit.
 */
import { Flow, type LaidPage } from './flow';
import { wrapText, type Line } from './justify';
import type { TextKit } from './measure';
import type { Block, HeadingBlock, ParagraphBlock } from './model';
import { PORTRAIT, type Frame } from './page';
import { layoutPicture } from './picture';
import { layoutTable } from './table';

/** GB/T 9704 body: 3号 face, 22 lines × 28 characters in the 156 × 225 mm block. */
export const BODY_SIZE = Math.min(16, PORTRAIT.w / 28);
export const BODY_PITCH = PORTRAIT.h / 22;

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

/** Centred heading lines over a landscape page (a printed table's title, subtitle and notes), each at 1.6 × its size. */
export function layoutLandscapeHeads(flow: Flow, heads: ReadonlyArray<readonly [text: string, font: string, size: number]>): void {
  const f = flow.frame;
  for (const [text, font, size] of heads) {
    const lines = wrapText(text, { width: f.w, measure: flow.tk.measurer(font, size), justify: false });
    flow.lines(lines, { x: f.x, width: f.w, font, size, pitch: size * 1.6, align: 'center', orientation: 'landscape' });
  }
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
  flow.lines(lines, {
    x: f.x,
    width: f.w,
    font,
    size: BODY_SIZE,
    pitch: BODY_PITCH,
    align: align === 'justify' ? 'left' : align,
    orientation: f.orientation,
  });
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
