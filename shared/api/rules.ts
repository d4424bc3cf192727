/** Channels for the county's rule settings (规则设置). Merged into `channels` in shared/api.ts. */
import { z } from 'zod';
import { ruleSettingsPatchSchema, type RulesView } from '../rules';
import { id, year } from './fields';

export const rulesChannels = {
  /** The rules in force for the county in the year, where they come from, the stored versions and the year's quota rule. */
  'rules.get': { input: z.object({ countyId: id, year }), output: null as unknown as RulesView },
  /** Stores the change as a new version effective from the year (nothing stored is rewritten). */
  'rules.set': {
    input: z.object({
      countyId: id,
      year,
      patch: ruleSettingsPatchSchema.strict(),
      note: z.string().trim().max(200, '说明不能超过200个字').nullish(),
    }),
    output: null as unknown as RulesView,
  },
} as const;
