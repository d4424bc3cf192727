/** Handler for shared/api/search.ts: cadres and materials (with OCR'd pages) in one answer. */
import type { searchChannels } from '../../../shared/api/search';
import { searchCadres } from '../../core/cadres/cadres';
import { searchMaterialsAndPages } from '../../core/ocr/search';
import type { HandlersFor, Services } from '../services';

export function createSearchHandlers({ ctx }: Services): HandlersFor<typeof searchChannels> {
  const { db } = ctx;
  return {
    'search.global': ({ q, limit }) => {
      const n = limit ?? 50;
      return { cadres: searchCadres(db, q, n), materials: searchMaterialsAndPages(db, q, n) };
    },
  };
}
