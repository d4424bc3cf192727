/**
 * A Word document's blocks (main/files/renditions/docx.ts) as blocks of our typesetting engine:
 * headings keep their level (1–3), list items get the label Word shows, tables take their first
 * row as the header, and pictures (PNG, JPEG) are printed where they stand — on their own line or
 * inside their table cell, scaled into the text block. A picture that cannot be printed (another
 * format, damaged, linked) leaves a line naming it and the reason; the engine never pretends it
 * was printed, and the count of those goes to the 备考表.
 */
import type { DocxBlock } from '../../core/renditions';
import type { Block, Picture, TableBlock } from '../typeset/model';

/** Text block width in mm (typeset/page.ts PORTRAIT: 156 mm). */
const BLOCK_MM = 156;

type DocxPicture = Extract<DocxBlock, { kind: 'image' }>;

/** PDF/A-1 allows no transparency: a PNG with alpha is then named, not printed. */
const PDFA_ALPHA = '带透明通道的 PNG 图片不符合 PDF/A-1';

const printable = (p: Omit<DocxPicture, 'kind'>, pdfa: boolean) => !!(p.data && p.pixels && !(pdfa && p.alpha));

const picture = (p: Omit<DocxPicture, 'kind'>, pdfa = false): Picture | null =>
  p.data && p.pixels && printable(p, pdfa)
    ? { data: p.data, pixels: p.pixels, ...(p.widthMm && p.heightMm ? { widthMm: p.widthMm, heightMm: p.heightMm } : {}) }
    : null;

/** `images`: pictures of the original NOT printed (named by a line instead). */
export function docxToBlocks(src: DocxBlock[], opts: { pdfa?: boolean } = {}): { blocks: Block[]; images: number } {
  const pdfa = !!opts.pdfa;
  const blocks: Block[] = [];
  let images = 0;
  for (const b of src) {
    if (b.kind === 'image') {
      const p = picture(b, pdfa);
      if (p) blocks.push({ kind: 'image', ...p });
      else {
        images++;
        const problem = b.problem ?? (pdfa && b.alpha ? PDFA_ALPHA : null);
        const why = problem ? `（${problem}）` : '';
        blocks.push({
          kind: 'paragraph',
          text: `〔此处为原件中的图片${b.name ? `“${b.name}”` : ''}，未排入本页${why}，见电子原件〕`,
          align: 'center',
        });
      }
    } else if (b.kind === 'table') {
      const t = table(b.rows, b.images, pdfa);
      if (t) {
        blocks.push(t.block);
        images += t.dropped;
      }
    } else {
      const lines = b.text
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean);
      if (lines.length === 0 && b.list) lines.push('');
      lines.forEach((line, i) => {
        const text = i === 0 && b.list ? `${b.list}${/[.、)）]$/.test(b.list) ? '' : ' '}${line}` : line;
        if (!text) return;
        if (b.heading > 0) blocks.push({ kind: 'heading', level: b.heading as 1 | 2 | 3, text });
        else blocks.push({ kind: 'paragraph', text, ...(b.align !== 'justify' ? { align: b.align } : {}) });
      });
    }
  }
  return { blocks, images };
}

/** Characters of width a picture asks of its column when the columns share the block. */
const PICTURE_WEIGHT = 12;

function table(
  rows: string[][],
  images: Array<Array<Array<Omit<DocxPicture, 'kind'>>>>,
  pdfa: boolean,
): { block: TableBlock; dropped: number } | null {
  const width = Math.max(0, ...rows.map((r) => r.length));
  if (width === 0 || rows.length === 0) return null;
  let dropped = images.flat(2).filter((p) => !printable(p, pdfa)).length;
  const cellPictures = images.map((r) => r.map((c) => c.map((p) => picture(p, pdfa)).filter((p): p is Picture => p !== null)));
  // the header row is text only: a picture there is named, not printed
  const headPictures = cellPictures[0] ?? [];
  dropped += headPictures.reduce((a, c) => a + c.length, 0);
  const head = rows[0]!.map((title, i) => (headPictures[i]?.length ? `${title}〔图片〕`.trim() : title));
  // a loaded picture left out for PDF/A leaves 〔图片〕 in its cell as the unloaded ones do
  const body = rows
    .slice(1)
    .map((r, ri) =>
      r.map((cell, ci) => (images[ri + 1]?.[ci]?.some((p) => p.data && !printable(p, pdfa)) ? `${cell}〔图片〕`.trim() : cell)),
    );
  const bodyPictures = cellPictures.slice(1);
  // share the block by how much each column holds (long cells wrap instead of turning the page)
  const weight = Array.from(
    { length: width },
    (_, i) =>
      Math.min(
        24,
        Math.max(2, ...rows.map((r) => [...(r[i] ?? '')].length), ...bodyPictures.map((r) => (r[i]?.length ? PICTURE_WEIGHT : 0))),
      ) + 2,
  );
  const total = weight.reduce((a, b) => a + b, 0);
  const hasPictures = bodyPictures.some((r) => r.some((c) => c.length));
  return {
    block: {
      kind: 'table',
      columns: head.map((title, i) => ({ title, widthMm: Math.floor(((BLOCK_MM - 1) * weight[i]!) / total) })),
      rows: body.length ? body : [head.map(() => '')],
      ...(hasPictures ? { cellImages: bodyPictures } : {}),
    },
    dropped,
  };
}
