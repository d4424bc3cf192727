/**
 * Unique subset tags in a merged volume (pdf-notes G10). pdfkit derives a subset's six-letter
 * tag from the font's resource name (F1 → BZZZZZ), so every pdfkit file — ours and originals
 * made by other pdfkit programs — uses the same tags for different subsets; a printer or a
 * PDF/A checker that trusts "same tag + name = same font" then picks the wrong glyphs.
 *
 * When two different font programs share a tagged name, every tagged font in the file gets a
 * new tag, unique in the file: the FontDescriptor's /FontName, the fonts that use it, and the
 * Type0 fonts above those.
 */
import { PDFArray, PDFDict, PDFName, type PDFDocument, type PDFRef } from 'pdf-lib';

const TAGGED = /^([A-Z]{6})\+(.+)$/;

interface Descriptor {
  dict: PDFDict;
  tag: string;
  name: string;
  users: PDFDict[];
}

export function retagSubsets(doc: PDFDocument): number {
  const ctx = doc.context;
  const descriptors = new Map<PDFDict, Descriptor>();
  const type0: Array<{ font: PDFDict; descendant: PDFDict }> = [];
  for (const [, obj] of ctx.enumerateIndirectObjects() as Array<[PDFRef, unknown]>) {
    if (!(obj instanceof PDFDict) || obj.get(PDFName.of('Type')) !== PDFName.of('Font')) continue;
    const sub = obj.get(PDFName.of('Subtype'));
    if (sub === PDFName.of('Type0')) {
      const d = obj.lookupMaybe(PDFName.of('DescendantFonts'), PDFArray)?.lookup(0);
      if (d instanceof PDFDict) type0.push({ font: obj, descendant: d });
      continue;
    }
    const fd = obj.lookupMaybe(PDFName.of('FontDescriptor'), PDFDict);
    const fontName = fd?.get(PDFName.of('FontName'));
    if (!fd || !(fontName instanceof PDFName)) continue;
    const m = TAGGED.exec(fontName.decodeText());
    if (!m) continue;
    let d = descriptors.get(fd);
    if (!d) descriptors.set(fd, (d = { dict: fd, tag: m[1]!, name: m[2]!, users: [] }));
    d.users.push(obj);
  }
  const seen = new Map<string, number>();
  for (const d of descriptors.values()) seen.set(`${d.tag}+${d.name}`, (seen.get(`${d.tag}+${d.name}`) ?? 0) + 1);
  if (![...seen.values()].some((n) => n > 1)) return 0;
  const used = new Set([...descriptors.values()].map((d) => d.tag));
  let counter = 0;
  const nextTag = () => {
    for (;;) {
      let n = counter++;
      let t = '';
      for (let i = 0; i < 6; i++) {
        t = String.fromCharCode(65 + (n % 26)) + t;
        n = Math.floor(n / 26);
      }
      if (!used.has(t)) {
        used.add(t);
        return t;
      }
    }
  };
  const renamed = new Map<PDFDict, string>();
  for (const d of descriptors.values()) {
    const full = `${nextTag()}+${d.name}`;
    d.dict.set(PDFName.of('FontName'), PDFName.of(full));
    for (const u of d.users) {
      u.set(PDFName.of('BaseFont'), PDFName.of(full));
      renamed.set(u, full);
    }
  }
  for (const { font, descendant } of type0) {
    const full = renamed.get(descendant);
    if (full) font.set(PDFName.of('BaseFont'), PDFName.of(full));
  }
  return descriptors.size;
}
