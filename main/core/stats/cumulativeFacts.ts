/**
 * 累计表彰 / 累计提拔重用: cadres with at least one outcome of that kind from the county's
 * programme start year (county_programme.start_year) to the year, each counted once, placed in the
 * township of their latest posting in that span. Without a start year the figures are not
 * available (shown as —), never counted from a guessed year.
 */
import type { Db } from '../../store/db';
import { hasTable, type Fact, type FigureFacts, type Scope } from './facts';

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
  const start = (db.prepare('SELECT start_year AS y FROM county_programme WHERE county_id = ?').get(countyId) as { y: number | null } | undefined)?.y ?? null;
  if (start === null) return none('未设置本县选派工作开始年度（在“项目与帮扶 · 村集体经济”中设置）');
  const note = `自${start}年起（本县选派工作开始年度）`;
  if (start > s.year) return keys.map((key) => ({ key, unavailable: null, note: `本县选派工作自${start}年开始，本年度之前无累计`, facts: [] }));
  const from = `${start}-01-01`;
  const to = `${s.year}-12-31`;
  const rows = db
    .prepare(
      `SELECT o.cadre_id AS cadreId, c.name AS cadre, o.kind, o.year, o.date, o.note,
              (SELECT p.township_id FROM postings p WHERE p.cadre_id = o.cadre_id AND p.start <= @to AND (p."end" IS NULL OR p."end" >= @from)
                ORDER BY p.start DESC, p.id DESC LIMIT 1) AS townshipId,
              (SELECT v.name FROM postings p JOIN villages v ON v.id = p.village_id WHERE p.cadre_id = o.cadre_id AND p.start <= @to
                  AND (p."end" IS NULL OR p."end" >= @from) ORDER BY p.start DESC, p.id DESC LIMIT 1) AS village
         FROM eval_outcomes o JOIN cadres c ON c.id = o.cadre_id
        WHERE o.year BETWEEN @start AND @year ORDER BY o.date, o.id`,
    )
    .all({ start, year: s.year, from, to }) as Array<{ cadreId: number; cadre: string; kind: string; year: number; date: string; note: string; townshipId: number | null; village: string | null }>;
  return keys.map((key) => {
    const byCadre = new Map<number, Fact>();
    for (const r of rows) {
      if (r.kind !== KINDS[key] || r.townshipId === null || !s.townships.has(r.townshipId)) continue;
      const what = `${r.year}年度 ${r.date} ${r.kind}${r.note ? `：${r.note}` : ''}`;
      const f = byCadre.get(r.cadreId);
      if (f) {
        f.text += `；${what}`;
        continue;
      }
      byCadre.set(r.cadreId, {
        key: `${key}|${r.cadreId}`,
        townshipId: r.townshipId,
        township: s.townships.get(r.townshipId)!.name,
        village: r.village,
        cadreId: r.cadreId,
        cadre: r.cadre,
        when: r.date,
        text: what,
        amount: null,
        counted: true,
        weight: 1,
        link: { view: 'cadre', cadreId: r.cadreId },
      });
    }
    return { key, unavailable: null, note, facts: [...byCadre.values()] };
  });
}
