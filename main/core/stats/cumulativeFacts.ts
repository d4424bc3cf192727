/**
 * 累计表彰 / 累计提拔重用: cadres with at least one outcome of that kind from the county's
 * programme start year (county_programme.start_year) to the year, each counted once, placed in the
 * township of their latest posting in that span. Without a start year the figures are not
 * available (shown as —), never counted from a guessed year.
 */
import type { Db } from '../../store/db';
import { outcomeFacts } from './evaluationFacts';
import { hasTable, type FigureFacts, type Scope } from './facts';

const KINDS = { commendedSince: '表彰', promotedSince: '提拔重用' } as const;
type Key = keyof typeof KINDS;

export function cumulativeFacts(db: Db, s: Scope): FigureFacts[] {
  const keys = Object.keys(KINDS) as Key[];
  const none = (why: string) => keys.map((key) => ({ key, unavailable: why, facts: [] }));
  if (!hasTable(db, 'eval_outcomes') || !hasTable(db, 'county_programme')) return none('数据文件尚未升级到含累计统计的版本');
  const countyIds = new Set([...s.townships.values()].map((t) => t.countyId));
  if (countyIds.size === 0) return none('统计范围内没有乡镇');
  // The scope is one county here (sources.ts splits a city into counties).
  const countyId = [...countyIds][0]!;
  const start =
    (db.prepare('SELECT start_year AS y FROM county_programme WHERE county_id = ?').get(countyId) as { y: number | null } | undefined)?.y ??
    null;
  if (start === null) return none('未设置本县选派工作开始年度（在“项目与帮扶 · 村集体经济”中设置）');
  const note = `自${start}年起（本县选派工作开始年度）`;
  if (start > s.year)
    return keys.map((key) => ({ key, unavailable: null, note: `本县选派工作自${start}年开始，本年度之前无累计`, facts: [] }));
  const facts = outcomeFacts(db, s, KINDS, start, (r) => `${r.year}年度 ${r.date} ${r.kind}${r.note ? `：${r.note}` : ''}`);
  return keys.map((key) => ({ key, unavailable: null, note, facts: facts[key] }));
}
