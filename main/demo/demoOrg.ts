/** The demo county's organisation: 岚川县, its townships and villages, and the dispatching units. */
import { ensureCounty, ensureTownship, ensureUnit, ensureVillage } from '../core/org/org';
import type { Db } from '../store/db';
import { DEMO_COUNTY, DEMO_TOWNSHIPS, DEMO_UNITS } from './demoData';

/** Ids of what addDemoOrg created, by name (villages by `township/village`). */
export interface DemoOrgIds {
  townshipIds: Map<string, number>;
  villageIds: Map<string, number>;
  unitIds: Map<string, number>;
}

/** Creates the county, its townships and villages and the units in one transaction. */
export function addDemoOrg(db: Db): DemoOrgIds {
  const townshipIds = new Map<string, number>();
  const villageIds = new Map<string, number>();
  const unitIds = new Map<string, number>();
  db.transaction(() => {
    const countyId = ensureCounty(db, DEMO_COUNTY.name, DEMO_COUNTY.kind);
    for (const t of DEMO_TOWNSHIPS) {
      const tid = ensureTownship(db, countyId, t.name);
      townshipIds.set(t.name, tid);
      for (const v of t.villages) villageIds.set(`${t.name}/${v}`, ensureVillage(db, tid, v));
    }
    for (const u of DEMO_UNITS) unitIds.set(u.name, ensureUnit(db, u.name, u.level));
  })();
  return { townshipIds, villageIds, unitIds };
}
