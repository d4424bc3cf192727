/** Channels of the organisation: counties → townships → villages, and dispatching units. Merged into `channels` in shared/api.ts. */
import { z } from 'zod';
import { COUNTY_KINDS, UNIT_LEVELS, type OrgTree } from '../domain';
import { empty, id, name } from './fields';

export const orgChannels = {
  'org.tree': { input: empty, output: null as unknown as OrgTree },
  'org.addCounty': {
    input: z.object({ name: name('县（市、区）名称'), kind: z.enum(COUNTY_KINDS) }),
    output: null as unknown as { id: number },
  },
  'org.addTownship': { input: z.object({ countyId: id, name: name('乡镇名称') }), output: null as unknown as { id: number } },
  'org.addVillage': { input: z.object({ townshipId: id, name: name('村名称') }), output: null as unknown as { id: number } },
  'org.addUnit': {
    input: z.object({ name: name('派出单位名称', 100), level: z.enum(UNIT_LEVELS) }),
    output: null as unknown as { id: number },
  },
} as const;
