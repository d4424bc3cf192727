import type { evaluationChannels } from '../../../shared/api/evaluation';
import type { HandlersFor, Services } from '../services';

/** Handlers for the channels of shared/api/evaluation.ts. */
export function createEvaluationHandlers(_s: Services): HandlersFor<typeof evaluationChannels> {
  return {};
}
