import { listMaterials } from '../../core/bag/bag';
import { boolFlag, parseFlagsOnly, textFlag } from '../flags';
import { printJson, printTableOrXlsx } from '../print';
import { UsageError, withCore, type CommandContext } from '../util';
import { findCadreByIdNumber } from '../../core/lookup';

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
  const values = parseFlagsOnly('materials', c.args, { cadre: textFlag, json: boolFlag, xlsx: textFlag });
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
    if (values.json) return printJson(c, out);
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
    if (await printTableOrXlsx(c, values.xlsx, { name: '档案材料', numeric: [0, 5] }, head, body)) return 0;
    c.out(`共 ${out.length} 份材料`);
    return 0;
  });
}
