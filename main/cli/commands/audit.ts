import type { CommandContext } from '../util';

/** Audit log commands, merged into main/cli/run.ts. */
export const auditCommands: Record<string, (c: CommandContext) => Promise<number>> = {};

/** Lines for the usage text, in the same two-column format as main/cli/run.ts. */
export const auditUsage: string[] = [];
