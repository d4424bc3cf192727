import { parseArgs } from 'node:util';
import { listMaterials } from '../core/bag/bag';
import { findCadreByIdNumber, formatTable, guardArgs, UsageError, withCore, type CommandContext } from './util';
import { writeTableXlsx } from './xlsxOut';

/** Stable JSON shape of `onebag materials --json`. */
export interface MaterialJson {
  id: number;
  title: string;
  category: string;
  date: string | null;
  year: number;
  secrecy: string;
  files: Array<{ name: string; sha256: string; kind: string; pages: number | null; size: number }>;
}

/** `onebag materials --cadre ID_NUMBER [--json]` */
export async function materialsCommand(c: CommandContext): Promise<number> {
  const { values, positionals } = guardArgs(() =>
    parseArgs({
      args: c.args,
      options: { cadre: { type: 'string' }, json: { type: 'boolean' }, xlsx: { type: 'string' } },
      allowPositionals: true,
      strict: true,
    }),
  );
  if (positionals.length > 0) throw new UsageError(`materials 命令不接受参数：${positionals.join(' ')}`);
  if (!values.cadre) throw new UsageError('materials 需要 --cadre 身份证号');
  return withCore(c.dataDir, async (core) => {
    const cadre = findCadreByIdNumber(core.ctx.db, values.cadre!);
    const list = listMaterials(core.ctx.db, cadre.id);
    const out: MaterialJson[] = list.map((m) => ({
      id: m.id,
      title: m.title,
      category: m.category,
      date: m.date,
      year: m.year,
      secrecy: m.secrecy,
      files: m.files.map((f) => ({ name: f.originalName, sha256: f.sha256, kind: f.kind, pages: f.pageCount, size: f.size })),
    }));
    if (values.json) {
      c.out(JSON.stringify(out, null, 2));
      return 0;
    }
    c.out(`${cadre.name} 的档案材料：`);
    if (out.length === 0) {
      c.out('（暂无材料）');
      return 0;
    }
    const head = ['年度', '类别', '题名', '日期', '文件', '页数'];
    const body = out.map((m) => [
      String(m.year),
      m.category,
      m.title,
      m.date ?? '',
      m.files.map((f) => f.name).join('、'),
      String(m.files.reduce((n, f) => n + (f.pages ?? 0), 0) || ''),
    ]);
    if (values.xlsx) {
      c.out(`已导出 ${body.length} 行到 ${await writeTableXlsx(values.xlsx, '档案材料', head, body, [0, 5])}`);
      return 0;
    }
    const table = formatTable(head, body);
    for (const l of table) c.out(l);
    c.out(`共 ${out.length} 份材料`);
    return 0;
  });
}
