import { backupTo } from '../../exchange/integrity/backup';
import { describeBackup } from '../../exchange/integrity/backupRead';
import type { BackupEntry } from '../../../shared/api/integrity';
import { restoreFrom } from '../../exchange/integrity/restore';
import { checkIntegrity, SEVERITY_TEXT, type Finding } from '../../exchange/integrity/check';
import { formatSize } from '../../../shared/fileSize';
import { UsageError, type CommandContext, type CommandTable } from '../util';
import { boolFlag, parseFlags, parseFlagsOnly, textFlag } from '../flags';
import { printJson } from '../print';
import { timeLabel } from '../../../shared/dates';

function describeLines(info: BackupEntry): string[] {
  const time = timeLabel(info.createdAt);
  const lines = [
    `备份：${info.dir}`,
    `  备份时间：${time}`,
    `  数据版本：${info.schemaVersion}`,
    `  干部：${info.cadres} 名，材料：${info.materials} 份，原件：${info.blobs} 个`,
    `  总大小：${formatSize(info.size)}`,
  ];
  if (info.missingBlobs > 0) lines.push(`  注意：备份时有 ${info.missingBlobs} 个原件缺失或损坏，未能备份`);
  return lines;
}

/** `onebag backup --out 目录` */
async function backupCommand(c: CommandContext): Promise<number> {
  const values = parseFlagsOnly('backup', c.args, { out: textFlag });
  if (!values.out?.trim()) throw new UsageError('backup 命令需要 --out 备份目录');
  const r = await backupTo(c.dataDir, values.out.trim());
  c.out(`备份完成：${r.dir}`);
  c.out(`  干部 ${r.info.cadres} 名，材料 ${r.info.materials} 份，原件 ${r.info.blobs} 个`);
  c.out(`  新复制原件 ${r.copiedBlobs} 个（${formatSize(r.copiedBytes)}），已在备份目录中的 ${r.reusedBlobs} 个未重复复制`);
  if (r.linkedBlobs > 0) c.out(`  硬链接原件 ${r.linkedBlobs} 个（与数据目录同盘，未占用新空间）`);
  if (r.missingBlobs.length > 0) {
    c.err(`警告：有 ${r.missingBlobs.length} 个原件缺失或损坏，未能备份；请运行 onebag check 查看处理办法`);
  }
  return 0;
}

/** `onebag restore 备份目录 [--dry-run]` */
async function restoreCommand(c: CommandContext): Promise<number> {
  const { values, positionals } = parseFlags(c.args, { 'dry-run': boolFlag });
  if (positionals.length !== 1) throw new UsageError('restore 命令需要且只需要一个备份目录');
  const info = describeBackup(positionals[0]!);
  const dryRun = values['dry-run'] === true;
  // Verified first (signature, database, originals); the counts shown are read from the backup's database.
  const r = await restoreFrom(info.dir, c.dataDir, { dryRun });
  for (const line of describeLines(r.info)) c.out(line);
  if (r.info.signerFingerprint)
    c.out(`  签名密钥指纹：${r.info.signerFingerprint}（应与本单位密钥的指纹一致，可在“数据交换”页或 onebag keys 查看）`);
  if (dryRun) {
    c.out('校验通过。--dry-run：只显示备份内容，未恢复任何数据');
  } else {
    c.out(`已恢复到数据目录：${c.dataDir}（原件 ${r.restoredBlobs} 个，均已校验 SHA-256）`);
  }
  return 0;
}

/** Stable JSON shape of `onebag check --json`. */
export interface CheckJson {
  ok: boolean;
  errors: number;
  warnings: number;
  findings: Finding[];
}

/**
 * `onebag check [--json] [--witness 备份目录]…`: exit 0 without errors, 1 with findings of
 * severity error. --witness adds backups kept elsewhere (a USB stick) to compare the audit log with.
 */
async function checkCommand(c: CommandContext): Promise<number> {
  const values = parseFlagsOnly('check', c.args, { json: boolFlag, witness: { type: 'string', multiple: true } });
  const witnessDirs = (values.witness ?? []).map((d) => d.trim());
  if (witnessDirs.some((d) => d === '')) throw new UsageError('--witness 需要一个备份目录');
  const findings = await checkIntegrity(c.dataDir, { witnessDirs });
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.length - errors;
  if (values.json) {
    const out: CheckJson = { ok: errors === 0, errors, warnings, findings };
    printJson(c, out);
  } else if (findings.length === 0) {
    c.out(`检查完毕，未发现问题：${c.dataDir}`);
  } else {
    for (const f of findings) {
      c.out(`[${SEVERITY_TEXT[f.severity]}] ${f.message}`);
      c.out(`    处理办法：${f.advice}`);
    }
    c.out('');
    c.out(`检查完毕：错误 ${errors} 项，提醒 ${warnings} 项`);
  }
  return errors > 0 ? 1 : 0;
}

export const backupCommands: CommandTable = {
  backup: backupCommand,
  restore: restoreCommand,
  check: checkCommand,
};

/** Lines for the usage text, in the same two-column format as main/cli/run.ts. */
export const backupUsage: string[] = [
  '  backup --out 备份目录              备份数据库与原件（原件增量复制，已备份过的不再复制）',
  '  restore 备份目录 [--dry-run]       先显示备份内容并校验，再恢复到空数据目录；--dry-run 只显示不恢复',
  '  check [--json] [--witness 备份目录]',
  '                                     检查数据库、原件与审计日志的完整性，有错误时退出码为 1；--witness 另用U盘等处的备份核对审计日志',
];
