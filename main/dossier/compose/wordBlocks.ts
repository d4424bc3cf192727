/**
 * A Word document's blocks (main/files/renditions/docx.ts) as blocks of our typesetting engine:
 * headings keep their level (1–3), list items get the label Word shows, tables take their first
 * row as the header, and each picture leaves a line saying it is in the electronic original
 * (the engine prints text; it never pretends a picture was printed).
 */
import type { DocxBlock } from '../../core/renditions';
import type { Block, TableBlock } from '../typeset/model';

/** Text block width in mm (typeset/page.ts PORTRAIT: 156 mm). */
const BLOCK_MM = 156;

export function docxToBlocks(src: DocxBlock[]): { blocks: Block[]; images: number } {
  const blocks: Block[] = [];
  let images = 0;
  for (const b of src) {
    if (b.kind === 'image') {
      images++;
      blocks.push({ kind: 'paragraph', text: `〔此处为原件中的图片${b.name ? `“${b.name}”` : ''}，未排入本页，见电子原件〕`, align: 'center' });
    } else if (b.kind === 'table') {
      const t = table(b.rows);
      if (t) blocks.push(t);
    } else {
      const lines = b.text.split('\n').map((l) => l.trim()).filter(Boolean);
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

function table(rows: string[][]): TableBlock | null {
  const width = Math.max(0, ...rows.map((r) => r.length));
  if (width === 0 || rows.length === 0) return null;
  const [head, ...body] = rows;
  // share the block by how much each column holds (long cells wrap instead of turning the page)
  const weight = Array.from({ length: width }, (_, i) => Math.min(24, Math.max(2, ...rows.map((r) => [...(r[i] ?? '')].length))) + 2);
  const total = weight.reduce((a, b) => a + b, 0);
  return {
    kind: 'table',
    columns: head!.map((title, i) => ({ title, widthMm: Math.floor(((BLOCK_MM - 1) * weight[i]!) / total) })),
    rows: body.length ? body : [head!.map(() => '')],
  };
}
