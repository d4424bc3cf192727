import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { materialInputSchema } from '../../shared/api';
import { parseChineseDate } from '../../shared/dates';
import { MATERIAL_CATEGORIES, type MaterialCategory } from '../../shared/domain';
import { AppError } from '../../shared/result';
import { addMaterial } from '../core/bag';
import { findCadreByIdNumber, guardArgs, UsageError, withCore, type CommandContext } from './util';

/**
 * `onebag attach --cadre ID_NUMBER --category 类别 --title 题名 [--date YYYY-MM-DD] FILE...`:
 * files one material with its originals. Every file is inspected first; one bad file refuses all.
 */
export async function attachCommand(c: CommandContext): Promise<number> {
  const { values, positionals } = guardArgs(() =>
    parseArgs({
      args: c.args,
      options: {
        cadre: { type: 'string' },
        category: { type: 'string' },
        title: { type: 'string' },
        date: { type: 'string' },
      },
      allowPositionals: true,
      strict: true,
    }),
  );
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
    year: date ? Number(date.slice(0, 4)) : new Date().getFullYear(),
    responsible: null,
    docNumber: null,
    secrecy: '公开',
    notes: null,
  });
  if (!parsed.success) throw new AppError('INVALID_INPUT', parsed.error.issues[0]?.message ?? '输入有误');

  const files = positionals.map((f) => ({ path: path.resolve(f), name: path.basename(f) }));
  for (const f of files) {
    if (!fs.existsSync(f.path) || !fs.statSync(f.path).isFile()) throw new AppError('NOT_FOUND', `找不到文件：${f.path}`);
  }

  return withCore(c.dataDir, async (core) => {
    const cadre = findCadreByIdNumber(core.ctx.db, values.cadre!);
    // addMaterial inspects every file first and refuses all before anything is written.
    const m = await addMaterial(core.ctx.db, core.blobs, cadre.id, parsed.data, files);
    const pages = m.files.reduce((n, f) => n + (f.pageCount ?? 0), 0);
    c.out(
      `已归档：${cadre.name}《${m.title}》（${m.category}，${m.year}年度，${m.files.length} 个文件${pages ? `，共 ${pages} 页` : ''}）`,
    );
    return 0;
  });
}
