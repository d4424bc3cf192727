import type { CommandContext } from '../util';

/** Exchange bundle commands (export, verify, import, keys), merged into main/cli/run.ts. */
export const exchangeCommands: Record<string, (c: CommandContext) => Promise<number>> = {};

/** Lines for the usage text, in the same two-column format as main/cli/run.ts. */
export const exchangeUsage: string[] = [];
