/** The demo's cadres and their postings, entered through core (createCadre, addPosting). */
import { addPosting, createCadre } from '../core/cadres/cadres';
import type { Db } from '../store/db';
import type { DemoCadre } from './demoData';
import type { DemoOrgIds } from './demoOrg';
import type { DemoProgress } from './demoProgress';

/**
 * Creates each cadre with their first posting and adds the later ones (one transaction: one
 * commit instead of one per cadre); one progress step per cadre. Returns the ids in `cadres` order.
 */
export function addDemoCadres(db: Db, cadres: readonly DemoCadre[], org: DemoOrgIds, progress: DemoProgress): number[] {
  const { townshipIds, villageIds, unitIds } = org;
  const cadreIds: number[] = [];
  db.transaction(() => {
    for (const c of cadres) {
      const place = (p: DemoCadre['postings'][number]) => ({
        townshipId: townshipIds.get(p.township)!,
        villageId: p.village ? villageIds.get(`${p.township}/${p.village}`)! : null,
        start: p.start,
        end: null,
      });
      const created = createCadre(
        db,
        {
          name: c.name,
          gender: c.gender,
          birthDate: c.birthDate,
          idNumber: c.idNumber,
          partyStatus: c.partyStatus,
          phone: c.phone,
          unitId: unitIds.get(c.unit) ?? null,
          level: c.level,
          postType: c.postType,
        },
        place(c.postings[0]!),
      );
      for (const p of c.postings.slice(1)) addPosting(db, created.id, place(p));
      cadreIds.push(created.id);
      progress.step('正在录入选派干部');
    }
  })();
  return cadreIds;
}
