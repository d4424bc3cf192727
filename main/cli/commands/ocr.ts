/** `onebag ocr` (queue, optionally read now) and `onebag search` (catalogue data and page text). */
import { startOcrQueue } from '../../api/ocrQueue';
import { failedFiles, ocrStatus, queueExisting } from '../../core/ocr/queue';
import { searchMaterialsAndPages } from '../../core/ocr/search';
import { UsageError, withCore, type CommandContext } from '../util';
import { findCadreByIdNumber } from '../../core/lookup';
import { boolFlag, parseFlags, parseFlagsOnly, textFlag } from '../flags';
import { printJson, printTable } from '../print';

export const ocrUsage = [
  '  ocr [--cadre 身份证号] [--wait]    将档案袋中的扫描件与 PDF 加入文字识别队列；--wait 立即识别并等待完成',
  '  search 文字 [--cadre 身份证号] [--json]',
  '                                     检索材料（题名、文号、责任者及原件中的文字，含识别文字）',
];

/** Stable JSON shape of `onebag search --json`. */
export interface SearchHitJson {
  materialId: number;
  cadre: string;
  title: string;
  category: string;
  date: string | null;
  pages: Array<{ page: number; source: 'ocr' | 'pdf-text'; snippet: string; file: string }>;
}

async function ocrCommand(c: CommandContext): Promise<number> {
  const values = parseFlagsOnly('ocr', c.args, { cadre: textFlag, wait: boolFlag });
  return withCore(c.dataDir, async (core) => {
    const db = core.ctx.db;
    const cadreId = values.cadre ? findCadreByIdNumber(db, values.cadre).id : undefined;
    const queued = queueExisting(db, cadreId);
    const before = ocrStatus(db);
    c.out(`已加入识别队列 ${queued} 个文件；待识别共 ${before.pending} 个，已识别 ${before.done} 个`);
    if (!values.wait) {
      c.out('识别在软件运行时于后台进行；加 --wait 可在此立即识别');
      return 0;
    }
    const runner = startOcrQueue(
      {
        ...core,
        ctx: {
          ...core.ctx,
          host: {
            ...core.ctx.host,
            progress: (e) => {
              if (!e.finished) c.err(e.label);
            },
          },
        },
      },
      { background: false },
    );
    try {
      await runner.drain();
    } finally {
      await runner.stop();
    }
    const after = ocrStatus(db);
    c.out(`识别完成：已识别 ${after.done} 个文件，失败 ${after.failed} 个`);
    if (after.failed > 0) {
      for (const r of failedFiles(db, 20)) c.err(`  ${r.name ?? '（未知文件）'}：${r.error ?? '未知原因'}`);
      return 1;
    }
    return 0;
  });
}

async function searchCommand(c: CommandContext): Promise<number> {
  const { values, positionals } = parseFlags(c.args, { cadre: textFlag, json: boolFlag });
  const q = positionals.join(' ').trim();
  if (!q) throw new UsageError('search 需要检索的文字');
  if (q.length > 100) throw new UsageError('检索文字不能超过100个字');
  return withCore(c.dataDir, (core) => {
    const db = core.ctx.db;
    const cadreId = values.cadre ? findCadreByIdNumber(db, values.cadre).id : undefined;
    const hits = searchMaterialsAndPages(db, q, 50, cadreId);
    const fileName = (m: (typeof hits)[number], sha: string) => m.files.find((f) => f.sha256 === sha)?.originalName ?? '';
    const out: SearchHitJson[] = hits.map((m) => ({
      materialId: m.id,
      cadre: m.cadreName,
      title: m.title,
      category: m.category,
      date: m.date,
      pages: (m.pageHits ?? []).map((p) => ({ page: p.page, source: p.source, snippet: p.snippet, file: fileName(m, p.sha256) })),
    }));
    if (values.json) return printJson(c, out);
    if (out.length === 0) {
      c.out(`没有找到含“${q}”的材料`);
      return 0;
    }
    const rows: string[][] = [];
    for (const m of out) {
      if (m.pages.length === 0) rows.push([m.cadre, m.category, m.title, m.date ?? '', '', '（题名等著录项）']);
      for (const p of m.pages)
        rows.push([m.cadre, m.category, m.title, m.date ?? '', `第${p.page}页`, `${p.source === 'ocr' ? '[识别文字] ' : ''}${p.snippet}`]);
    }
    printTable(c, ['干部', '类别', '题名', '日期', '页', '摘要'], rows);
    c.out(`共 ${out.length} 份材料`);
    return 0;
  });
}

export const ocrCommands = { ocr: ocrCommand, search: searchCommand };
