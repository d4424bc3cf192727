/** Channels for the county's figures (统计). Merged into `channels` in shared/api.ts. */
import { z } from 'zod';
import { FIGURE_KEYS, type CityStatsResult, type DrillResult, type StatsResult } from '../stats';
import { id, year } from './fields';

const scope = z.object({ year, countyId: id.optional() });

export const statsChannels = {
  /** The year's figures: county total (the sum of the township rows), per township, charts. */
  'stats.compute': { input: scope, output: null as unknown as StatsResult },
  /** The city view (全市): one row per county (as its own view computes it) and their sum. */
  'stats.city': { input: z.object({ year }), output: null as unknown as CityStatsResult },
  /** The records behind one figure, optionally of one township / month / project kind / funding source. */
  'stats.drill': {
    input: scope.extend({
      figure: z.enum(FIGURE_KEYS, { message: '未知的统计项' }),
      townshipId: id.optional(),
      month: z
        .string()
        .regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM')
        .optional(),
      kind: z.string().max(20).optional(),
      source: z.string().max(20).optional(),
    }),
    output: null as unknown as DrillResult,
  },
} as const;
