/** Channels for the county's rule settings (规则设置). Merged into `channels` in shared/api.ts. */
import { z } from 'zod';
import { ruleSettingsPatchSchema, type RulesView } from '../rules';

const id = z.number().int().positive();
const year = z.number({ message: '请选择年度' }).int('年度应为整数').min(2000, '年度应在2000年以后').max(2100, '年度不能晚于2100年');

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
