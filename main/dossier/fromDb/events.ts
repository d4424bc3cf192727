/**
 * Five-must (五必到) attendance and check (督查) records of the cadre in the period. Should the
 * rows fail to read, nothing is printed for them, a warning says so, and the rest of the dossier
 * is unaffected.
 */
import { checkRows, mustAttendRows, type RecordRow } from '../../core/dossierReads/readers';
import type { Item } from '../typeset/model';
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

export function eventItems(ctx: BuildContext): Item[] {
  const items: Item[] = [];
  {
    const rows = tryRows(ctx, mustAttendRows, '五必到');
    if (rows && rows.length) {
      const no = ctx.nextItemNo();
      const absent = rows.filter((r) => r.present === 0).length;
      items.push({
        kind: 'typeset',
        catalogue: { author: ctx.issuer, title: `${ctx.cadre.name}“五必到”出席情况`, date: ctx.to, archiveCode: itemCode(ctx, no) },
        stamp: stampFor(ctx, no),
        blocks: [
          { kind: 'paragraph', text: `期内应到“五必到”事项${rows.length}次，缺席${absent}次。` },
          {
            kind: 'table',
            columns: [
              { title: '日期', widthMm: 24, align: 'center' },
              { title: '类别', widthMm: 20 },
              { title: '事项' },
              { title: '地点', widthMm: 26 },
              { title: '出席', widthMm: 12, align: 'center' },
              { title: '缺席原因', widthMm: 30 },
            ],
            rows: rows.map((r) => [
              s(r.date),
              s(r.kind),
              s(r.title),
              s(r.place),
              r.present === 1 ? '到' : r.present === 0 ? '缺' : '未记',
              s(r.absenceReason),
            ]),
            fontSize: 9,
          },
        ],
      });
    }
  }
  {
    const rows = tryRows(ctx, checkRows, '督查');
    if (rows && rows.length) {
      const no = ctx.nextItemNo();
      const away = rows.filter((r) => r.onPost === 0).length;
      items.push({
        kind: 'typeset',
        catalogue: { author: ctx.issuer, title: `${ctx.cadre.name}督查检查记录`, date: ctx.to, archiveCode: itemCode(ctx, no) },
        stamp: stampFor(ctx, no),
        blocks: [
          { kind: 'paragraph', text: `期内接受检查${rows.length}次，其中不在岗${away}次。` },
          {
            kind: 'table',
            columns: [
              { title: '日期', widthMm: 24, align: 'center' },
              { title: '级别', widthMm: 14, align: 'center' },
              { title: '方式', widthMm: 20 },
              { title: '检查人', widthMm: 20 },
              { title: '结果', widthMm: 16, align: 'center' },
              { title: '原因与发现问题' },
            ],
            rows: rows.map((r) => [
              s(r.date),
              s(r.level),
              s(r.kind),
              s(r.checker),
              r.onPost === 1 ? '在岗' : r.onPost === 0 ? '不在岗' : '未记',
              [s(r.reason), s(r.findings)].filter(Boolean).join('；'),
            ]),
            fontSize: 9,
          },
        ],
      });
    }
  }
  return items;
}
