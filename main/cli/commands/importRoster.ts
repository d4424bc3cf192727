import fs from 'node:fs';
import path from 'node:path';
import type { RosterPreview } from '../../../shared/domain';
import { AppError } from '../../../shared/result';
import { commitRoster, previewRoster } from '../../core/roster/roster';
import { UsageError, withCore, type CommandContext } from '../util';
import { boolFlag, parseFlags } from '../flags';

function reportBadRows(c: CommandContext, preview: RosterPreview): void {
  for (const bad of preview.badRows) c.out(`第${bad.row}行 ${bad.name ?? '（无姓名）'}：${bad.reason}`);
}

/**
 * `onebag import-roster FILE [--dry-run]`: imports a 花名册 (xlsx/csv). Bad rows are listed (stdout)
 * and skipped; the exit code is 1 when any row was refused, 0 when all rows were good.
 */
export async function importRosterCommand(c: CommandContext): Promise<number> {
  const { values, positionals } = parseFlags(c.args, { 'dry-run': boolFlag });
  if (positionals.length !== 1) throw new UsageError('import-roster 需要且只需要一个花名册文件');
  const file = path.resolve(positionals[0]!);
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new AppError('NOT_FOUND', `找不到文件：${file}`);
  const dryRun = values['dry-run'] === true;

  return withCore(c.dataDir, async (core) => {
    const { db } = core.ctx;
    const preview = await previewRoster(db, file);
    reportBadRows(c, preview);
    // Running the command is the confirmation; the clerk still reads what it will do.
    for (const w of preview.warnings) c.out(`提示：${w.text}`);
    const bad = preview.badRows.length;
    if (dryRun) {
      c.out(
        `预检完成（未做任何修改）：可导入 ${preview.goodRows} 行（新增 ${preview.newCadres} 人，更新 ${preview.updatedCadres} 人），有问题 ${bad} 行`,
      );
      if (bad > 0) c.err(`错误：有 ${bad} 行数据有问题，导入时将被跳过（见上方列表）`);
      return bad > 0 ? 1 : 0;
    }
    const result = await commitRoster(db, file);
    c.out(`导入完成：新增 ${result.inserted} 人，更新 ${result.updated} 人，跳过 ${result.skipped} 行`);
    const refused = Math.max(bad, result.skipped);
    if (refused > 0) c.err(`错误：有 ${refused} 行数据有问题，未导入（见上方列表）`);
    return refused > 0 ? 1 : 0;
  });
}
