/** The county results table (考核结果汇总表), A4 landscape, one row per cadre. */
import type { PostType } from '../../../shared/domain';
import { layoutLandscapeHeads } from '../typeset/layout';
import { Flow } from '../typeset/flow';
import type { TableBlock } from '../typeset/model';
import { layoutTable } from '../typeset/table';
import type { FontOptions } from '../fonts';
import type { ReadonlyDb } from '../../core/dossierReads/readers';

import { renderPdf } from '../typeset/renderPdf';
import { tableData, type TableData } from './sheetData';

/** Post types as the table's narrow column shows them. */
const SHORT_POST: Record<PostType, string> = { 乡镇党委第一副书记: '第一副书记', 村党组织第一书记: '第一书记', 驻村工作队员: '工作队员' };

const two = (n: number | null | undefined) => (n === null || n === undefined ? '—' : n.toFixed(2));

export function countyTableBlock(d: TableData): TableBlock {
  const comps = d.scheme.components;
  const rows = d.results.rows.map((r, i) => {
    const notes = [
      ...r.caps.map((c) => c.reason),
      ...(r.quotaNote ? [r.quotaNote] : []),
      ...(r.missing.length ? [`未录：${r.missing.join('、')}`] : []),
    ];
    return [
      String(i + 1),
      r.name,
      r.township,
      r.village ?? '—',
      SHORT_POST[r.postType],
      ...comps.map((k) => two(r.componentScores[k.key])),
      two(r.total),
      r.rank === null ? '—' : String(r.rank),
      r.grade ?? '—',
      notes.join('；') || '—',
    ];
  });
  return {
    kind: 'table',
    landscape: true,
    fontSize: 9,
    columns: [
      { title: '序号', widthMm: 10, align: 'center' },
      { title: '姓名', widthMm: 14 },
      { title: '乡镇', widthMm: 14 },
      { title: '村', widthMm: 16 },
      { title: '岗位', widthMm: 18 },
      ...comps.map((k) => ({ title: `${k.label}（${k.weight}%）`, widthMm: 15, align: 'right' as const })),
      { title: '综合得分', widthMm: 15, align: 'right' },
      { title: '排名', widthMm: 10, align: 'center' },
      { title: '等次', widthMm: 16, align: 'center' },
      { title: '限制情形与名额说明' },
    ],
    rows,
  };
}

export async function countyTablePdf(db: ReadonlyDb, countyId: number, year: number, opts: { fonts?: FontOptions; today?: string } = {}) {
  const d = tableData(db, countyId, year, opts.today);
  const title = `${d.county}${year}年度选派干部考核结果汇总表`;
  const c = d.results.counts;
  const sub = `${d.scheme.name}（第${d.scheme.version}版）　参评${d.results.rows.length}人：优秀${c['优秀']}人、称职${c['称职']}人、基本称职${c['基本称职']}人、不称职${c['不称职']}人${d.results.finalised ? '' : '　【未定档】'}`;
  const r = await renderPdf(
    title,
    (tk) => {
      const flow = new Flow(tk);
      flow.newPage('landscape');
      const heads: Array<[string, string, number]> = [
        [title, tk.names.serifBold, 18],
        [sub, tk.names.body, 11],
      ];
      // Finalised with scores missing: the table says who and the reason it was confirmed with.
      const unscored = d.results.rows.filter((r) => r.total === null);
      if (d.results.finalised && d.results.incompleteReason && unscored.length > 0) {
        heads.push([
          `定档说明：${unscored.length}人分数未录全（${unscored.map((r) => r.name).join('、')}），经确认定档。原因：${d.results.incompleteReason}`,
          tk.names.body,
          10,
        ]);
      }
      layoutLandscapeHeads(flow, heads);
      layoutTable(flow, countyTableBlock(d));
      return flow.pages;
    },
    opts.fonts,
  );
  return { ...r, county: d.county, rows: d.results.rows.length };
}
