/** Steps of a first start: the app, its settings, the department and the county tree. */
import { id, ok, OPERATOR, type Step } from './harness';

export const setupSteps: Step[] = [
  {
    kind: 'first start',
    entity: 'app',
    action: 'setup',
    has: 'none',
    run: async () => ok('app.setup', { mode: 'empty', operator: OPERATOR }),
  },
  {
    kind: 'operator change',
    entity: 'settings',
    action: 'update',
    field: 'operator',
    run: async () => {
      // Under the new name, so hand over and back: the newest entry is signed by OPERATOR.
      await ok('app.setOperator', { operator: '值班员乙' });
      await ok('app.setOperator', { operator: OPERATOR });
    },
  },
  {
    kind: 'backup interval',
    entity: 'settings',
    action: 'update',
    field: 'backupIntervalHours',
    run: async () => ok('integrity.settings.set', { backupIntervalHours: 12 }),
  },
  {
    kind: 'dossier settings',
    entity: 'dossier_settings',
    action: 'update',
    has: 'after',
    field: 'fonds',
    run: async () => ok('dossier.settings.set', { ...(await ok('dossier.settings.get', {})), fonds: 'A12' }),
  },
  { kind: 'signing key', entity: 'signing_key', action: 'create', has: 'none', run: async () => ok('exchange.identity.get', {}) },
  {
    kind: 'department name',
    entity: 'department',
    action: 'update',
    has: 'any',
    run: async () => ok('exchange.identity.setName', { name: '义县县委组织部' }),
  },
  {
    kind: 'county',
    entity: 'county',
    action: 'create',
    field: 'name',
    run: async () => (id.county = (await ok('org.addCounty', { name: '义县', kind: '县' })).id),
  },
  {
    kind: 'township',
    entity: 'township',
    action: 'create',
    field: 'name',
    run: async () => (id.t1 = (await ok('org.addTownship', { countyId: id.county!, name: '七里河镇' })).id),
  },
  {
    kind: 'village',
    entity: 'village',
    action: 'create',
    field: 'name',
    run: async () => (id.v1 = (await ok('org.addVillage', { townshipId: id.t1!, name: '北村' })).id),
  },
  {
    kind: 'village 2',
    entity: 'village',
    action: 'create',
    field: 'township_id',
    run: async () => (id.v2 = (await ok('org.addVillage', { townshipId: id.t1!, name: '南村' })).id),
  },
  {
    kind: 'unit',
    entity: 'unit',
    action: 'create',
    field: 'level',
    run: async () => ok('org.addUnit', { name: '县财政局', level: '县级' }),
  },
];
