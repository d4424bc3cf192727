/**
 * The IPC contract: one map from channel name to input schema (zod) and output type.
 * main/ registers exactly one handler per channel (main/core/handlers.ts); Electron's
 * ipcMain and the loopback bridge both dispatch through that table. The renderer calls
 * channels through `window.onebag.invoke` (see shared/window.ts).
 */
import { z } from 'zod';
import './zodChinese';
import {
  CADRE_LEVELS,
  COUNTY_KINDS,
  GENDERS,
  MATERIAL_CATEGORIES,
  PARTY_STATUSES,
  POST_TYPES,
  SECRECY_LEVELS,
  UNIT_LEVELS,
  type AppStatus,
  type CadreDetail,
  type CadreListRow,
  type Material,
  type MaterialSearchHit,
  type OrgTree,
  type RosterPreview,
  type RosterResult,
  type StagedFile,
} from './domain';
import { checkIdNumber } from './idNumber';
import { attendanceChannels } from './api/attendance';
import { attendanceIoChannels } from './api/attendanceIo';
import { dossierChannels } from './api/dossier';
import { evaluationChannels } from './api/evaluation';
import { eventChannels } from './api/events';
import { statsChannels } from './api/stats';
import { exchangeChannels } from './api/exchange';
import { integrityChannels } from './api/integrity';
import { auditChannels } from './api/audit';
import { ocrChannels } from './api/ocr';
import { leaderChannels } from './api/leaders';
import { schedulingChannels } from './api/scheduling';
import { villageChannels } from './api/villages';
import { workChannels } from './api/work';
import { worklogChannels } from './api/worklog';
import { outputChannels } from './api/output';
import { rulesChannels } from './api/rules';
import { SHA256_RE } from './blobLayout';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const id = z.number().int().positive();
const name = (label: string, max = 50) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .max(max, `${label}不能超过${max}个字`);

export const idNumberSchema = z
  .string({ error: '请填写身份证号' })
  .trim()
  .superRefine((v, ctx) => {
    const r = checkIdNumber(v);
    if (!r.valid) ctx.addIssue({ code: 'custom', message: r.reason });
  })
  .transform((v) => v.toUpperCase());

export const postingInputSchema = z
  .object({
    townshipId: id,
    villageId: id.nullable(),
    start: isoDate,
    end: isoDate.nullable(),
  })
  .refine((p) => p.end === null || p.end >= p.start, { message: '任职结束日期不能早于开始日期', path: ['end'] });

export const cadreInputSchema = z.object({
  name: name('姓名', 30),
  gender: z.enum(GENDERS, { message: '请选择性别' }),
  birthDate: isoDate.nullable(),
  idNumber: idNumberSchema,
  partyStatus: z.enum(PARTY_STATUSES, { message: '请选择政治面貌' }),
  phone: z
    .string()
    .trim()
    .regex(/^(1\d{10}|0\d{2,3}-?\d{7,8})$/, '联系电话应为11位手机号或带区号的固定电话')
    .nullable(),
  unitId: id.nullable(),
  level: z.enum(CADRE_LEVELS, { message: '请选择选派层级' }),
  postType: z.enum(POST_TYPES, { message: '请选择任职类型' }),
});
export type CadreInput = z.infer<typeof cadreInputSchema>;

export const materialInputSchema = z.object({
  category: z.enum(MATERIAL_CATEGORIES, { message: '请选择材料类别' }),
  title: name('题名', 200),
  date: isoDate.nullable(),
  year: z.number().int().min(2000, '年度应在2000年以后').max(2100),
  responsible: z.string().trim().max(100).nullable(),
  docNumber: z.string().trim().max(100).nullable(),
  secrecy: z.enum(SECRECY_LEVELS),
  notes: z.string().max(5000).nullable(),
});
export type MaterialInput = z.infer<typeof materialInputSchema>;

const empty = z.object({}).strict();

