/** Channels for city leaders' contracted counties (包县) and their checks. Merged into `channels` in shared/api.ts. */
import { z } from 'zod';
import { isIsoDate } from '../attendance';
import type { CityLeader, LeadersYearView } from '../leaders';
import { id, year } from './fields';

const isoDate = z.string({ message: '请填写日期' }).refine(isIsoDate, '日期格式应为 YYYY-MM-DD，且须是有效日期');
const text = (label: string, max: number) =>
  z
    .string({ message: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .max(max, `${label}不能超过${max}个字`);

export const contractSchema = z
  .object({
    countyId: z.number({ message: '请选择承包的县（市、区）' }).int().positive('请选择承包的县（市、区）'),
    start: isoDate,
    end: isoDate.nullable(),
  })
  .refine((c) => c.end === null || c.end >= c.start, { message: '承包结束日期不能早于开始日期', path: ['end'] });

export const leaderSaveSchema = z.object({
  id: id.optional(),
  name: text('姓名', 30),
  title: text('职务', 50),
  contracts: z.array(contractSchema).max(20, '承包记录不能超过20条'),
});
export type LeaderSaveInput = z.input<typeof leaderSaveSchema>;

export const leaderLinkSchema = z.object({
  checkId: id,
  /** null: the check names no leader any more. */
  leaderId: id.nullable(),
});

export const leaderChannels = {
  /** Every leader with their contracts (all periods), by name. */
  'leaders.list': { input: z.object({}), output: null as unknown as CityLeader[] },
  /** Creates or replaces a leader with their contracts, in one transaction. */
  'leaders.save': { input: leaderSaveSchema, output: null as unknown as CityLeader },
  /** Removes a leader who no check names. */
  'leaders.remove': { input: z.object({ id }), output: null as unknown as { removed: true } },
  /** Names (or clears) the leader who made a 市级 check. */
  'leaders.linkCheck': { input: leaderLinkSchema, output: null as unknown as { checkId: number; leaderId: number | null } },
  /** The year: each leader, the counties contracted then and the checks made there; 市级 checks naming no leader. */
  'leaders.year': { input: z.object({ year }), output: null as unknown as LeadersYearView },
} as const;
