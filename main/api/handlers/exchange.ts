import type { exchangeChannels } from '../../../shared/api/exchange';
import type { HandlersFor, Services } from '../services';

/** Handlers for the channels of shared/api/exchange.ts. */
export function createExchangeHandlers(_s: Services): HandlersFor<typeof exchangeChannels> {
  return {};
}
