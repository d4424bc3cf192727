import os from 'node:os';
import { MATERIAL_CATEGORIES } from '../../shared/domain';
import { AppError } from '../../shared/result';
import { defaultDataDir, resolveDataDir } from '../core/runtime/dataDir';
import { toAppError } from '../core/runtime/dispatch';
import { attachCommand } from './commands/attach';
import { attendanceCommands, attendanceUsage } from './commands/attendance';
import { auditCommands, auditUsage } from './commands/audit';
import { backupCommands, backupUsage } from './commands/backup';
import { exchangeCommands, exchangeUsage } from './commands/exchange';
import { settingsCommands, settingsUsage } from './commands/settings';
import { dossierCommands, dossierUsage } from './commands/dossier';
import { evaluationCommands, evaluationUsage } from './commands/evaluation';
import { alertsCommands, alertsUsage } from './commands/alerts';
import { verificationCommands, verificationUsage } from './commands/verifications';
import { statsCommands, statsUsage } from './commands/stats';
import { ocrCommands, ocrUsage } from './commands/ocr';
import { reportCommands, reportUsage } from './commands/reports';
import { intakeSettingsCommands, intakeSettingsUsage } from './commands/intakeSettings';
import { logInternalError } from '../core/runtime/errorLog';
import { cadresCommand } from './commands/cadres';
import { demoCommand } from './commands/demo';
import { importRosterCommand } from './commands/importRoster';
import { materialsCommand } from './commands/materials';
import { UsageError, type CliIo, type CommandTable } from './util';

export const USAGE = `用法：onebag [--data 数据目录] <命令> [参数]

命令：
  demo                               载入演示数据（一个县、20 名选派干部及其档案材料，另附邻县评审副本 4 名）
  import-roster 文件 [--dry-run]     导入选派干部花名册（.xlsx / .csv）；--dry-run 只检查不导入
  attach --cadre 身份证号 --category 类别 --title 题名 [--date YYYY-MM-DD] [--max-file-size 大小] 文件...
                                     将一个或多个文件作为一份材料归入干部档案袋
  cadres [--county 县名] [--json] [--xlsx 文件.xlsx]
                                     列出干部；--xlsx 导出为 Excel
  materials --cadre 身份证号 [--json] [--xlsx 文件.xlsx]
                                     列出某名干部的档案材料
${[...intakeSettingsUsage, ...attendanceUsage, ...alertsUsage, ...verificationUsage, ...dossierUsage, ...settingsUsage, ...statsUsage, ...reportUsage, ...evaluationUsage, ...exchangeUsage, ...backupUsage, ...auditUsage, ...ocrUsage].map((l) => l + '\n').join('')}
材料类别：${MATERIAL_CATEGORIES.join('、')}

数据目录：--data 优先，其次环境变量 ONEBAG_DATA，否则使用默认目录。
退出码：0 成功；1 输入被拒绝（原因见标准错误输出）；2 用法错误。`;

const COMMANDS: CommandTable = {
  demo: demoCommand,
  'import-roster': importRosterCommand,
  attach: attachCommand,
  cadres: cadresCommand,
  materials: materialsCommand,
  ...attendanceCommands,
  ...alertsCommands,
  ...verificationCommands,
  ...dossierCommands,
  ...settingsCommands,
  ...statsCommands,
  ...reportCommands,
  ...evaluationCommands,
  ...backupCommands,
  ...exchangeCommands,
  ...auditCommands,
  ...ocrCommands,
  ...intakeSettingsCommands,
};

/** Removes the global --data option wherever it appears; returns what is left. */
function stripDataOption(argv: string[]): string[] {
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--data') {
      if (i + 1 >= argv.length) throw new UsageError('选项 --data 缺少取值');
      i++;
    } else if (!a.startsWith('--data=')) rest.push(a);
  }
  return rest;
}

const stdio: CliIo = {
  out: (line) => process.stdout.write(line + '\n'),
  err: (line) => process.stderr.write(line + '\n'),
};

/** Runs one CLI invocation and returns its exit code (0 ok, 1 refused input, 2 usage). */
export async function runCli(argv: string[], env: NodeJS.ProcessEnv = process.env, io: CliIo = stdio): Promise<number> {
  let dataDir: string | null = null;
  try {
    const rest = stripDataOption(argv);
    const [command, ...args] = rest;
    if (command === undefined) throw new UsageError('缺少命令');
    if (command === 'help' || command === '--help' || command === '-h') {
      io.out(USAGE);
      return 0;
    }
    const fn = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
    if (!fn) throw new UsageError(`未知命令：${command}`);
    if (args.includes('--help') || args.includes('-h')) {
      io.out(USAGE);
      return 0;
    }
    dataDir = resolveDataDir(argv, env, defaultDataDir(os.homedir()));
    return await fn({ ...io, dataDir, args });
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`错误：${err.message}`);
      io.err('');
      io.err(USAGE);
      return 2;
    }
    let e = toAppError(err);
    // The stack goes to the data folder's error log; the user reads a Chinese sentence naming it.
    if (e.code === 'INTERNAL' && !(err instanceof AppError)) e = logInternalError(dataDir, `onebag ${argv.join(' ')}`, err);
    io.err(`错误：${e.message}`);
    return 1;
  }
}
