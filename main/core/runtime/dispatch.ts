import { z } from 'zod';
import { channels, type Channel, type ChannelOutput, type ChannelParsedInput } from '../../../shared/api';
import { AppError, type Result } from '../../../shared/result';
import { READ_ONLY_MESSAGE } from '../../store/readOnlyGuards';
import { logInternalError } from './errorLog';

export type HandlerTable = {
  [C in Channel]: (input: ChannelParsedInput<C>) => ChannelOutput<C> | Promise<ChannelOutput<C>>;
};

/** Maps low-level failures to the Chinese messages users see. */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  // A schema parsed inside a handler: its (Chinese, shared/zodChinese.ts) message, not zod's JSON dump.
  if (err instanceof z.ZodError) return new AppError('INVALID_INPUT', err.issues[0]?.message ?? '输入有误');
  const e = err as NodeJS.ErrnoException & { code?: string };
  // Raised by the read-only triggers of imported counties (main/store/readOnlyGuards.ts).
  if (e?.message === READ_ONLY_MESSAGE) return new AppError('FORBIDDEN', READ_ONLY_MESSAGE);
  if (e?.code === 'ENOSPC' || e?.code === 'SQLITE_FULL')
    return new AppError('DISK_FULL', '磁盘空间不足，操作未完成，数据未改变。请清理磁盘后重试');
  if (e?.code === 'SQLITE_CONSTRAINT_UNIQUE') return new AppError('CONFLICT', '记录已存在，不能重复添加');
  if (e?.code === 'SQLITE_CONSTRAINT_FOREIGNKEY') return new AppError('CONFLICT', '该记录仍被其他数据引用，不能删除或修改');
  if (e?.code === 'EACCES' || e?.code === 'EPERM') return new AppError('FORBIDDEN', '没有访问该文件或文件夹的权限');
  return new AppError('INTERNAL', `内部错误：${e?.message ?? String(err)}`);
}

/**
 * The single entry for Electron IPC and the loopback bridge: validates the input with the
 * channel's schema, runs the handler, and always resolves to a Result.
 */
export async function dispatch(
  handlers: HandlerTable,
  channel: string,
  rawInput: unknown,
  dataDir: string | null = null,
): Promise<Result<unknown>> {
  if (!Object.hasOwn(channels, channel)) {
    return { ok: false, error: { code: 'NOT_FOUND', message: `未知的操作：${channel}` } };
  }
  const c = channel as Channel;
  const parsed = channels[c].input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return { ok: false, error: { code: 'INVALID_INPUT', message: first?.message ?? '输入有误' } };
  }
  try {
    const handler = handlers[c] as (input: unknown) => unknown;
    const value = await handler(parsed.data);
    return { ok: true, value };
  } catch (err) {
    let e = toAppError(err);
    // The stack goes to <dataDir>/logs/errors.log; the message names the file, never shows the stack.
    if (e.code === 'INTERNAL' && !(err instanceof AppError)) e = logInternalError(dataDir, channel, err);
    return { ok: false, error: { code: e.code, message: e.message } };
  }
}
