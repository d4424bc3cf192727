/**
 * Internal errors are written, with their stack, to <dataDir>/logs/errors.log; the user sees a
 * Chinese sentence that names that file and no stack trace.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../../../shared/result';

export function errorLogPath(dataDir: string): string {
  return path.join(dataDir, 'logs', 'errors.log');
}

/**
 * Appends the error to the data folder's log (or, when that folder cannot take it, to
 * onebag-errors.log in the system temp folder) and returns the AppError to show.
 */
export function logInternalError(dataDir: string | null, where: string, err: unknown): AppError {
  const at = new Date().toISOString();
  const text = `[${at}] ${where}\n${String((err as Error)?.stack ?? err)}\n\n`;
  const candidates = [...(dataDir ? [errorLogPath(dataDir)] : []), path.join(os.tmpdir(), 'onebag-errors.log')];
  for (const file of candidates) {
    try {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.appendFileSync(file, text, { mode: 0o600 });
      return new AppError('INTERNAL', `内部错误，操作未完成，数据未改变。详细信息已记录在 ${file}（${at}），请将该文件提供给技术支持`);
    } catch {
      /* try the next place */
    }
  }
  return new AppError('INTERNAL', '内部错误，操作未完成，数据未改变（错误日志也无法写入，请检查磁盘空间和权限）');
}
