/** Channels for the work log (工作日志) and reports (季度报告/半年总结). Merged into `channels` in shared/api.ts. */
import { z } from 'zod';
import type { LogEntry, LogSearchHit, MaterialReportLink, ReportRow } from '../worklog';
import { SHA256_RE } from '../blobLayout';
import { id, isoDate, year } from './fields';

const period = z.string().regex(/^\d{4}-(Q[1-4]|H[12])$/, '报告期次格式应为 2025-Q1 或 2025-H1');
const token = z.string().min(1);

/**
 * One row of the entry table. Content is checked row by row in main/core/worklog so that a
 * refusal can name the row (第3条：…); here only the shape.
 */
export const logRowSchema = z.object({
  id: id.optional(),
  date: z.string().max(20),
  kind: z.string().max(10),
  place: z.string().max(1000).default(''),
  persons: z.string().max(1000).default(''),
  situation: z.string().max(20000).default(''),
  difficulties: z.string().max(20000).default(''),
  followUp: z.string().max(20000).default(''),
  /** Staging tokens of evidence files to attach (staged with purpose 'attachment'). */
  files: z.array(token).max(20, '每条日志一次最多添加20个佐证文件').default([]),
});
export type LogRowInput = z.input<typeof logRowSchema>;
export type LogRow = z.output<typeof logRowSchema>;

/** What an import found: entries to save and the problems that stop some of them. */
export interface ImportProblem {
  /** 第3段 / 第5行, or '' for the whole file. */
  where: string;
  message: string;
}
export interface ImportEntry {
  /** Where the entry starts in the file: 第3段 / 第5行. */
  where: string;
  date: string | null;
  kind: string;
  place: string;
  persons: string;
  situation: string;
  difficulties: string;
  followUp: string;
  /** Problems that keep this entry out of the import (empty = it will be saved). */
  errors: string[];
  /** Things to check that do not keep it out. */
  warnings: string[];
}
export interface ImportPreview {
  format: 'docx' | 'xlsx';
  entries: ImportEntry[];
  /** Parts of the file that belong to no entry, or file-wide refusals. */
  problems: ImportProblem[];
  /** Entries that will be saved. */
  ready: number;
}

export const worklogChannels = {
  /** One cadre's log for a year, oldest first, with evidence files. */
  'worklog.list': { input: z.object({ cadreId: id, year }), output: null as unknown as LogEntry[] },
  /** Saves new rows (no id) and edited rows (with id) in one transaction; one bad row refuses all. */
  'worklog.save': {
    input: z.object({ cadreId: id, rows: z.array(logRowSchema).min(1, '没有需要保存的日志').max(1000, '一次最多保存1000条日志') }),
    output: null as unknown as { ids: number[] },
  },
  'worklog.remove': { input: z.object({ id }), output: null as unknown as { removed: true } },
  'worklog.removeFile': {
    input: z.object({ entryId: id, sha256: z.string().regex(SHA256_RE) }),
    output: null as unknown as LogEntry,
  },
  /** Full-text search (Chinese words of 2+ characters work) over all logs or one cadre's. */
  'worklog.search': {
    input: z.object({
      q: z.string().trim().min(1, '请输入要搜索的内容').max(100),
      cadreId: id.optional(),
      limit: z.number().int().min(1).max(500).optional(),
    }),
    output: null as unknown as LogSearchHit[],
  },
  /** Reads a staged .docx/.xlsx log; nothing is saved. `year` dates entries written without one. */
  'worklog.importPreview': { input: z.object({ cadreId: id, token, year }), output: null as unknown as ImportPreview },
  /** Saves the entries the preview showed as ready, in one transaction; the staged file is then discarded. */
  'worklog.importCommit': {
    input: z.object({ cadreId: id, token, year }),
    output: null as unknown as { imported: number; skipped: number },
  },

  /** The periods a cadre owes in a year with due date and status. `today` pins the date (tests). */
  'reports.list': { input: z.object({ cadreId: id, year, today: isoDate.optional() }), output: null as unknown as ReportRow[] },
  /** Sets (or with null restores the county default of) one period's due date for one cadre. */
  'reports.setDue': {
    input: z.object({ cadreId: id, period, dueDate: isoDate.nullable() }),
    output: null as unknown as ReportRow,
  },
  /**
   * Marks a period submitted: links a bag material (工作汇报 for quarters, 工作总结 for
   * half-years) or files a staged file into the bag as that material first.
   */
  'reports.submit': {
    input: z
      .object({
        cadreId: id,
        period,
        submittedOn: isoDate,
        materialId: id.optional(),
        token: token.optional(),
        title: z.string().trim().max(200, '题名不能超过200个字').optional(),
      })
      .refine((v) => (v.materialId === undefined) !== (v.token === undefined), { message: '请选择档案袋中的材料或上传一个文件' }),
    output: null as unknown as ReportRow,
  },
  /** Withdraws a submission; the material stays in the bag. */
  'reports.unsubmit': { input: z.object({ cadreId: id, period }), output: null as unknown as ReportRow },
  /** Confirms that a report linked to its period when it was filed in the bag answers that period (removes 待确认). */
  'reports.confirmLink': { input: z.object({ cadreId: id, period }), output: null as unknown as ReportRow },
  /** The period a bag material is linked to as a report, or null. */
  'reports.linkOfMaterial': { input: z.object({ materialId: id }), output: null as unknown as MaterialReportLink | null },
} as const;
