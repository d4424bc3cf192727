/**
 * 评先评优 / 提拔重用: one fact per cadre with at least one outcome of that kind recorded for
 * the year (the figure counts people), placed in the township of the cadre's latest posting
 * touching the year; cadres posted outside the scope are not counted.
 */
import type { Db } from '../../store/db';
import { hasTable, type Fact, type FigureFacts, type Scope } from './facts';

const KINDS = { commended: '表彰', promoted: '提拔重用' } as const;

export function evaluationFacts(db: Db, s: Scope): FigureFacts[] {
  if (!hasTable(db, 'eval_outcomes')) {
    return (['commended', 'promoted'] as const).map((key) => ({ key, unavailable: '数据文件尚未升级到含考核评价的版本', facts: [] }));
  }
  const facts = outcomeFacts(db, s, KINDS, s.year, (r) => `${r.date} ${r.kind}${r.note ? `：${r.note}` : ''}`);
  return (Object.keys(KINDS) as Array<keyof typeof KINDS>).map((key) => ({ key, unavailable: null, facts: facts[key] }));
}

/** One outcome row with the township and village of the cadre's latest posting in the span. */
export interface OutcomeRow {
  cadreId: number;
  cadre: string;
  kind: string;
  year: number;
  date: string;
  note: string;
  townshipId: number | null;
  village: string | null;
}

/**
 * Per figure key, one fact per cadre with an outcome of that key's kind recorded in the years
 * `fromYear`..`s.year` (each outcome described by `describe`), in the township of the cadre's
 * latest posting touching that span; cadres posted outside the scope are left out.
 */
export function outcomeFacts<K extends string>(
  db: Db,
  s: Scope,
  kinds: Record<K, string>,
  fromYear: number,
  describe: (r: OutcomeRow) => string,
): Record<K, Fact[]> {
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
    .all({ start: fromYear, year: s.year, from: `${fromYear}-01-01`, to: `${s.year}-12-31` }) as OutcomeRow[];
  const out = {} as Record<K, Fact[]>;
  for (const key of Object.keys(kinds) as K[]) {
    const byCadre = new Map<number, Fact>();
    for (const r of rows) {
      if (r.kind !== kinds[key] || r.townshipId === null || !s.townships.has(r.townshipId)) continue;
      const what = describe(r);
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
    out[key] = [...byCadre.values()];
  }
  return out;
}
