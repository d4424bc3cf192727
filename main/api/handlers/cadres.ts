/** Handlers for shared/api/cadres.ts over main/core/cadres/cadres.ts. */
import type { cadreChannels } from '../../../shared/api/cadres';
import { addPosting, createCadre, getCadre, listCadres, removeCadre, updateCadre } from '../../core/cadres/cadres';
import type { HandlersFor, Services } from '../services';
import { removeBy } from './removeBy';

export function createCadreHandlers({ ctx }: Services): HandlersFor<typeof cadreChannels> {
  const { db } = ctx;
  return {
    'cadres.list': (filter) => listCadres(db, filter),
    'cadres.get': ({ id }) => getCadre(db, id),
    'cadres.create': ({ cadre, posting }) => createCadre(db, cadre, posting),
    'cadres.update': ({ id, cadre }) => updateCadre(db, id, cadre),
    'cadres.remove': removeBy(db, removeCadre),
    'cadres.addPosting': ({ cadreId, posting }) => addPosting(db, cadreId, posting),
  };
}
