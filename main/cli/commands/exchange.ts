import path from 'node:path';
import readline from 'node:readline';
import { exportEnv } from '../../api/handlers/exchangePrinter';
import { departmentKey, listTrustedKeys, revokeTrust, setDepartmentName } from '../../exchange/bundle/keys';
import { exportCountyBundle } from '../../exchange/exportBundle';
import { formatSize } from '../../../shared/fileSize';
import { planChangeLine, planConflictLines, type ImportPreview } from '../../../shared/api/exchange';
import { commitImport, previewImport, signerStatus, summarize, verifyFile } from '../../exchange/importBundle';
import { exportReviewBundle } from '../../exchange/reviewBundle';
import { formatTable, UsageError, withCore, type CommandContext, type CommandTable } from '../util';
import { boolFlag, parseFlags, parseFlagsOnly, textFlag } from '../flags';
import { printTable } from '../print';
import { countyByName } from '../../core/lookup';
import { timeLabel } from '../../../shared/dates';

function yearArg(v: string | undefined, cmd: string): number {
  if (!v) throw new UsageError(`${cmd} 需要 --year 年度`);
  if (!/^\d{4}$/.test(v)) throw new UsageError(`年度“${v}”无效，应为四位数字`);
  return Number(v);
}

function outArg(v: string | undefined, cmd: string): string {
  if (!v?.trim()) throw new UsageError(`${cmd} 需要 --out 输出文件.onebag`);
  const out = path.resolve(v.trim());
  if (!out.toLowerCase().endsWith('.onebag')) throw new UsageError('--out 应为 .onebag 文件');
  return out;
}

const when = (iso: string) => timeLabel(iso);

const trustText = (s: { trusted: boolean; revoked: boolean; self: boolean }) =>
  s.self ? '本单位' : s.trusted ? '已信任' : s.revoked ? '已撤销' : '未知单位';

/** `onebag export --county 名称 --year Y --out FILE.onebag [--no-dossiers]` */
async function exportCommand(c: CommandContext): Promise<number> {
  const values = parseFlagsOnly('export', c.args, { county: textFlag, year: textFlag, out: textFlag, 'no-dossiers': boolFlag });
  if (!values.county) throw new UsageError('export 需要 --county 县名');
  const year = yearArg(values.year, 'export');
  const out = outArg(values.out, 'export');
  return withCore(c.dataDir, async (core) => {
    const county = countyByName(core.ctx.db, values.county!);
    let last = '';
    const r = await exportCountyBundle(exportEnv(core.ctx.db, c.dataDir, core.blobs), {
      countyId: county.id,
      year,
      out,
      withDossiers: values['no-dossiers'] !== true,
      onProgress: (p) => {
        if (p.stage !== last) c.out(`${p.stage}……`);
        last = p.stage;
      },
    });
    c.out(`已导出：${r.file}（${formatSize(r.size)}）`);
    c.out(`  干部 ${r.counts.cadres} 名，记录 ${r.counts.records} 条，原件 ${r.counts.originals} 个，档案PDF ${r.counts.dossiers} 份`);
    c.out(`  签名单位：${r.signerName}`);
    c.out(`  指纹：${r.fingerprint}（请将指纹通过电话告知接收单位核对）`);
    c.out(`  SHA-256：${r.sha256}`);
    return 0;
  });
}

/** `onebag review-export --county 名称 --year Y --out FILE.onebag` */
async function reviewExportCommand(c: CommandContext): Promise<number> {
  const values = parseFlagsOnly('review-export', c.args, { county: textFlag, year: textFlag, out: textFlag });
  if (!values.county) throw new UsageError('review-export 需要 --county 县名');
  const year = yearArg(values.year, 'review-export');
  const out = outArg(values.out, 'review-export');
  return withCore(c.dataDir, async (core) => {
    const county = countyByName(core.ctx.db, values.county!);
    const r = await exportReviewBundle({ db: core.ctx.db }, { countyId: county.id, year, out });
    c.out(`已导出评审结果：${r.file}（${formatSize(r.size)}）`);
    c.out(`  干部 ${r.counts.cadres} 名，评分与评审意见 ${r.counts.records} 条`);
    c.out(`  签名单位：${r.signerName}，指纹：${r.fingerprint}`);
    return 0;
  });
}

