/** Result envelope used by every IPC channel, the bridge and the CLI. */
export type ErrorCode =
  | 'INVALID_INPUT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'FILE_REFUSED'
  | 'IMPORT_REFUSED'
  | 'DISK_FULL'
  | 'UNSUPPORTED'
  | 'FORBIDDEN'
  | 'INTERNAL';

export interface AppErrorShape {
  code: ErrorCode;
  /** Simplified Chinese, shown to the user as is. */
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };

/** Thrown by main-process code; the handler table turns it into `{ok:false}`. */
export class AppError extends Error implements AppErrorShape {
  constructor(
    public readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string): Result<never> => ({
  ok: false,
  error: { code, message },
});
