/**
 * The static Chinese pages inside every exchange bundle (index.html and cadres/<n>.html), so
 * an evaluator without OneBag can read the whole archive in any browser, offline.
 */
import type { Db } from '../../store/db';
import { cadrePage } from './cadrePage';
import { readScope } from './data';
import { cadrePagePath, indexPage } from './indexPage';
import type { IndexPage, IndexPagesOptions } from './options';

export type { IndexPage, IndexPagesOptions } from './options';

export function buildIndexPages(db: Db, opts: IndexPagesOptions): IndexPage[] {
  const scope = readScope(db, opts.countyId, opts.year);
  return [
    { path: 'index.html', html: indexPage(scope, opts) },
    ...scope.cadres.map((c) => ({ path: cadrePagePath(c.no), html: cadrePage(c, scope.county, scope.year, opts) })),
  ];
}
