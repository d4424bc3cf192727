/** Replays laid-out pages into pdfkit. */
import type { LaidPage } from './flow';
import type { TextKit } from './measure';
import { addPage, inFrame } from './page';

/** Adds one page for `page` and draws its operations; `extra` draws more in the same frame. */
export function paintPage(tk: TextKit, page: LaidPage, extra?: () => void): void {
  const doc = tk.doc;
  addPage(doc, page.orientation);
  inFrame(doc, page.orientation, () => {
    doc.fillColor('black');
    // rules first, batched per width into one path each
    const byWidth = new Map<number, Array<[number, number, number, number]>>();
    for (const op of page.ops) {
      if (op.t !== 'line') continue;
      let a = byWidth.get(op.w);
      if (!a) byWidth.set(op.w, (a = []));
      a.push([op.x1, op.y1, op.x2, op.y2]);
    }
    for (const [w, segs] of byWidth) {
      doc.save().lineWidth(w).strokeColor('black');
      for (const [x1, y1, x2, y2] of segs) doc.moveTo(x1, y1).lineTo(x2, y2);
      doc.stroke().restore();
    }
    for (const op of page.ops) {
      if (op.t === 'text') tk.draw(op.text, op.x, op.y, op.font, op.size, op.cs);
      else if (op.t === 'image') doc.image(op.data, op.x, op.y, { width: op.w, height: op.h });
    }
    extra?.();
  });
}
