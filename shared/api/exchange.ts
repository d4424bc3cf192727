/** Channels of 数据交换 (exchange bundles, trusted keys, review mode). Merged into `channels` in shared/api.ts. */
import { z } from 'zod';
import { id, year } from './fields';

const filePath = z.string().trim().min(1, '请填写文件路径').max(1000, '文件路径太长');
const jobId = z.string().min(1).max(100);
/** Id the renderer picks to receive progress events of one call (preview, import). */
const progressId = z.string().min(1).max(100).optional();

/** Where a bundle to read comes from: an upload (staging token) or a path typed by the user. */
export const bundleSourceSchema = z.union([
  z.object({ token: z.string().min(1).max(100) }).strict(),
  z.object({ path: filePath }).strict(),
]);
export type BundleSource = z.infer<typeof bundleSourceSchema>;

export interface Identity {
  name: string;
  fingerprint: string;
}

export interface TrustedKeyRow {
  fingerprint: string;
  name: string;
  trustedAt: string;
  operator: string | null;
  revokedAt: string | null;
}

export interface SignerStatus {
  name: string;
  fingerprint: string;
  /** In trusted_keys and not revoked. */
  trusted: boolean;
  /** Was trusted once, then revoked. */
  revoked: boolean;
  /** This department's own key. */
  self: boolean;
}

export interface ManifestSummary {
  formatVersion: number;
  producer: string;
  createdAt: string;
  kind: 'county' | 'review';
  county: string;
  year: number;
  cadres: number;
  files: number;
  originals: number;
  dossiers: number;
  size: number;
  sha256: string;
}

export interface PlanTable {
  table: string;
  /** Chinese name of the kind of record. */
  label: string;
  added: number;
  updated: number;
  unchanged: number;
  /** Rows not imported: a conflict with a row the signer does not own, or a row depending on one. */
  skipped: number;
}

/** One field of a changed row as the preview shows it (values as text, long ones shortened). */
export interface PlanField {
  column: string;
  before: string | null;
  after: string | null;
}

/** A row the import adds or updates, with its fields (added: every field; updated: the changed ones). */
export interface PlanChange {
  table: string;
  label: string;
  action: 'add' | 'update';
  /** The row's reference in the bundle (origin#id) or its key columns. */
  key: string;
  fields: PlanField[];
}

/** A row the import will not write because it would touch a row the signer does not own. */
export interface PlanConflict {
  table: string;
  label: string;
  key: string;
  /** Why, in Chinese (e.g. 身份证号已属于本机的干部). */
  reason: string;
  /** Both sides, field by field: the local row's value and the bundle's. */
  fields: Array<{ column: string; local: string | null; incoming: string | null }>;
}

export interface ExchangePlan {
  kind: 'county' | 'review';
  origin: string;
  scope: { county: string; year: number };
  tables: PlanTable[];
  added: number;
  updated: number;
  unchanged: number;
  /** Originals the import needs that the local blob store lacks. */
  blobsNeeded: string[];
  /** Rows skipped because of a conflict or a conflicting parent. */
  skipped: number;
  /** Every row the import adds or updates, field by field. */
  changes: PlanChange[];
  /** Rows that are not imported, both sides field by field. */
  conflicts: PlanConflict[];
}

export interface ImportPreview {
  manifest: ManifestSummary;
  signer: SignerStatus;
  plan: ExchangePlan;
}

export interface ImportResult {
  /** Nothing to add or update: the bundle was imported before (无变化). */
  unchanged: boolean;
  importId: number | null;
  plan: ExchangePlan;
  signer: SignerStatus;
  backupDir: string | null;
  originalsAdded: number;
}

export interface ExportResult {
  file: string;
  size: number;
  sha256: string;
  fingerprint: string;
  signerName: string;
  counts: { cadres: number; records: number; originals: number; dossiers: number };
}

export interface ExportJobStatus {
  jobId: string;
  state: 'running' | 'done' | 'cancelled' | 'failed';
  /** 整理记录 / 生成档案PDF / 写入原件 / 签名 */
  stage: string;
  done: number;
  total: number;
  out: string;
  result: ExportResult | null;
  error: string | null;
}

export interface ImportRow {
  id: number;
  kind: 'county' | 'review';
  county: string;
  year: number;
  signerName: string;
  origin: string;
  added: number;
  updated: number;
  unchanged: number;
  operator: string | null;
  at: string;
}

export interface EvalComment {
  cadreId: number;
  comment: string;
  author: string | null;
  updatedAt: string;
}

