/** Handlers for shared/api/org.ts over main/core/org/org.ts. */
import type { orgChannels } from '../../../shared/api/org';
import { addCounty, addTownship, addUnit, addVillage, orgTree } from '../../core/org/org';
import type { HandlersFor, Services } from '../services';

export function createOrgHandlers({ ctx }: Services): HandlersFor<typeof orgChannels> {
  const { db } = ctx;
  return {
    'org.tree': () => orgTree(db),
    'org.addCounty': (input) => addCounty(db, input),
    'org.addTownship': (input) => addTownship(db, input),
    'org.addVillage': (input) => addVillage(db, input),
    'org.addUnit': (input) => addUnit(db, input),
  };
}
