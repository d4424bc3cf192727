import type { auditChannels } from '../../../shared/api/audit';
import type { HandlersFor, Services } from '../services';

/** Handlers for the channels of shared/api/audit.ts. */
export function createAuditHandlers(_s: Services): HandlersFor<typeof auditChannels> {
  return {};
}
