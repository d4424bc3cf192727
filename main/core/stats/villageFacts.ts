/**
 * Figures from villages' collective income and weak listings (rules in shared/villageIncome.ts):
 * - 集体收入5万元以上村: villages whose recorded income for the year is at least 50,000 yuan;
 *   villages without a record are named in the note, never counted as below the line.
 * - 5万元以上村同比增减: villages that crossed the 50,000-yuan line since last year, +1 up, -1
 *   down, so the sum is this year's count minus last year's, over the villages whose income for
 *   the year is recorded; the others are named in the note, never counted as a fall.
 * - 空壳村: villages whose income for the year is recorded as 0; villages without a record are
 *   named in the note, never counted.
 * - 薄弱村净增减: +1 for each village listed as weak in the year, -1 for each de-listed (摘帽).
 */
import { INCOME_THRESHOLD_FEN } from '../../../shared/stats';
import { yuan } from '../../../shared/work';
import type { Db } from '../../store/db';
import { hasTable, type Fact, type FigureFacts, type Scope } from './facts';
import { dateLabel } from '../../../shared/dates';

type Row = {
  villageId: number;
  village: string;
  townshipId: number;
  fen: number | null;
  prev: number | null;
  listedYear: number | null;
  delistedOn: string | null;
  delistNote: string | null;
};

const KEYS = ['villagesIncome50k', 'villagesIncome50kChange', 'shellVillages', 'weakNetChange'] as const;

export function villageFacts(db: Db, s: Scope): FigureFacts[] {
  if (!['village_income', 'weak_villages', 'weak_milestones'].every((t) => hasTable(db, t))) {
    return KEYS.map((key) => ({ key, unavailable: '暂无数据：项目与薄弱村功能尚未启用', facts: [] }));
  }
  const rows = (
    db
      .prepare(
        `SELECT v.id AS villageId, v.name AS village, v.township_id AS townshipId,
                (SELECT income_fen FROM village_income i WHERE i.village_id = v.id AND i.year = @year) AS fen,
                (SELECT income_fen FROM village_income i WHERE i.village_id = v.id AND i.year = @year - 1) AS prev,
                w.listed_year AS listedYear, m.date AS delistedOn, m.description AS delistNote
           FROM villages v LEFT JOIN weak_villages w ON w.village_id = v.id
           LEFT JOIN weak_milestones m ON m.village_id = v.id AND m.kind = '摘帽'
          ORDER BY v.name`,
      )
      .all({ year: s.year }) as Row[]
  ).filter((r) => s.townships.has(r.townshipId));
  const fact = (r: Row, key: string, text: string, weight: number, when: string | null, amount: number | null): Fact => ({
    key: `${key}|${r.villageId}`,
    townshipId: r.townshipId,
    township: s.townships.get(r.townshipId)!.name,
    village: r.village,
    cadreId: null,
    cadre: null,
    when,
    text,
    amount: amount === null ? null : `${yuan(amount)}元`,
    counted: true,
    weight,
    link: { view: 'work', tab: 'income', villageId: r.villageId },
  });
  const money = (fen: number | null, y: number) => (fen === null ? `${y}年未录入` : `${y}年${yuan(fen)}元`);
  const at = (fen: number | null) => fen !== null && fen >= INCOME_THRESHOLD_FEN;

  const rich = rows
    .filter((r) => at(r.fen))
    .sort((a, b) => b.fen! - a.fen!)
    .map((r) => fact(r, 'income', `${s.year}年村集体经济收入${yuan(r.fen!)}元`, 1, String(s.year), r.fen));
  const change = rows
    .filter((r) => r.fen !== null && at(r.fen) !== at(r.prev))
    .map((r) =>
      at(r.fen)
        ? fact(r, 'income50kUp', `达到5万元（${money(r.prev, s.year - 1)}）`, 1, String(s.year), r.fen)
        : fact(r, 'income50kDown', `${money(r.fen, s.year)}，不足5万元（${money(r.prev, s.year - 1)}）`, -1, String(s.year), r.fen),
    );
  const shell = rows
    .filter((r) => r.fen === 0)
    .map((r) => fact(r, 'shell', `${s.year}年村集体经济收入为0（空壳村）`, 1, String(s.year), 0));
  const missing = rows.filter((r) => r.fen === null).length;

  const weak = [
    ...rows.filter((r) => r.listedYear === s.year).map((r) => fact(r, 'listed', `${s.year}年列为集体经济薄弱村`, 1, String(s.year), null)),
    ...rows
      .filter((r) => r.listedYear !== null && r.delistedOn !== null && r.delistedOn.startsWith(`${s.year}-`) && r.delistedOn <= s.today)
      .map((r) =>
        fact(r, 'delisted', `${r.listedYear}年列为薄弱村，${dateLabel(r.delistedOn!)}摘帽：${r.delistNote ?? ''}`, -1, r.delistedOn, null),
      ),
  ];

  return [
    {
      key: 'villagesIncome50k',
      unavailable: null,
      ...(missing ? { note: `${missing}个村未录入${s.year}年收入，未计入` } : {}),
      facts: rich,
    },
    {
      key: 'villagesIncome50kChange',
      unavailable: null,
      ...(missing ? { note: `${missing}个村未录入${s.year}年收入，未计入` } : {}),
      facts: change,
    },
    {
      key: 'shellVillages',
      unavailable: null,
      ...(missing ? { note: `${missing}个村未录入${s.year}年收入，不计为空壳村` } : {}),
      facts: shell,
    },
    { key: 'weakNetChange', unavailable: null, facts: weak },
  ];
}
