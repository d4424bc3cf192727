import type { rulesChannels } from '../../../shared/api/rules';
import { setRules } from '../../core/rules/settings';
import { rulesView } from '../../core/rules/view';
import type { HandlersFor, Services } from '../services';

/** Handlers for the channels of shared/api/rules.ts. */
export function createRulesHandlers(s: Services): HandlersFor<typeof rulesChannels> {
  const { db } = s.ctx;
  return {
    'rules.get': ({ countyId, year }) => rulesView(db, countyId, year),
    'rules.set': ({ countyId, year, patch, note }) => {
      setRules(db, countyId, year, patch, note ?? null);
      return rulesView(db, countyId, year);
    },
  };
}
