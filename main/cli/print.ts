/** How the listing commands answer: JSON, an aligned text table, or (--xlsx) that table as a workbook. */
import { formatTable, type CliIo } from './util';
import { writeTableXlsx } from './xlsxOut';

/** `--json`: the value, indented by two; the command's exit code. */
export function printJson(c: CliIo, value: unknown): 0 {
  c.out(JSON.stringify(value, null, 2));
  return 0;
}

/** The rows as an aligned plain-text table under their headers. */
export function printTable(c: CliIo, head: string[], body: string[][]): void {
  for (const line of formatTable(head, body)) c.out(line);
}

/**
 * With `--xlsx FILE`: writes the table as a one-sheet workbook (numbers in `numeric` columns stay
 * numbers) and says how many rows went where; returns true. Without: prints the table; false.
 */
export async function printTableOrXlsx(
  c: CliIo,
  xlsx: string | undefined,
  sheet: { name: string; numeric?: readonly number[] },
  head: string[],
  body: string[][],
): Promise<boolean> {
  if (xlsx === undefined || xlsx === '') {
    printTable(c, head, body);
    return false;
  }
  c.out(`已导出 ${body.length} 行到 ${await writeTableXlsx(xlsx, sheet.name, head, body, sheet.numeric)}`);
  return true;
}
