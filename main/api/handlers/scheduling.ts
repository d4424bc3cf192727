/** Handlers for shared/api/scheduling.ts over main/core/scheduling/*. */
import type { schedulingChannels } from '../../../shared/api/scheduling';
import { routeReport, saveMeeting } from '../../core/scheduling/meetings';
import { getQuarter, yearSummary } from '../../core/scheduling/quarter';
import type { HandlersFor, Services } from '../services';

export function createSchedulingHandlers(s: Services): HandlersFor<typeof schedulingChannels> {
  const { db } = s.ctx;
  return {
    'scheduling.year': ({ countyId, year }) => yearSummary(db, countyId, year),
    'scheduling.quarter': ({ countyId, year, quarter }) => getQuarter(db, countyId, year, quarter),
    'scheduling.save': (input) => saveMeeting(db, input),
    'scheduling.routeReport': (input) => routeReport(db, input),
  };
}
