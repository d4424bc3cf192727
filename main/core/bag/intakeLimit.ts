/**
 * The originals size cap of this data folder: the `intakeMaxBytes` setting (bytes), default 1 GiB.
 * `onebag attach --max-file-size` overrides it for one run; `onebag settings max-file-size` stores it.
 */
import { AppError } from '../../../shared/result';
import {
  DEFAULT_MAX_ORIGINAL_BYTES,
  MAX_MAX_ORIGINAL_BYTES,
  MIN_MAX_ORIGINAL_BYTES,
  overCapRefusal,
  parseSize,
} from '../../files/sizeLimits';
import type { Db } from '../../store/db';
import { getSetting, setSetting } from '../runtime/settings';
import { formatSize } from '../../../shared/fileSize';

export function intakeMaxBytes(db: Db): number {
  const n = Number(getSetting(db, 'intakeMaxBytes'));
  return Number.isInteger(n) && n >= MIN_MAX_ORIGINAL_BYTES && n <= MAX_MAX_ORIGINAL_BYTES ? n : DEFAULT_MAX_ORIGINAL_BYTES;
}

/** Refuses an upload announced larger than the cap, before a byte of it arrives. */
export function refuseOverCap(db: Db, name: string, size: number): void {
  const max = intakeMaxBytes(db);
  if (size > max) throw overCapRefusal(name, size, max);
}

/** "2G", "700M", "1073741824" → bytes within the allowed range, or a Chinese refusal. */
export function parseMaxBytes(text: string): number {
  const n = parseSize(text);
  if (n === null || n < MIN_MAX_ORIGINAL_BYTES || n > MAX_MAX_ORIGINAL_BYTES) {
    throw new AppError(
      'INVALID_INPUT',
      `原件大小上限“${text}”无效，应为 ${formatSize(MIN_MAX_ORIGINAL_BYTES)} 到 ${formatSize(MAX_MAX_ORIGINAL_BYTES)} 之间，例如 1G、700M`,
    );
  }
  return n;
}

export function setIntakeMaxBytes(db: Db, bytes: number): void {
  if (!Number.isInteger(bytes) || bytes < MIN_MAX_ORIGINAL_BYTES || bytes > MAX_MAX_ORIGINAL_BYTES) {
    throw new AppError(
      'INVALID_INPUT',
      `原件大小上限应在 ${formatSize(MIN_MAX_ORIGINAL_BYTES)} 到 ${formatSize(MAX_MAX_ORIGINAL_BYTES)} 之间`,
    );
  }
  setSetting(db, 'intakeMaxBytes', String(bytes));
}
