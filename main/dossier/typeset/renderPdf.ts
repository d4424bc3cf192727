/** Paints laid-out pages into a stand-alone PDF buffer (no cover or stamp): evaluation sheets, the audit print. */
import type { FontOptions } from '../fonts';
import { newA4Pdf, pdfBytes } from '../pdfFile';
import type { LaidPage } from './flow';
import { TextKit } from './measure';
import { A4, drawFooter, inFrame, MM, pageNumberText } from './page';
import { paintPage } from './paint';

export async function renderPdf(
  title: string,
  layout: (tk: TextKit) => LaidPage[],
  fonts?: FontOptions,
): Promise<{ pdf: Buffer; pages: number }> {
  const doc = newA4Pdf({ Title: title });
  const tk = new TextKit(doc, fonts);
  const pages = layout(tk);
  pages.forEach((p, i) => {
    paintPage(tk, p);
    // Page numbers only when the print runs over one page ("第 N 页 共 M 页").
    if (pages.length <= 1) return;
    if (p.orientation === 'portrait') {
      drawFooter(tk, { n: i + 1, total: pages.length, style: 'ofTotal', kind: 'typeset', w: A4.w, h: A4.h });
      return;
    }
    // A stand-alone landscape table is read turned: its number goes under the table as viewed.
    const text = pageNumberText(i + 1, pages.length, 'ofTotal');
    const w = tk.width(text, tk.names.serif, 12);
    inFrame(tk.doc, 'landscape', () => tk.draw(text, (A4.h - w) / 2, A4.w - 8 * MM, tk.names.serif, 12));
  });
  return { pdf: await pdfBytes(doc), pages: pages.length };
}
