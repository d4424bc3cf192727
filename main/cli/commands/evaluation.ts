import type { CommandContext } from '../util';

/** CLI commands of this feature group, merged into the command table in main/cli/run.ts. */
export const evaluationCommands: Record<string, (c: CommandContext) => Promise<number>> = {};

/** Lines for the usage text, in the same two-column format as main/cli/run.ts. */
export const evaluationUsage: string[] = [];
