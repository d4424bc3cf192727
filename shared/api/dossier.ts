/** Channels for dossier preview, single and county batch printing. Merged into `channels` in shared/api.ts. */
import { z } from 'zod';
import { SHA256_RE } from '../blobLayout';
import { id, year } from './fields';

/** DA/T 22-2015 retention periods (永久 / 定期30年 / 定期10年). */
export const RETENTIONS = ['永久', '定期30年', '定期10年'] as const;

/** Word/WPS originals: converted by LibreOffice when installed, or typeset by the dossier engine. */
export const WORD_RENDITIONS = ['libreoffice', 'engine'] as const;

/** Archive settings of printed dossiers (stored once per data folder). */
export const dossierSettingsSchema = z.object({
  /** 全宗号: the archive fonds number the county archive assigned. */
  fonds: z
    .string()
    .trim()
    .min(1, '请填写全宗号')
    .max(20, '全宗号不能超过20个字符')
    .regex(/^[0-9A-Za-z]+$/, '全宗号只能由数字和字母组成'),
  /** 机构（问题）code printed in the 档号, e.g. ZZB for 组织部. */
  org: z
    .string()
    .trim()
    .min(1, '请填写机构代码')
    .max(10, '机构代码不能超过10个字符')
    .regex(/^[0-9A-Za-z]+$/, '机构代码只能由数字和字母组成'),
  retention: z.enum(RETENTIONS, { message: '保管期限应为永久、定期30年或定期10年' }),
  pageNumberStyle: z.enum(['gbt9704', 'ofTotal'], { message: '页码样式应为“— 1 —”（GB/T 9704）或“第 1 页 共 N 页”' }),
  bodyFont: z.enum(['serif', 'fangsong'], { message: '请选择正文字体' }),
  /** 立卷人; empty = the operator. */
  compiler: z.string().trim().max(30, '立卷人不能超过30个字'),
  /** 检查人 */
  checker: z.string().trim().max(30, '检查人不能超过30个字'),
  /** Date the 检查人 checked the volumes (YYYY-MM-DD); empty = not yet, a blank line is printed to sign by hand. */
  checkDate: z.union([z.literal(''), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '检查日期格式应为“年-月-日”，如 2026-01-05')]).default(''),
  /** How Word/WPS originals are printed: LibreOffice's rendition when installed, or our own engine. */
  wordRendition: z.enum(WORD_RENDITIONS, { message: 'Word 原件的排版方式应为 libreoffice 或 engine' }).default('libreoffice'),
});
export type DossierSettings = z.infer<typeof dossierSettingsSchema>;

export const DEFAULT_DOSSIER_SETTINGS: DossierSettings = {
  fonds: '0001',
  org: 'ZZB',
  retention: '定期30年',
  pageNumberStyle: 'gbt9704',
  bodyFont: 'serif',
  compiler: '',
  checker: '',
  checkDate: '',
  wordRendition: 'libreoffice',
};

/** One dossier: a year, or the whole term ('term'). */
export const dossierScopeSchema = z.union([year, z.literal('term')]);
export type DossierScope = z.infer<typeof dossierScopeSchema>;

export interface DossierFonts {
  /** Bundled faces always available. */
  bundled: string[];
  /** File of the system FangSong when one was found. */
  fangSong: string | null;
}

export interface DossierPreview {
  sha256: string;
  url: string;
  pages: number;
  items: number;
  warnings: string[];
  /** The 备考表 lines about the originals. */
  remarks: string[];
  /** Labelled PDF/A-1b (asked for, and every page conforms). */
  pdfa: boolean;
  fileName: string;
}

export interface BatchCadreResult {
  cadreId: number;
  name: string;
  archiveCode: string;
  file: string | null;
  pages: number;
  warnings: string[];
  /** The volume's 备考表 lines about its originals (replaced, decrypted, converted, reduced…). */
  remarks: string[];
  /** The volume is labelled PDF/A-1b. */
  pdfa: boolean;
  /** A real failure (no volume written); an original that cannot be printed is never one. */
  error: string | null;
}

export interface BatchStatus {
  jobId: string;
  state: 'running' | 'done' | 'cancelled' | 'failed';
  total: number;
  done: number;
  pages: number;
  current: string | null;
  outDir: string;
  catalogue: string | null;
  results: BatchCadreResult[];
  error: string | null;
}

export const dossierChannels = {
  'dossier.settings.get': { input: z.object({}).strict(), output: null as unknown as DossierSettings },
  'dossier.settings.set': { input: dossierSettingsSchema, output: null as unknown as DossierSettings },
  'dossier.fonts': { input: z.object({}).strict(), output: null as unknown as DossierFonts },
  /** Generates one cadre's dossier (off the IPC thread) into the blob store; returns a URL to preview it. */
  'dossier.preview': {
    input: z.object({ cadreId: id, year: dossierScopeSchema, pdfa: z.boolean().optional() }),
    output: null as unknown as DossierPreview,
  },
  /** County year-end files: one PDF per cadre plus the 案卷目录, in a worker. outDir defaults to <data>/dossiers/<county>-<year>. */
  'dossier.batch.start': {
    input: z.object({ countyId: id, year, outDir: z.string().trim().min(1).max(1000).optional(), pdfa: z.boolean().optional() }),
    output: null as unknown as { jobId: string; outDir: string },
  },
  'dossier.batch.cancel': { input: z.object({ jobId: z.string().min(1).max(100) }), output: null as unknown as BatchStatus },
  'dossier.batch.status': { input: z.object({ jobId: z.string().min(1).max(100) }), output: null as unknown as BatchStatus },
  /** Opens a generated dossier (by its sha256 from dossier.preview) in the system PDF viewer, to print from there. */
  'dossier.openExternal': {
    input: z.object({ sha256: z.string().regex(SHA256_RE) }),
    output: null as unknown as { opened: true },
  },
} as const;
