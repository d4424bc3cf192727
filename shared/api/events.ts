/** Channels for five must-attends, checks (督查), alerts. Merged into `channels` in shared/api.ts. */
import { z } from 'zod';
import { VERIFICATION_OUTCOMES, VERIFICATION_STATES, type VerificationView } from '../verifications';
import type { CheckAbsenceThresholds } from '../attendance';
import {
  CHECK_KINDS,
  CHECK_LEVELS,
  EVENT_KINDS,
  type Candidate,
  type CheckDetail,
  type CheckSummary,
  type EventDetail,
  type EventSummary,
} from '../events';
import { type Alert } from '../alerts';
import { id, realIsoDate as isoDate, year } from './fields';

const text = (label: string, max: number) => z.string().trim().max(max, `${label}不能超过${max}个字`);
const optionalText = (label: string, max: number) =>
  text(label, max)
    .nullable()
    .optional()
    .transform((v) => (v ? v : null));

export const eventInputSchema = z.object({
  townshipId: id,
  kind: z.enum(EVENT_KINDS, { message: `请选择五必到类别：${EVENT_KINDS.join('、')}` }),
  title: text('事项名称', 100).min(1, '请填写事项名称'),
  date: isoDate,
  place: text('地点', 100).default(''),
  notes: optionalText('备注', 2000),
});

/** One expected cadre: present true 到, false 缺 (a reason is then required), null not yet marked. */
export const expectedMarkSchema = z.object({
  cadreId: id,
  present: z.boolean().nullable(),
  absenceReason: optionalText('缺席原因', 200),
});

export const eventSaveSchema = z.object({
  id: id.optional(),
  event: eventInputSchema,
  expected: z.array(expectedMarkSchema).min(1, '请至少选择一名应到干部').max(500, '应到干部不能超过500人'),
});
export type EventSaveInput = z.input<typeof eventSaveSchema>;

export const checkInputSchema = z.object({
  townshipId: id,
  level: z.enum(CHECK_LEVELS, { message: `请选择督查层级：${CHECK_LEVELS.join('、')}` }),
  kind: z.enum(CHECK_KINDS, { message: `请选择督查方式：${CHECK_KINDS.join('、')}` }),
  date: isoDate,
  checker: text('督查人', 100).min(1, '请填写督查人或督查组'),
  findings: optionalText('督查发现', 2000),
});

export const checkResultSchema = z.object({
  cadreId: id,
  onPost: z.boolean({ message: '请标记每名干部是否在岗' }),
  reason: optionalText('原因', 200),
});

export const checkSaveSchema = z.object({
  id: id.optional(),
  check: checkInputSchema,
  results: z.array(checkResultSchema).min(1, '请至少选择一名被督查的干部').max(500, '被督查干部不能超过500人'),
});
export type CheckSaveInput = z.input<typeof checkSaveSchema>;

const listFilter = z.object({ year, townshipId: id.optional(), countyId: id.optional() });

export const eventChannels = {
  /** Events of a year (optionally one township or county), newest first. */
  'events.list': { input: listFilter, output: null as unknown as EventSummary[] },
  'events.get': { input: z.object({ id }), output: null as unknown as EventDetail },
  /** Creates (no id) or replaces an event with its expected cadres and marks, in one transaction. */
  'events.save': { input: eventSaveSchema, output: null as unknown as EventDetail },
  'events.remove': { input: z.object({ id }), output: null as unknown as { removed: true } },
  /** Marks some expected cadres 到 / 缺 (with reason) without touching the rest. */
  /** Cadres posted in a township on a date, with their absences that year (a record being edited excluded). */
  'events.candidates': {
    input: z.object({ townshipId: id, date: isoDate, eventId: id.optional(), checkId: id.optional() }),
    output: null as unknown as { cadres: Candidate[]; thresholds: CheckAbsenceThresholds },
  },

  'checks.list': { input: listFilter, output: null as unknown as CheckSummary[] },
  'checks.get': { input: z.object({ id }), output: null as unknown as CheckDetail },
  'checks.save': { input: checkSaveSchema, output: null as unknown as CheckDetail },
  'checks.remove': { input: z.object({ id }), output: null as unknown as { removed: true } },

  /** 考勤登记不实核查 of a year (or every year), optionally one county, township or state, newest first. */
  'verifications.list': {
    input: z.object({
      year: year.optional(),
      countyId: id.optional(),
      townshipId: id.optional(),
      state: z.enum(VERIFICATION_STATES, { message: '核查状态应为“待核查”“属实”或“不属实”' }).optional(),
    }),
    output: null as unknown as VerificationView[],
  },
  /** Concludes a 核查; 属实 needs the action on the secretary and revokes the month's certification. */
  'verifications.conclude': {
    input: z.object({
      id,
      explanation: z.string().max(500, '核查说明不能超过500个字'),
      outcome: z.enum(VERIFICATION_OUTCOMES, { message: '核查结论应为“属实”或“不属实”' }),
      action: z.string().max(200, '处理情况不能超过200个字').optional(),
      concludedOn: isoDate,
    }),
    output: null as unknown as { verification: VerificationView; revoked: boolean },
  },

  /** Everything behind in a year, every kind (nothing hidden because it is old); see main/core/alerts/all.ts. */
  'alerts.list': { input: z.object({ year, countyId: id.optional() }), output: null as unknown as Alert[] },
} as const;
