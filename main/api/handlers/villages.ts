/** Handlers for shared/api/villages.ts over main/core/villages/*. Sheets arrive as staging tokens. */
import type { villageChannels } from '../../../shared/api/villages';
import { incomeTable, saveIncomes } from '../../core/villages/income';
import { commitIncomeImport, previewIncomeImport } from '../../core/villages/incomeSheet';
import { getProgramme, saveProgramme } from '../../core/villages/programme';
import type { HandlersFor, Services } from '../services';

export function createVillageHandlers(s: Services): HandlersFor<typeof villageChannels> {
  const { db } = s.ctx;
  const sheet = (token: string) => {
    const f = s.staging.get(token);
    return f.path;
  };
  return {
    'villages.income.table': ({ countyId, year }) => incomeTable(db, countyId, year),
    'villages.income.save': ({ countyId, year, entries }) => {
      saveIncomes(db, countyId, year, entries);
      return incomeTable(db, countyId, year);
    },
    'villages.income.previewImport': ({ token, countyId, year }) => previewIncomeImport(db, sheet(token), countyId, year),
    'villages.income.commitImport': async ({ token, countyId, year }) => {
      const saved = await commitIncomeImport(db, sheet(token), countyId, year);
      await s.staging.discard(token);
      return { saved, table: incomeTable(db, countyId, year) };
    },
    'villages.programme.get': ({ countyId }) => getProgramme(db, countyId),
    'villages.programme.save': (input) => saveProgramme(db, input),
  };
}
