import type { integrityChannels } from '../../../shared/api/integrity';
import type { HandlersFor, Services } from '../services';

/** Handlers for the channels of shared/api/integrity.ts. */
export function createIntegrityHandlers(_s: Services): HandlersFor<typeof integrityChannels> {
  return {};
}