const empty = z.object({}).strict();

export const exchangeChannels = {
  'exchange.identity.get': { input: empty, output: null as unknown as Identity },
  'exchange.identity.setName': {
    input: z.object({ name: z.string().trim().min(1, '请填写本单位名称').max(50, '单位名称不能超过50个字') }),
    output: null as unknown as Identity,
  },
  'exchange.trusted.list': { input: empty, output: null as unknown as TrustedKeyRow[] },
  'exchange.trusted.revoke': {
    input: z.object({ fingerprint: z.string().trim().min(1).max(100) }),
    output: null as unknown as TrustedKeyRow[],
  },
  /** Suggested output file: <data>/exports/<县>-<年>.onebag (or …-评审结果.onebag). */
  'exchange.defaultPath': {
    input: z.object({ countyId: id, year, kind: z.enum(['county', 'review']) }),
    output: null as unknown as { path: string },
  },
  /** Starts exporting a county's year; progress through host.progress with the job id. */
  'exchange.export.start': {
    input: z.object({ countyId: id, year, out: filePath.optional(), withDossiers: z.boolean() }),
    output: null as unknown as { jobId: string; out: string },
  },
  'exchange.export.status': { input: z.object({ jobId }), output: null as unknown as ExportJobStatus },
  'exchange.export.cancel': { input: z.object({ jobId }), output: null as unknown as ExportJobStatus },
  /** Verifies the whole bundle and says what importing it would do; changes nothing. */
  'exchange.preview': { input: z.object({ source: bundleSourceSchema, progressId }), output: null as unknown as ImportPreview },
  /** Verifies again and imports; an untrusted signer needs trustSigner (after a phone check of the fingerprint). */
  'exchange.import': {
    input: z.object({ source: bundleSourceSchema, trustSigner: z.boolean(), progressId }),
    output: null as unknown as ImportResult,
  },
  'exchange.imports.list': { input: empty, output: null as unknown as ImportRow[] },
  /** Review mode: the evaluator's scores and comments of an imported county as a small signed bundle. */
  'exchange.reviewExport': {
    input: z.object({ countyId: id, year, out: filePath.optional() }),
    output: null as unknown as ExportResult,
  },
  'exchange.comments.list': { input: z.object({ countyId: id, year }), output: null as unknown as EvalComment[] },
  'exchange.comments.set': {
    input: z.object({ countyId: id, year, cadreId: id, comment: z.string().max(2000, '评审意见不能超过2000个字') }),
    output: null as unknown as EvalComment | null,
  },
} as const;

/** Chinese names of the columns an import preview shows most; others show their column name. */
export const COLUMN_LABELS: Record<string, string> = {
  id: '编号',
  name: '名称/姓名',
  kind: '类型',
  gender: '性别',
  birth_date: '出生日期',
  id_number: '身份证号',
  party_status: '政治面貌',
  phone: '联系电话',
  unit_id: '派出单位',
  level: '层级',
  post_type: '任职类型',
  county_id: '县',
  township_id: '乡镇',
  village_id: '村',
  cadre_id: '干部',
  start: '开始日期',
  end: '结束日期',
  title: '题名',
  category: '类别',
  date: '日期',
  year: '年度',
  comment: '意见',
  score: '分数',
  status: '状态',
  code: '考勤代码',
};

export const columnLabel = (column: string): string => (COLUMN_LABELS[column] ? `${COLUMN_LABELS[column]}（${column}）` : column);

const shown = (v: string | null) => (v === null ? '（空）' : v);

/** One line per changed row: "新增 干部 REF：姓名=…；…" or "更新 干部 REF：姓名 旧 → 新；…". */
export function planChangeLine(c: PlanChange): string {
  const fields = c.fields.map((f) =>
    c.action === 'add' ? `${columnLabel(f.column)}=${shown(f.after)}` : `${columnLabel(f.column)} ${shown(f.before)} → ${shown(f.after)}`,
  );
  return `${c.action === 'add' ? '新增' : '更新'} ${c.label} ${c.key}：${fields.join('；') || '（无字段变化）'}`;
}

/** A conflict: its reason, then both sides field by field. */
export function planConflictLines(c: PlanConflict): string[] {
  return [
    `冲突 ${c.label} ${c.key}：${c.reason}`,
    ...c.fields.map(
      (f) =>
        `    ${columnLabel(f.column)}：本机 ${shown(f.local)} ｜ 交换包 ${shown(f.incoming)}${f.local !== f.incoming && f.local !== null ? ' ←' : ''}`,
    ),
  ];
}
