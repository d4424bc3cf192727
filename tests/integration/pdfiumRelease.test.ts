/**
 * PDFium's WebAssembly memory only grows, so the per-thread instance is let go when no document
 * is open (after an idle delay, or at once through releasePdfium) and a fresh one is made on the
 * next use. A document still open keeps it; a document opened after a release works.
 */
import { describe, expect, it } from 'vitest';
import { openPdf, pdfiumLoaded, releasePdfium } from '../../main/files/renditions/pdfium';
import { pdfLibPdf } from '../fixtures/makeFiles';

describe('PDFium instance release', () => {
  it('is kept while a document is open and released once none is', async () => {
    const bytes = await pdfLibPdf(2);
    const a = await openPdf(bytes);
    if (!a.ok) throw new Error(a.reason);
    expect(pdfiumLoaded()).toBe(true);
    releasePdfium();
    expect(pdfiumLoaded()).toBe(true); // a is open
    expect(a.handle.pageCount).toBe(2);
    a.handle.close();
    releasePdfium();
    expect(pdfiumLoaded()).toBe(false);
    const b = await openPdf(bytes);
    if (!b.ok) throw new Error(b.reason);
    expect(pdfiumLoaded()).toBe(true);
    expect(b.handle.render(0, 20, 28).rgb.length).toBe(20 * 28 * 3);
    b.handle.close();
  });
});
