/**
 * `onebag max-file-size [大小]`: shows or sets the cap on an original's size (default 1 GB),
 * stored in the data folder's settings. `attach --max-file-size` overrides it for one run.
 */
import { intakeMaxBytes, parseMaxBytes, setIntakeMaxBytes } from '../../core/bag/intakeLimit';
import { formatSize } from '../../../shared/fileSize';
import { UsageError, withCore, type CommandContext } from '../util';

export const intakeSettingsUsage = ['  max-file-size [大小]                查看或设置原件大小上限（默认 1G，例如 2G、700M）'];

async function maxFileSizeCommand(c: CommandContext): Promise<number> {
  if (c.args.length > 1) throw new UsageError('max-file-size 只接受一个参数：大小，例如 2G');
  const text = c.args[0];
  const bytes = text === undefined ? undefined : parseMaxBytes(text);
  return withCore(c.dataDir, (core) => {
    if (bytes !== undefined) setIntakeMaxBytes(core.ctx.db, bytes);
    c.out(`原件大小上限：${formatSize(intakeMaxBytes(core.ctx.db))}${bytes !== undefined ? '（已保存）' : ''}`);
    return 0;
  });
}

export const intakeSettingsCommands = { 'max-file-size': maxFileSizeCommand };
