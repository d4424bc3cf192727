/**
 * 年度工作日志: the year's log entries (main/core/worklog/entries.ts) typeset as one item of the
 * bag's 年度工作日志 category, after any log files filed there for that year. Entries are listed
 * as written, oldest first — never counted or scored (domain.md, "Don't add burden").
 */
import { listEntries } from '../../core/dossierReads/readers';
import type { Item, TableColumn } from '../typeset/model';
import type { BuildContext } from './context';
import { compiledItem } from './work';
import { dateLabel, monthDayLabel } from '../../../shared/dates';

const LEGEND = '说明：本表按日期排列录入本系统的工作日志（民情日记）；佐证材料原件随电子档案数据包保存。';

/** The work-log table's columns, sized for a portrait page (the typography tests set it densely). */
export const WORKLOG_COLUMNS: TableColumn[] = [
  { title: '日期', widthMm: 15, align: 'center' },
  { title: '类型', widthMm: 10, align: 'center' },
  { title: '地点', widthMm: 18 },
  { title: '走访对象', widthMm: 20 },
  { title: '情况', widthMm: 47 },
  { title: '困难', widthMm: 23 },
  { title: '下步打算', widthMm: 23 },
];

/** The typeset log of `year` (entries inside the period), or nothing when there are none. */
export function workLogItems(ctx: BuildContext, year: number): Item[] {
  const entries = listEntries(ctx.db, ctx.cadre.id, year).filter((e) => e.date >= ctx.from && e.date <= ctx.to);
  if (!entries.length) return [];
  const first = entries[0]!.date;
  const last = entries.at(-1)!.date;
  const situation = (e: (typeof entries)[number]) =>
    [e.situation || '—', e.files.length ? `〔佐证：${e.files.map((f) => f.originalName).join('、')}〕` : ''].filter(Boolean).join('\n');
  return [
    compiledItem(
      ctx,
      `${ctx.cadre.name}${year}年度工作日志`,
      last,
      [
        { kind: 'paragraph', text: `记录时间：${dateLabel(first)}至${dateLabel(last)}。` },
        {
          kind: 'table',
          caption: `${year}年度工作日志`,
          // portrait, so the table starts under the title (the year is in the title: dates as 6月2日)
          columns: WORKLOG_COLUMNS,
          rows: entries.map((e) => [
            monthDayLabel(e.date),
            e.kind,
            e.place || '—',
            e.persons || '—',
            situation(e),
            e.difficulties || '—',
            e.followUp || '—',
          ]),
          fontSize: 9,
        },
        { kind: 'paragraph', text: LEGEND },
      ],
      { author: ctx.cadre.name, year },
    ),
  ];
}
