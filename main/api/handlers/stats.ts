import type { statsChannels } from '../../../shared/api/stats';
import { computeCityStats, computeStats, drillStats } from '../../core/stats';
import type { HandlersFor, Services } from '../services';

/** Handlers for the channels of shared/api/stats.ts. */
export function createStatsHandlers(s: Services): HandlersFor<typeof statsChannels> {
  const { db } = s.ctx;
  return {
    'stats.compute': (input) => computeStats(db, input),
    'stats.city': (input) => computeCityStats(db, input),
    'stats.drill': (input) => drillStats(db, input),
  };
}
