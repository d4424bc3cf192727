/**
 * The audit log printed for an inspector (审计日志打印): A4 landscape, the filter and the
 * chain status on top, one row per entry with what changed field by field, with the
 * bundled fonts through the dossier engine (Flow, tables with repeated headers).
 */
import { listAuditWithChanges, verifyChain } from '../../core/dossierReads/readers';
import { changeLines, INSPECTOR_KINDS, type AuditRow, type ChainStatus } from '../../../shared/audit';
import type { AuditNames } from '../../../shared/auditValues';
import type { AuditFilter } from '../../core/audit/query';
import type { ReadonlyDb } from '../../core/dossierReads/readers';
import { renderPdf } from '../typeset/renderPdf';
import type { FontOptions } from '../fonts';
import { writeFileDurablySync } from '../../files/durableFiles';
import { layoutLandscapeHeads } from '../typeset/layout';
import { REGISTER_FRAME } from '../register/layout';
import { Flow } from '../typeset/flow';
import type { Orientation } from '../typeset/page';
import type { TableBlock } from '../typeset/model';
import { layoutTable, tableGeometry } from '../typeset/table';
import { now } from '../../core/runtime/clock';
import { timeLabel } from '../../../shared/dates';

/** More than this many entries is refused: the inspector should narrow the filter. */
export const PRINT_MAX = 5000;

export interface AuditPrintResult {
  pdf: Buffer;
  pages: number;
  entries: number;
}

/** The filter in words, for the print's subtitle and the CLI. */
export function describeFilter(f: AuditFilter): string {
  const parts: string[] = [];
  if (f.kinds?.length) parts.push(f.kinds.map((k) => INSPECTOR_KINDS[k].label).join('、'));
  if (f.from || f.to) parts.push(`${f.from ?? '最早'} 至 ${f.to ?? '今'}`);
  if (f.operator) parts.push(`操作员：${f.operator}`);
  if (f.entity) parts.push(`对象：${f.entity}`);
  if (f.text?.trim()) parts.push(`含“${f.text.trim()}”`);
  return parts.length ? parts.join('；') : '全部记录';
}

export function chainText(s: ChainStatus): string {
  return s.ok ? `审计日志完整（共 ${s.entries} 条，哈希链校验通过）` : `警告：${s.message}，此后的记录不可信`;
}

/** An entry as printed: the list row with its before/after and the names behind its ids. */
type PrintedRow = AuditRow & { before: unknown; after: unknown; names: AuditNames };

/** What changed, as one run of text that wraps in its cell ("名称：岚川县；类型：县"). */
function changeText(row: PrintedRow): string {
  if (!row.hasChange) return '';
  const lines = changeLines(row.before, row.after, 8, { entity: row.entity, names: row.names });
  if (lines[0] !== '新建：') return lines.join('；');
  // a new record: what the 记录 column already says is not repeated
  const rest = lines.slice(1).filter((l) => {
    const value = l.slice(l.indexOf('：') + 1);
    return !(value.length > 0 && row.record.includes(value.replace(/…$/, '')));
  });
  return rest.length ? `新建：${rest.join('；')}` : '新建';
}

/** Dense: 9 pt, tight lines, one wrapped cell for the changes — about 20 entries a page. */
function auditTable(rows: PrintedRow[]): TableBlock {
  return {
    kind: 'table',
    landscape: true,
    fontSize: 9,
    lineHeight: 1.25,
    padYMm: 0.5,
    columns: [
      { title: '序号', widthMm: 10, align: 'center' },
      { title: '时间', widthMm: 31 },
      { title: '操作员', widthMm: 18 },
      { title: '操作', widthMm: 22 },
      { title: '记录', widthMm: 56 },
      { title: '变更内容' },
    ],
    rows: rows.map((r) => [String(r.id), timeLabel(r.at), r.operator ?? '—', r.what, r.record, changeText(r) || '—']),
  };
}

/** The log is a register, not an official document: it uses the register's wider landscape frame (265 × 182 mm). */
class AuditFlow extends Flow {
  override newPage(o: Orientation): void {
    super.newPage(o);
    this.frame = REGISTER_FRAME;
    this.y = REGISTER_FRAME.y;
  }
}

/** The entries matching the filter (oldest first, as a register reads), with the chain status. */
export async function auditPdf(
  db: ReadonlyDb,
  filter: AuditFilter,
  opts: { fonts?: FontOptions; now?: Date } = {},
): Promise<AuditPrintResult> {
  const page = listAuditWithChanges(db, { ...filter, before: undefined, limit: PRINT_MAX });
  const rows = page.rows.slice().reverse();
  const status = verifyChain(db);
  const title = '审计日志';
  const sub = `范围：${describeFilter(filter)}　共 ${rows.length} 条${page.total > rows.length ? `（仅打印最近 ${rows.length} 条，共 ${page.total} 条）` : ''}　打印时间：${timeLabel((opts.now ?? now()).toISOString())}`;
  const r = await renderPdf(
    title,
    (tk) => {
      const flow = new AuditFlow(tk);
      flow.newPage('landscape');
      const f = flow.frame;
      const heads: Array<[string, string, number]> = [
        [title, tk.names.serifBold, 18],
        [sub, tk.names.body, 10.5],
        [chainText(status), tk.names.sans, 10.5],
      ];
      layoutLandscapeHeads(flow, heads);
      if (rows.length === 0) {
        const t = '没有符合条件的记录';
        flow.text(t, f.x + (f.w - tk.width(t, tk.names.body, 12)) / 2, flow.y + 24, tk.names.body, 12);
      } else {
        const table = auditTable(rows);
        layoutTable(flow, table, tableGeometry(tk, table, REGISTER_FRAME.w));
      }
      return flow.pages;
    },
    opts.fonts,
  );
  return { ...r, entries: rows.length };
}

/** Writes the print to `outPath` through a temp file, so a failed run leaves no half PDF. */
export async function writeAuditPdf(db: ReadonlyDb, filter: AuditFilter, outPath: string): Promise<Omit<AuditPrintResult, 'pdf'>> {
  const r = await auditPdf(db, filter);
  writeFileDurablySync(outPath, r.pdf);
  return { pages: r.pages, entries: r.entries };
}
