/**
 * Five-must (五必到) attendance and check (督查) records of the cadre in the period. Should the
 * rows fail to read, nothing is printed for them, a warning says so, and the rest of the dossier
 * is unaffected.
 */
import { checkRows, mustAttendRows, type RecordRow } from '../../core/dossierReads/readers';
import type { Item, TableColumn } from '../typeset/model';
import { itemCode, stampFor, type BuildContext } from './context';

const s = (v: unknown) => (v === null || v === undefined ? '' : String(v));

function tryRows(ctx: BuildContext, read: typeof mustAttendRows, what: string): RecordRow[] | null {
  try {
    return read(ctx.db, ctx.cadre.id, ctx.from, ctx.to);
  } catch (e) {
    ctx.warnings.push(`${what}记录未能读取（${(e as Error).message.slice(0, 60)}），本卷未列入。`);
    return null;
  }
}

/** One record list of the period as a dossier item: a count sentence over a table, a row a record. */
interface RecordSheet {
  read: typeof mustAttendRows;
  /** The records' name in a warning. */
  what: string;
  /** The item's title after the cadre's name. */
  title: string;
  summary: (rows: RecordRow[]) => string;
  columns: TableColumn[];
  cells: (r: RecordRow) => string[];
}

const FIVE_MUST: RecordSheet = {
  read: mustAttendRows,
  what: '五必到',
  title: '“五必到”出席情况',
  summary: (rows) => `期内应到“五必到”事项${rows.length}次，缺席${rows.filter((r) => r.present === 0).length}次。`,
  columns: [
    { title: '日期', widthMm: 24, align: 'center' },
    { title: '类别', widthMm: 20 },
    { title: '事项' },
    { title: '地点', widthMm: 26 },
    { title: '出席', widthMm: 12, align: 'center' },
    { title: '缺席原因', widthMm: 30 },
  ],
  cells: (r) => [
    s(r.date),
    s(r.kind),
    s(r.title),
    s(r.place),
    r.present === 1 ? '到' : r.present === 0 ? '缺' : '未记',
    s(r.absenceReason),
  ],
};

const CHECKS: RecordSheet = {
  read: checkRows,
  what: '督查',
  title: '督查检查记录',
  summary: (rows) => `期内接受检查${rows.length}次，其中不在岗${rows.filter((r) => r.onPost === 0).length}次。`,
  columns: [
    { title: '日期', widthMm: 24, align: 'center' },
    { title: '级别', widthMm: 14, align: 'center' },
    { title: '方式', widthMm: 20 },
    { title: '检查人', widthMm: 20 },
    { title: '结果', widthMm: 16, align: 'center' },
    { title: '原因与发现问题' },
  ],
  cells: (r) => [
    s(r.date),
    s(r.level),
    s(r.kind),
    s(r.checker),
    r.onPost === 1 ? '在岗' : r.onPost === 0 ? '不在岗' : '未记',
    [s(r.reason), s(r.findings)].filter(Boolean).join('；'),
  ],
};

/** The sheet's item, or none when the period holds no record (or they could not be read). */
function recordItem(ctx: BuildContext, sheet: RecordSheet): Item[] {
  const rows = tryRows(ctx, sheet.read, sheet.what);
  if (!rows || rows.length === 0) return [];
  const no = ctx.nextItemNo();
  return [
    {
      kind: 'typeset',
      catalogue: { author: ctx.issuer, title: `${ctx.cadre.name}${sheet.title}`, date: ctx.to, archiveCode: itemCode(ctx, no) },
      stamp: stampFor(ctx, no),
      blocks: [
        { kind: 'paragraph', text: sheet.summary(rows) },
        { kind: 'table', columns: sheet.columns, rows: rows.map(sheet.cells), fontSize: 9 },
      ],
    },
  ];
}

export function eventItems(ctx: BuildContext): Item[] {
  return [...recordItem(ctx, FIVE_MUST), ...recordItem(ctx, CHECKS)];
}