function oneFile(c: CommandContext, cmd: string, positionals: string[]): string {
  if (positionals.length !== 1) throw new UsageError(`${cmd} 命令需要且只需要一个交换包文件`);
  return path.resolve(positionals[0]!);
}

/** `onebag verify FILE` */
async function verifyCommand(c: CommandContext): Promise<number> {
  const { positionals } = parseFlags(c.args, {});
  const file = oneFile(c, 'verify', positionals);
  return withCore(c.dataDir, async (core) => {
    const v = await verifyFile(core.ctx.db, file);
    const s = summarize(v);
    const signer = signerStatus(core.ctx.db, v.manifest);
    c.out(`交换包：${file}`);
    c.out(`  格式版本：${s.formatVersion}`);
    c.out(`  生成程序：${s.producer}`);
    c.out(`  生成时间：${when(s.createdAt)}`);
    c.out(`  内容：${s.kind === 'review' ? '评审结果' : '县级档案数据'}，${s.county} ${s.year}年度，干部 ${s.cadres} 名`);
    c.out(`  签名单位：${signer.name}`);
    c.out(`  指纹：${signer.fingerprint}（${trustText(signer)}）`);
    c.out(`  文件 ${s.files} 个（原件 ${s.originals} 个，档案PDF ${s.dossiers} 份），共 ${formatSize(s.size)}`);
    c.out('校验通过');
    return 0;
  });
}

function previewLines(p: ImportPreview): string[] {
  const rows = p.plan.tables
    .filter((t) => t.added + t.updated + t.unchanged + t.skipped > 0)
    .map((t) => [t.label, String(t.added), String(t.updated), String(t.unchanged), String(t.skipped)]);
  return [
    `交换包：${p.manifest.kind === 'review' ? '评审结果' : '县级档案数据'}，${p.manifest.county} ${p.manifest.year}年度，生成于 ${when(p.manifest.createdAt)}`,
    `签名单位：${p.signer.name}`,
    `指纹：${p.signer.fingerprint}（${trustText(p.signer)}）`,
    '',
    ...formatTable(['类别', '新增', '更新', '无变化', '冲突未导入'], rows),
    '',
    `合计：新增 ${p.plan.added}，更新 ${p.plan.updated}，无变化 ${p.plan.unchanged}，冲突未导入 ${p.plan.skipped}；需写入原件 ${p.plan.blobsNeeded.length} 个`,
    ...(p.plan.changes.length ? ['', '将写入的记录（逐条逐字段）：', ...p.plan.changes.map(planChangeLine)] : []),
    ...(p.plan.conflicts.length
      ? [
          '',
          `以下 ${p.plan.conflicts.length} 条记录涉及不属于签名单位的数据，不会导入（依赖它们的记录共 ${p.plan.skipped - p.plan.conflicts.length} 条也不导入）：`,
          ...p.plan.conflicts.flatMap(planConflictLines),
        ]
      : []),
  ];
}

async function ask(question: string): Promise<boolean> {
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
  try {
    const answer = await new Promise<string>((resolve) => {
      rl.question(question, resolve);
      rl.on('close', () => resolve(''));
    });
    return /^(y|yes|是|确认)$/i.test(answer.trim());
  } finally {
    rl.close();
  }
}

