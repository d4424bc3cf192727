/**
 * The static Chinese pages inside every exchange bundle (index.html and cadres/<n>.html), so
 * an evaluator without OneBag can read the whole archive in any browser, offline.
 */
import { listMaterials } from '../../core/bag/bag';
import { pageTextsOf } from '../../core/ocr/search';
import type { Db } from '../../store/db';
import { cadrePage } from './cadrePage';
import { readScope } from './data';
import { cadrePagePath, indexPage, missingCategories } from './indexPage';
import type { IndexPage, IndexPagesOptions } from './options';

export type { IndexPage, IndexPagesOptions } from './options';

/**
 * Renders the pages one at a time and hands each to `emit`: the cadre pages first, loading one
 * cadre's materials at a time (a county's 30,000 would otherwise sit in memory together), then
 * index.html, which counts them.
 */
export function renderIndexPages(db: Db, opts: IndexPagesOptions, emit: (page: IndexPage) => void): void {
  const scope = readScope(db, opts.countyId, opts.year, undefined, false);
  const materials = new Map<number, number>();
  const missing = new Map<number, string[]>();
  const files = new Set<string>();
  for (const c of scope.cadres) {
    const list = listMaterials(db, c.detail.id, scope.year);
    materials.set(c.no, list.length);
    missing.set(c.no, missingCategories(list));
    for (const m of list) for (const f of m.files) files.add(f.sha256);
    emit({
      path: cadrePagePath(c.no),
      html: cadrePage({ ...c, materials: list }, scope.county, scope.year, opts, (sha) => pageTextsOf(db, sha)),
    });
  }
  emit({ path: 'index.html', html: indexPage(scope, opts, { materials, missing, files: files.size }) });
}

/** Every page in memory, index.html first. */
export function buildIndexPages(db: Db, opts: IndexPagesOptions): IndexPage[] {
  const pages: IndexPage[] = [];
  renderIndexPages(db, opts, (p) => pages.push(p));
  return [pages.pop()!, ...pages];
}
