import os from 'node:os';
import { openCore, type OpenCore } from '../api/open';

/** Wrong command line: exit code 2 with the usage text. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
}

export interface CommandContext extends CliIo {
  dataDir: string;
  args: string[];
}

/** A CLI command: runs with the parsed context and returns its exit code. */
export type Command = (c: CommandContext) => Promise<number>;
/** A feature's commands by name, merged into the command table in main/cli/run.ts. */
export type CommandTable = Record<string, Command>;

/** Opens the data directory for the CLI; the same handler table and core as the app. */
export function openCliCore(dataDir: string): OpenCore {
  return openCore({
    dataDir,
    host: {
      kind: 'cli',
      blobUrl: (sha256) => `onebag-blob:${sha256}`,
    },
  });
}

export async function withCore<T>(dataDir: string, fn: (core: OpenCore) => Promise<T> | T): Promise<T> {
  const core = openCliCore(dataDir);
  try {
    return await fn(core);
  } finally {
    core.close();
  }
}

/** Runs a node:util parseArgs call, turning its errors into Chinese usage errors. */
export function guardArgs<T>(parse: () => T): T {
  try {
    return parse();
  } catch (err) {
    const msg = (err as Error).message;
    const unknown = /Unknown option '([^']+)'/.exec(msg);
    if (unknown) throw new UsageError(`不认识的选项：${unknown[1]}`);
    const missing = /Option '([^' ]+)/.exec(msg);
    if (missing && /argument missing|argument is ambiguous/.test(msg)) throw new UsageError(`选项 ${missing[1]} 缺少取值`);
    throw new UsageError(`参数有误：${msg}`);
  }
}

/** Terminal columns a string takes: CJK and full-width characters count two. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    const wide =
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) ||
      c >= 0x20000;
    w += wide ? 2 : 1;
  }
  return w;
}

/** Aligned plain-text table (two spaces between columns). */
export function formatTable(headers: string[], rows: string[][]): string[] {
  const widths = headers.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ''))));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c + ' '.repeat(widths[i]! - displayWidth(c))))
      .join('  ')
      .trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
}

export const defaultOperator = () => {
  try {
    return os.userInfo().username || '命令行';
  } catch {
    return '命令行';
  }
};
