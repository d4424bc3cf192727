/**
 * Internal errors are written, with their stack, to <dataDir>/logs/errors.log; the user sees a
 * Chinese sentence that names that file and no stack trace.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/result';

export function errorLogPath(dataDir: string): string {
  return path.join(dataDir, 'logs', 'errors.log');
}

/** Appends the error to the log and returns the AppError to show (falls back to stderr if the log cannot be written). */
export function logInternalError(dataDir: string | null, where: string, err: unknown): AppError {
  const at = new Date().toISOString();
  const text = `[${at}] ${where}\n${String((err as Error)?.stack ?? err)}\n\n`;
  if (dataDir) {
    const file = errorLogPath(dataDir);
    try {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.appendFileSync(file, text, { mode: 0o600 });
      return new AppError('INTERNAL', `内部错误，操作未完成，数据未改变。详细信息已记录在 ${file}（${at}），请将该文件提供给技术支持`);
    } catch {
      /* fall through to stderr */
    }
  }
  process.stderr.write(text);
  return new AppError('INTERNAL', '内部错误，操作未完成，数据未改变。详细信息已输出到标准错误');
}
