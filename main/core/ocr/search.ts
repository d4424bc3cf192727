/**
 * Full-text search over the text of originals' pages (recognised or the PDF's own), through
 * the same CJK bigram index as the catalogue data. Hits name the material, file and page.
 */
import type { MaterialSearchHit, PageTextHit } from '../../../shared/domain';
import type { Db } from '../../store/db';
import { getMaterial, searchMaterials } from '../bag/bag';
import { queryToFts } from '../searchTokens';

export interface PageHitRow extends PageTextHit {
  materialId: number;
}

const SNIPPET_RADIUS = 24;

/** The words around the first place the query (or its first word) occurs; the page's start otherwise. */
export function snippetAround(text: string, q: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const needles = [q.trim(), ...q.trim().split(/\s+/)].filter(Boolean);
  let at = -1;
  let len = 0;
  for (const n of needles) {
    at = flat.toLowerCase().indexOf(n.toLowerCase());
    if (at >= 0) {
      len = n.length;
      break;
    }
  }
  if (at < 0) return flat.slice(0, SNIPPET_RADIUS * 2) + (flat.length > SNIPPET_RADIUS * 2 ? '…' : '');
  const start = Math.max(0, at - SNIPPET_RADIUS);
  const end = Math.min(flat.length, at + len + SNIPPET_RADIUS);
  return (start > 0 ? '…' : '') + flat.slice(start, end) + (end < flat.length ? '…' : '');
}

/** Pages matching every word of `q`, newest first, with the materials that hold their file. */
export function searchPageText(db: Db, q: string, opts: { limit?: number; cadreId?: number } = {}): PageHitRow[] {
  const match = queryToFts(q);
  if (!match) return [];
  const limit = opts.limit ?? 50;
  const rows = db
    .prepare(
      `SELECT p.sha256, p.page, p.source, p.text, f.material_id AS materialId
       FROM (SELECT rowid AS id FROM ocr_fts WHERE ocr_fts MATCH ? ORDER BY rowid DESC LIMIT ?) hit
       JOIN ocr_pages p ON p.id = hit.id
       JOIN material_files f ON f.sha256 = p.sha256
       JOIN materials m ON m.id = f.material_id
       ${opts.cadreId === undefined ? '' : 'WHERE m.cadre_id = ?'}
       ORDER BY m.id DESC, p.page`,
    )
    .all(...(opts.cadreId === undefined ? [match, limit * 4] : [match, limit * 4, opts.cadreId])) as Array<
    Omit<PageHitRow, 'snippet'> & { text: string }
  >;
  return rows.slice(0, limit).map((r) => ({
    materialId: r.materialId,
    sha256: r.sha256,
    page: r.page,
    source: r.source,
    snippet: snippetAround(r.text, q),
  }));
}

/** Recognised text of one page of a stored file, or null when it was not read (yet). */
export function pageTextOf(db: Db, sha256: string, page: number): string | null {
  return (db.prepare('SELECT text FROM ocr_pages WHERE sha256 = ? AND page = ?').pluck().get(sha256, page) as string | undefined) ?? null;
}

/**
 * The bag's search with page text: materials whose catalogue data matched (as before), each
 * with the pages of its files that matched, then materials found only by their pages' text.
 */
export function searchMaterialsAndPages(db: Db, q: string, limit: number, cadreId?: number): MaterialSearchHit[] {
  const byCatalogue = searchMaterials(db, q, limit).filter((m) => cadreId === undefined || m.cadreId === cadreId);
  const pages = searchPageText(db, q, { limit, cadreId });
  const hitsOf = new Map<number, PageTextHit[]>();
  for (const { materialId, ...hit } of pages) hitsOf.set(materialId, [...(hitsOf.get(materialId) ?? []), hit]);
  const out: MaterialSearchHit[] = byCatalogue.map((m) => ({ ...m, pageHits: hitsOf.get(m.id) ?? [] }));
  const seen = new Set(out.map((m) => m.id));
  const cadreName = db.prepare('SELECT c.name FROM materials m JOIN cadres c ON c.id = m.cadre_id WHERE m.id = ?').pluck();
  for (const [materialId, hits] of hitsOf) {
    if (seen.has(materialId) || out.length >= limit) continue;
    out.push({ ...getMaterial(db, materialId), cadreName: cadreName.get(materialId) as string, pageHits: hits });
  }
  return out;
}

/** Every read page of a stored file, in page order (for the bundle's static pages). */
export function pageTextsOf(db: Db, sha256: string): Array<{ page: number; source: 'ocr' | 'pdf-text'; text: string }> {
  return db.prepare('SELECT page, source, text FROM ocr_pages WHERE sha256 = ? ORDER BY page').all(sha256) as Array<{
    page: number;
    source: 'ocr' | 'pdf-text';
    text: string;
  }>;
}
