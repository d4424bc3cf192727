import path from 'node:path';
import { materialInputSchema } from '../../../shared/api/bag';
import { parseChineseDate } from '../../../shared/dates';
import { FILE_FLAG_LABELS, MATERIAL_CATEGORIES, type FileKind, type MaterialCategory } from '../../../shared/domain';
import { AppError } from '../../../shared/result';
import { addMaterial } from '../../core/bag/bag';
import { parseMaxBytes } from '../../core/bag/intakeLimit';
import { extensionConflict } from '../../files/extensionCheck';
import { symlinkTargetOf } from '../../files/readOnce';
import { UsageError, withCore, type CommandContext } from '../util';
import { findCadreByIdNumber } from '../../core/lookup';
import { parseFlags, textFlag } from '../flags';
import { localToday } from '../../core/runtime/clock';

/**
 * `onebag attach --cadre ID_NUMBER --category 类别 --title 题名 [--date YYYY-MM-DD] FILE...`:
 * files one material with its originals. Every file is inspected first; one bad file refuses all.
 * `--max-file-size 2G` overrides the originals size cap for this run.
 */
export async function attachCommand(c: CommandContext): Promise<number> {
  const { values, positionals } = parseFlags(c.args, {
    cadre: textFlag,
    category: textFlag,
    title: textFlag,
    date: textFlag,
    'max-file-size': textFlag,
  });
  if (!values.cadre) throw new UsageError('attach 需要 --cadre 身份证号');
  if (!values.category) throw new UsageError('attach 需要 --category 材料类别');
  if (!values.title) throw new UsageError('attach 需要 --title 题名');
  if (positionals.length === 0) throw new UsageError('attach 需要至少一个文件');
  if (!(MATERIAL_CATEGORIES as readonly string[]).includes(values.category)) {
    throw new UsageError(`材料类别“${values.category}”无效，可选：${MATERIAL_CATEGORIES.join('、')}`);
  }
  let date: string | null = null;
  if (values.date !== undefined) {
    date = /^\d{4}-\d{2}-\d{2}$/.test(values.date) ? parseChineseDate(values.date) : null;
    if (!date) throw new UsageError(`日期“${values.date}”无效，应为 YYYY-MM-DD`);
  }
  const parsed = materialInputSchema.safeParse({
    category: values.category as MaterialCategory,
    title: values.title,
    date,
    year: date ? Number(date.slice(0, 4)) : Number(localToday().slice(0, 4)),
    responsible: null,
    docNumber: null,
    secrecy: '公开',
    notes: null,
  });
  if (!parsed.success) throw new AppError('INVALID_INPUT', parsed.error.issues[0]?.message ?? '输入有误');

  const maxBytes = values['max-file-size'] === undefined ? undefined : parseMaxBytes(values['max-file-size']);
  const files = positionals.map((f) => ({ path: path.resolve(f), name: path.basename(f) }));
  // Where a symbolic link points is said before anything is filed (what is filed is that target).
  for (const f of files) {
    const target = await symlinkTargetOf(f.path, f.name);
    if (target) c.out(`「${f.name}」是符号链接 → ${target}`);
  }

  return withCore(c.dataDir, async (core) => {
    const cadre = findCadreByIdNumber(core.ctx.db, values.cadre!);
    // addMaterial reads each file once, inspects the copy, and refuses all before anything is written.
    const m = await addMaterial(core.ctx.db, core.blobs, cadre.id, parsed.data, files, maxBytes === undefined ? {} : { maxBytes });
    const pages = m.files.reduce((n, f) => n + (f.pageCount ?? 0), 0);
    c.out(
      `已归档：${cadre.name}《${m.title}》（${m.category}，${m.year}年度，${m.files.length} 个文件${pages ? `，共 ${pages} 页` : ''}）`,
    );
    for (const f of m.files) {
      if (f.flags.length)
        c.out(
          `注意：「${f.originalName}」${f.flags.map((x) => FILE_FLAG_LABELS[x]).join('、')}，已归档并标记；本软件查看时不会运行其中的脚本或附件`,
        );
    }
    for (const f of files) {
      const notice = extensionNotice(f.name, m.files.find((x) => x.originalName === f.name)?.kind);
      if (notice) c.out(`注意：「${f.name}」${notice}`);
    }
    return 0;
  });
}

function extensionNotice(name: string, kind: FileKind | undefined): string | null {
  const c = kind ? extensionConflict(name, kind) : null;
  return c && !c.refuse ? c.message : null;
}
