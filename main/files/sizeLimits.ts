/**
 * Size limits of intake: how big an original may be, and how much memory parsing one may take.
 * The originals cap is a setting (onebag attach --max-file-size, settings key intakeMaxBytes);
 * the parse budgets are fixed so that no single file takes the process past ~700 MB.
 */
import { formatSize } from '../../shared/fileSize';
import { AppError } from '../../shared/result';

export const GiB = 1024 * 1024 * 1024;
export const MiB = 1024 * 1024;

/** Default cap on an original's size. */
export const DEFAULT_MAX_ORIGINAL_BYTES = 1 * GiB;
/** Bounds of the configurable cap: below 1 MiB nothing useful fits; above 4 GiB nothing prints. */
export const MIN_MAX_ORIGINAL_BYTES = 1 * MiB;
export const MAX_MAX_ORIGINAL_BYTES = 4 * GiB;

/**
 * A PDF is parsed whole (pdf-lib holds the file and its object tree in memory, ~2× the file);
 * larger PDFs are refused with a message rather than taking the machine's memory.
 */
export const PDF_PARSE_BUDGET_BYTES = 256 * MiB;
/** Inflated size allowed for one PDF content stream or one compressed image stream (a 600 dpi A4 colour scan is ~100 MB). */
export const PDF_STREAM_INFLATE_BUDGET = 128 * MiB;
/** Sum of everything inflated while validating one PDF. */
export const PDF_TOTAL_INFLATE_BUDGET = 1 * GiB;

/** The one refusal of a file over the originals cap (before upload, and when it is read). */
export const overCapRefusal = (name: string, size: number, maxBytes: number): AppError =>
  new AppError(
    'FILE_REFUSED',
    `「${name}」大小为 ${formatSize(size)}，超过原件大小上限 ${formatSize(maxBytes)}，无法归档。请压缩或拆分后再添加（上限可在设置中调整）`,
  );

/** Parses "1G", "1GiB", "700M", "1073741824" into bytes; null when not a size. */
export function parseSize(text: string): number | null {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([kmgt]?)(i?b)?\s*$/i.exec(text);
  if (!m) return null;
  const unit = { '': 1, k: 1024, m: MiB, g: GiB, t: 1024 * GiB }[m[2]!.toLowerCase() as '' | 'k' | 'm' | 'g' | 't'];
  const n = Math.round(Number(m[1]) * unit);
  return Number.isFinite(n) && n > 0 ? n : null;
}