/** `onebag import FILE [--yes] [--trust]` */
async function importCommand(c: CommandContext): Promise<number> {
  const { values, positionals } = parseFlags(c.args, { yes: boolFlag, trust: boolFlag });
  const file = oneFile(c, 'import', positionals);
  return withCore(c.dataDir, async (core) => {
    const env = { db: core.ctx.db, dataDir: c.dataDir, blobs: core.blobs };
    const p = await previewImport(env, file);
    for (const line of previewLines(p)) c.out(line);
    if (!p.signer.trusted && !values.trust) {
      c.err(
        p.signer.revoked
          ? `错误：“${p.signer.name}”的密钥已被撤销信任，未导入。请电话核对指纹 ${p.signer.fingerprint}，确认后加 --trust 重新信任并导入`
          : `错误：首次收到“${p.signer.name}”的交换包，未导入。请通过电话与发送单位核对指纹 ${p.signer.fingerprint}，确认无误后加 --trust 再导入`,
      );
      return 1;
    }
    if (p.plan.added + p.plan.updated === 0 && p.plan.blobsNeeded.length === 0) {
      if (!p.signer.trusted) await commitImport(env, file, { trustSigner: true });
      c.out(
        p.plan.skipped
          ? '无可导入的变化：其余记录均已导入过，冲突的记录未导入，未做任何改动'
          : '无变化：该交换包的内容已全部导入过，未做任何改动',
      );
      return 0;
    }
    if (!values.yes && !(await ask('确认导入？输入 y 确认：'))) {
      c.out('已取消，未做任何改动');
      return 1;
    }
    const r = await commitImport(env, file, { trustSigner: values.trust === true });
    if (r.unchanged) {
      c.out('无变化：该交换包的内容已全部导入过，未做任何改动');
      return 0;
    }
    if (values.trust && !p.signer.trusted) c.out(`已信任：${r.signer.name}（指纹 ${r.signer.fingerprint}）`);
    if (r.backupDir) c.out(`导入前已自动备份：${r.backupDir}`);
    c.out(
      `已导入：新增 ${r.plan.added}，更新 ${r.plan.updated}，无变化 ${r.plan.unchanged}，冲突未导入 ${r.plan.skipped}；写入原件 ${r.originalsAdded} 个`,
    );
    return 0;
  });
}

/** `onebag keys [--name 单位名称] [--revoke 指纹]` */
async function keysCommand(c: CommandContext): Promise<number> {
  const values = parseFlagsOnly('keys', c.args, { name: textFlag, revoke: textFlag });
  return withCore(c.dataDir, (core) => {
    const db = core.ctx.db;
    if (values.name !== undefined) {
      setDepartmentName(db, values.name);
      c.out(`本单位名称已设为：${departmentKey(db).name}`);
    }
    if (values.revoke !== undefined) {
      const k = revokeTrust(db, values.revoke);
      c.out(`已撤销信任：${k.name}（指纹 ${k.fingerprint}）`);
    }
    const me = departmentKey(db);
    c.out(`本单位：${me.name}`);
    c.out(`指纹：${me.fingerprint}`);
    const keys = listTrustedKeys(db);
    c.out('');
    if (keys.length === 0) {
      c.out('尚未信任任何单位');
      return 0;
    }
    c.out('信任的单位：');
    const rows = keys.map((k) => [k.name, k.fingerprint, when(k.trustedAt), k.revokedAt ? `已撤销（${when(k.revokedAt)}）` : '已信任']);
    printTable(c, ['单位', '指纹', '信任时间', '状态'], rows);
    return 0;
  });
}

/** Exchange bundle commands (export, verify, import, keys), merged into main/cli/run.ts. */
export const exchangeCommands: CommandTable = {
  export: exportCommand,
  'review-export': reviewExportCommand,
  verify: verifyCommand,
  import: importCommand,
  keys: keysCommand,
};

/** Lines for the usage text, in the same two-column format as main/cli/run.ts. */
export const exchangeUsage: string[] = [
  '  export --county 县名 --year 年度 --out 文件.onebag [--no-dossiers]',
  '                                     导出全县年度数据交换包（含原件、档案PDF与网页索引，带本单位签名）',
  '  review-export --county 县名 --year 年度 --out 文件.onebag',
  '                                     评审单位导出评分与评审意见，发回县委组织部',
  '  verify 文件.onebag                 校验交换包（签名、每个文件的 SHA-256、格式版本），不导入',
  '  import 文件.onebag [--yes] [--trust]',
  '                                     校验并预览后导入；--yes 不再询问；首次收到的单位需电话核对指纹后加 --trust',
  '  keys [--name 单位名称] [--revoke 指纹]',
  '                                     显示本单位名称与指纹及信任的单位；--name 设置本单位名称；--revoke 撤销信任',
];