/** Channels of the foundation: app, organisation, cadres, roster, staging, bag, search. */
export const foundationChannels = {
  // --- app ---
  'app.status': { input: empty, output: null as unknown as AppStatus },
  /** First-run choice: start empty or load the demo county; records the operator's name. */
  'app.setup': {
    input: z.object({ mode: z.enum(['empty', 'demo']), operator: name('操作员姓名', 30) }),
    output: null as unknown as AppStatus,
  },
  'app.setOperator': { input: z.object({ operator: name('操作员姓名', 30) }), output: null as unknown as AppStatus },

  // --- organisation ---
  'org.tree': { input: empty, output: null as unknown as OrgTree },
  'org.addCounty': {
    input: z.object({ name: name('县（市、区）名称'), kind: z.enum(COUNTY_KINDS) }),
    output: null as unknown as { id: number },
  },
  'org.addTownship': { input: z.object({ countyId: id, name: name('乡镇名称') }), output: null as unknown as { id: number } },
  'org.addVillage': { input: z.object({ townshipId: id, name: name('村名称') }), output: null as unknown as { id: number } },
  'org.addUnit': {
    input: z.object({ name: name('派出单位名称', 100), level: z.enum(UNIT_LEVELS) }),
    output: null as unknown as { id: number },
  },

  // --- cadres ---
  'cadres.list': {
    input: z.object({
      query: z.string().max(50).optional(),
      countyId: id.optional(),
      townshipId: id.optional(),
      postType: z.enum(POST_TYPES).optional(),
    }),
    output: null as unknown as CadreListRow[],
  },
  'cadres.get': { input: z.object({ id }), output: null as unknown as CadreDetail },
  'cadres.create': {
    input: z.object({ cadre: cadreInputSchema, posting: postingInputSchema.nullable() }),
    output: null as unknown as CadreDetail,
  },
  'cadres.update': { input: z.object({ id, cadre: cadreInputSchema }), output: null as unknown as CadreDetail },
  /** Deletes a cadre with their bag records (originals stay in the blob store). */
  'cadres.remove': { input: z.object({ id }), output: null as unknown as { removed: true } },
  /** Moves a cadre: closes the current posting the day before `start` and opens a new one. */
  'cadres.addPosting': {
    input: z.object({ cadreId: id, posting: postingInputSchema }),
    output: null as unknown as CadreDetail,
  },

  // --- roster import (the file is staged first, see staging.*) ---
  'roster.preview': { input: z.object({ token: z.string() }), output: null as unknown as RosterPreview },
  /** Refused unless every warning of the preview is in `confirmed` (by key). */
  'roster.commit': {
    input: z.object({ token: z.string(), confirmed: z.array(z.string().max(2000)).max(1000).default([]) }),
    output: null as unknown as RosterResult,
  },

  // --- staging: files enter main in chunks, are inspected, then referred to by token ---
  /** With purpose 'attachment' the originals size cap is checked before any byte is sent. */
  'staging.begin': {
    input: z.object({
      name: z.string().min(1).max(255),
      size: z.number().int().nonnegative(),
      purpose: z.enum(['attachment', 'roster']).optional(),
    }),
    output: null as unknown as { token: string },
  },
  /** `data` is base64; chunks arrive in order. */
  'staging.chunk': {
    input: z.object({ token: z.string(), data: z.string() }),
    output: null as unknown as { received: number },
  },
  /**
   * Completes the upload. purpose 'attachment' inspects the file (type from content, PDF
   * pages, image size) and refuses bad files, leaving nothing behind; 'roster' keeps it for
   * roster.preview.
   */
  'staging.end': {
    input: z.object({ token: z.string(), purpose: z.enum(['attachment', 'roster']), cadreId: id.optional() }),
    output: null as unknown as StagedFile,
  },
  'staging.discard': { input: z.object({ token: z.string() }), output: null as unknown as { discarded: true } },

  // --- the bag ---
  'bag.list': {
    input: z.object({ cadreId: id, year: z.number().int().optional() }),
    output: null as unknown as Material[],
  },
  /** Files the staged attachments as one material in one transaction. */
  'bag.add': {
    input: z.object({ cadreId: id, material: materialInputSchema, files: z.array(z.string()).min(1, '请至少添加一个文件') }),
    output: null as unknown as Material,
  },
  'bag.update': { input: z.object({ id, material: materialInputSchema }), output: null as unknown as Material },
  'bag.remove': { input: z.object({ id }), output: null as unknown as { removed: true } },
  /** URL the renderer can load the original from (app:// in Electron, loopback in the bridge). */
  'files.url': {
    input: z.object({ sha256: z.string().regex(SHA256_RE) }),
    output: null as unknown as { url: string; mime: string },
  },
  'files.openExternal': {
    input: z.object({ sha256: z.string().regex(SHA256_RE) }),
    output: null as unknown as { opened: true },
  },

  // --- search ---
  'search.global': {
    input: z.object({ q: z.string().trim().min(1).max(100), limit: z.number().int().min(1).max(200).optional() }),
    output: null as unknown as { cadres: CadreListRow[]; materials: MaterialSearchHit[] },
  },
} as const;

/** Channel map. `input` is validated in main before the handler runs. */
export const channels = {
  ...foundationChannels,
  ...attendanceChannels,
  ...attendanceIoChannels,
  ...eventChannels,
  ...dossierChannels,
  ...worklogChannels,
  ...workChannels,
  ...villageChannels,
  ...schedulingChannels,
  ...statsChannels,
  ...leaderChannels,
  ...evaluationChannels,
  ...exchangeChannels,
  ...integrityChannels,
  ...auditChannels,
  ...ocrChannels,
  ...outputChannels,
  ...rulesChannels,
} as const;

export type Channels = typeof channels;
export type Channel = keyof Channels;
export type ChannelInput<C extends Channel> = z.input<Channels[C]['input']>;
export type ChannelParsedInput<C extends Channel> = z.output<Channels[C]['input']>;
export type ChannelOutput<C extends Channel> = Channels[C]['output'];

/** Progress of a long job, pushed to the renderer as events. */
export interface ProgressEvent {
  jobId: string;
  label: string;
  done: number;
  total: number;
  finished?: boolean;
}
