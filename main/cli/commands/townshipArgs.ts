/** Options shared by the attendance commands: --township [--county] and --month. */
import { isMonth } from '../../../shared/attendance';
import { AppError } from '../../../shared/result';
import { UsageError } from '../util';

export function monthOption(v: string | undefined, command: string): string {
  if (!v) throw new UsageError(`${command} 需要 --month YYYY-MM`);
  if (!isMonth(v)) throw new AppError('INVALID_INPUT', `月份“${v}”格式不对，应为 YYYY-MM，如 2025-03`);
  return v;
}
