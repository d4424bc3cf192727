/**
 * The recognised lines of a stored file's pages with their boxes, for the invisible text
 * layer of the printed dossier. Only pages read from pixels ('ocr'): a PDF page whose own text
 * was usable already carries that text, and its stored lines have no boxes.
 */
import type { OcrLine, RecognisedPage } from '../../../shared/ocr';
import type { Db } from '../../store/db';

const ROTATIONS = new Set([0, 90, 180, 270]);

const isBox = (b: unknown): b is [number, number, number, number] =>
  Array.isArray(b) && b.length === 4 && b.every((n) => typeof n === 'number' && Number.isFinite(n));

/** Pages of the file recognised by OCR, in page order; a row that does not parse is left out. */
export function recognisedPagesOf(db: Db, sha256: string): RecognisedPage[] {
  const rows = db
    .prepare("SELECT page, rotation, width, height, lines FROM ocr_pages WHERE sha256 = ? AND source = 'ocr' ORDER BY page")
    .all(sha256) as Array<{ page: number; rotation: number; width: number; height: number; lines: string }>;
  const out: RecognisedPage[] = [];
  for (const r of rows) {
    if (!ROTATIONS.has(r.rotation) || !(r.width > 0 && r.height > 0)) continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(r.lines);
    } catch {
      continue;
    }
    if (!Array.isArray(parsed)) continue;
    const lines = (parsed as Partial<OcrLine>[])
      .filter((l) => typeof l.text === 'string' && l.text.trim() !== '' && isBox(l.box))
      .map((l) => ({ text: l.text!, box: l.box! }));
    out.push({ page: r.page, rotation: r.rotation as RecognisedPage['rotation'], width: r.width, height: r.height, lines });
  }
  return out;
}
