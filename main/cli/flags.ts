/**
 * Flags of the CLI commands: one strict parse (node:util parseArgs, errors as Chinese usage
 * errors), the "takes no arguments" rule of the listing commands, and the --year option.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { guardArgs, UsageError } from './util';

type Options = NonNullable<ParseArgsConfig['options']>;
type Strict<O extends Options> = { args: string[]; options: O; allowPositionals: true; strict: true };
type Parsed<O extends Options> = ReturnType<typeof parseArgs<Strict<O>>>;

/** A flag that takes a value (`--year 2025`). */
export const textFlag = { type: 'string' } as const;
/** A flag that is on or off (`--json`). */
export const boolFlag = { type: 'boolean' } as const;

/** Strict parse of `args`; unknown flags and missing values are usage errors, positionals are the command's to judge. */
export function parseFlags<O extends Options>(args: string[], options: O): Parsed<O> {
  return guardArgs(() => parseArgs({ args, options, allowPositionals: true, strict: true }));
}

/** parseFlags for a command that takes flags only: any positional is a usage error naming the command. */
export function parseFlagsOnly<O extends Options>(command: string, args: string[], options: O): Parsed<O>['values'] {
  const { values, positionals } = parseFlags(args, options);
  if (positionals.length > 0) throw new UsageError(`${command} 命令不接受参数：${positionals.join(' ')}`);
  return values;
}

/** --year: four digits from 2000 to 2100. */
export function yearOption(text: string): number {
  const year = Number(text);
  if (!/^\d{4}$/.test(text) || year < 2000 || year > 2100) throw new UsageError(`年度应为2000至2100之间的四位数字：${text}`);
  return year;
}
