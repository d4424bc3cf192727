/**
 * Typed client over `window.onebag` (preload in Electron, bridge script in the browser).
 * `call` unwraps the Result envelope: it returns the value or throws a ClientError whose
 * message is the Chinese text to show the user.
 */
import type { Channel, ChannelInput, ChannelOutput, ProgressEvent } from '../../../shared/api';
import type { StagedFile } from '../../../shared/domain';
import type { ErrorCode } from '../../../shared/result';
import type { OnebagWindowApi } from '../../../shared/window';

declare global {
  interface Window {
    onebag?: OnebagWindowApi;
  }
}

export class ClientError extends Error {
  constructor(
    public readonly code: ErrorCode | 'NO_BRIDGE',
    message: string,
  ) {
    super(message);
    this.name = 'ClientError';
  }
}

function api(): OnebagWindowApi {
  const a = window.onebag;
  if (!a) throw new ClientError('NO_BRIDGE', '未能连接到 OneBag 后台服务，请重新启动程序');
  return a;
}

export async function call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  let result;
  try {
    result = await api().invoke(channel, input);
  } catch (err) {
    if (err instanceof ClientError) throw err;
    throw new ClientError('INTERNAL', `与后台通信失败：${(err as Error)?.message ?? String(err)}`);
  }
  if (!result.ok) throw new ClientError(result.error.code, result.error.message);
  return result.value;
}

/** Message to show for any thrown value. */
export function errorMessage(err: unknown): string {
  if (err instanceof ClientError) return err.message;
  if (err instanceof Error && err.message) return `操作失败：${err.message}`;
  return '操作失败，请重试';
}

export function onProgress(listener: (e: ProgressEvent) => void): () => void {
  const a = window.onebag;
  return a ? a.onProgress(listener) : () => undefined;
}

export const CHUNK_SIZE = 2 * 1024 * 1024;

function toBase64(bytes: Uint8Array): string {
  let s = '';
  const step = 0x8000;
  for (let i = 0; i < bytes.length; i += step) {
    s += String.fromCharCode.apply(null, bytes.subarray(i, i + step) as unknown as number[]);
  }
  return btoa(s);
}

export type StagePurpose = 'attachment' | 'roster';

/**
 * Uploads a file into main's staging area in ~2 MB base64 chunks and completes it.
 * For 'attachment' main inspects the file and may refuse it (ClientError 'FILE_REFUSED').
 */
export async function stageFile(
  file: File,
  purpose: StagePurpose,
  cadreId?: number,
  onProgressBytes?: (sent: number, total: number) => void,
): Promise<StagedFile> {
  const { token } = await call('staging.begin', { name: file.name, size: file.size, purpose });
  try {
    let sent = 0;
    onProgressBytes?.(0, file.size);
    while (sent < file.size) {
      const slice = file.slice(sent, sent + CHUNK_SIZE);
      const bytes = new Uint8Array(await slice.arrayBuffer());
      await call('staging.chunk', { token, data: toBase64(bytes) });
      sent += bytes.length;
      onProgressBytes?.(sent, file.size);
    }
    return await call('staging.end', cadreId === undefined ? { token, purpose } : { token, purpose, cadreId });
  } catch (err) {
    // A refused file leaves nothing behind in main; discard is best-effort for other failures.
    if (!(err instanceof ClientError && err.code === 'FILE_REFUSED')) {
      void api()
        .invoke('staging.discard', { token })
        .catch(() => undefined);
    }
    throw err;
  }
}
