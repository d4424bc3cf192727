/**
 * The benchmark county of the issues: 300 cadres in 8 townships (one of exactly 40), each
 * village first secretary with a village of their own, the first two of each township
 * 乡镇党委第一副书记 without one. Rows go straight into SQL: the benches measure reading.
 */
import { setSetting } from '../main/core/runtime/settings';
import type { Db } from '../main/store/db';

/** 40 + 260: the 40-cadre township the attendance targets name, then seven more. */
export const BENCH_TOWNSHIP_SIZES = [40, 38, 38, 37, 37, 37, 37, 36];

export interface BenchCadre {
  id: number;
  villageId: number;
  /** Position within the township (0 and 1 are the township posts). */
  index: number;
  /** Running number over the county. */
  n: number;
}
export interface BenchTownship {
  id: number;
  cadres: BenchCadre[];
}

export function seedBenchCounty(
  db: Db,
  opts: {
    /** First letter of the synthetic 18-character ID numbers, so benches never collide. */
    idPrefix: string;
    posting: (index: number) => { start: string; end: string | null };
  },
): { county: number; townships: BenchTownship[] } {
  const now = new Date().toISOString();
  setSetting(db, 'operator', '基准测试');
  const insTownship = db.prepare('INSERT INTO townships (county_id, name) VALUES (?, ?)');
  const insVillage = db.prepare('INSERT INTO villages (township_id, name) VALUES (?, ?)');
  const insCadre = db.prepare(
    `INSERT INTO cadres (name, gender, id_number, party_status, level, post_type, created_at, updated_at)
     VALUES (?, '男', ?, '中共党员', '县级', ?, ?, ?)`,
  );
  const insPosting = db.prepare('INSERT INTO postings (cadre_id, township_id, village_id, start, "end") VALUES (?, ?, ?, ?, ?)');
  return db.transaction(() => {
    const county = Number(db.prepare(`INSERT INTO counties (name, kind) VALUES ('基准县', '县')`).run().lastInsertRowid);
    let n = 0;
    const townships = BENCH_TOWNSHIP_SIZES.map((size, ti) => {
      const t = Number(insTownship.run(county, `第${ti + 1}镇`).lastInsertRowid);
      const cadres: BenchCadre[] = [];
      for (let i = 0; i < size; i++, n++) {
        const villageId = Number(insVillage.run(t, `第${ti + 1}镇${i + 1}村`).lastInsertRowid);
        const township = i < 2;
        const id = Number(
          insCadre.run(
            `干部${n}`,
            `${opts.idPrefix}${String(n).padStart(17, '0')}`,
            township ? '乡镇党委第一副书记' : '村党组织第一书记',
            now,
            now,
          ).lastInsertRowid,
        );
        const p = opts.posting(i);
        insPosting.run(id, t, township ? null : villageId, p.start, p.end);
        cadres.push({ id, villageId, index: i, n });
      }
      return { id: t, cadres };
    });
    return { county, townships };
  })();
}
