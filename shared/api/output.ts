/**
 * Getting things out of the app: any on-screen table as an .xlsx (built in main with exceljs,
 * from the columns and Chinese headers the screen shows), and the desktop-only "另存为" and
 * system print of a generated PDF. In browser mode the renderer downloads and prints itself.
 */
import { z } from 'zod';
import { SHA256_RE } from '../blobLayout';

/** One cell as the screen shows it: text, a number, or empty. */
const cellSchema = z.union([z.string().max(5000), z.number().finite(), z.null()]);

export const tableSheetSchema = z.object({
  /** The worksheet tab name (Excel allows 31 characters and no []:*?/\). */
  sheetName: z.string().trim().min(1, '请填写工作表名称').max(31),
  columns: z
    .array(z.object({ header: z.string().trim().min(1, '列标题不能为空').max(100), kind: z.enum(['text', 'number']).optional() }))
    .min(1, '至少需要一列')
    .max(200),
  rows: z.array(z.array(cellSchema).max(200)).max(200_000),
});
export type TableSheet = z.infer<typeof tableSheetSchema>;

/** A file name offered to the clerk: no folders, no characters Windows refuses. */
const fileNameSchema = z
  .string()
  .trim()
  .min(1, '请填写文件名')
  .max(150, '文件名过长')
  .refine((n) => !/[\\/:*?"<>|\u0000-\u001f]/.test(n), '文件名不能包含 \\ / : * ? " < > | 等字符');

export const outputChannels = {
  /** Builds an .xlsx of one table; returns it base64-encoded with its file name. */
  'output.xlsx': {
    input: z.object({ fileName: fileNameSchema, sheets: z.array(tableSheetSchema).min(1).max(20) }),
    output: null as unknown as { fileName: string; base64: string; bytes: number },
  },
  /** Desktop only: the system 另存为 dialog for a generated file (a PDF by sha256, or bytes). null when cancelled. */
  'output.saveAs': {
    input: z
      .object({ fileName: fileNameSchema, sha256: z.string().regex(SHA256_RE).optional(), base64: z.string().max(200_000_000).optional() })
      .refine((v) => (v.sha256 === undefined) !== (v.base64 === undefined), '请指定要保存的文件'),
    output: null as unknown as { savedTo: string | null },
  },
  /** Desktop only: the system print dialog for a generated PDF. */
  'output.print': {
    input: z.object({ sha256: z.string().regex(SHA256_RE) }),
    output: null as unknown as { printed: boolean },
  },
  /** Desktop only: opens a batch output folder in the file manager (only folders the app wrote to). */
  'output.openFolder': {
    input: z.object({ path: z.string().trim().min(1).max(1000) }),
    output: null as unknown as { opened: true },
  },
} as const;
