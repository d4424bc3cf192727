/**
 * Channels for villages' collective income (村集体经济) and the county's programme settings.
 * Merged into `channels` in shared/api.ts. Money crosses IPC as integer fen.
 */
import { z } from 'zod';
import type { IncomeImportPreview, IncomeTable } from '../villageIncome';
import { id, county, year } from './fields';

/** Up to 100 million yuan, in fen. */
const incomeFen = z
  .number({ message: '请填写集体经济收入' })
  .int('集体经济收入最多保留两位小数')
  .min(0, '集体经济收入不能为负数')
  .max(10_000_000_000, '集体经济收入超过1亿元，请核对');

export interface CountyProgramme {
  countyId: number;
  /** The year the 选派 programme began (cumulative figures count from it); null = not set. */
  startYear: number | null;
  /** Hold a quarter's allowance until its 调度 progress is recorded. */
  holdAllowance: boolean;
}

export const villageChannels = {
  /** Every village of the county with its income for the year and the year before. */
  'villages.income.table': { input: z.object({ countyId: county, year }), output: null as unknown as IncomeTable },
  /** Saves the typed incomes of the year in one transaction; null removes a village's record. */
  'villages.income.save': {
    input: z.object({
      countyId: county,
      year,
      entries: z
        .array(z.object({ villageId: id, incomeFen: incomeFen.nullable() }))
        .min(1, '没有要保存的收入')
        .max(5000),
    }),
    output: null as unknown as IncomeTable,
  },
  /** Reads a staged .xlsx (乡镇, 村, 收入 columns) and shows what the import would change. */
  'villages.income.previewImport': {
    input: z.object({ token: z.string(), countyId: county, year }),
    output: null as unknown as IncomeImportPreview,
  },
  /** Imports the staged sheet; refused (nothing saved) while any row has an error. */
  'villages.income.commitImport': {
    input: z.object({ token: z.string(), countyId: county, year }),
    output: null as unknown as { saved: number; table: IncomeTable },
  },
  'villages.programme.get': { input: z.object({ countyId: county }), output: null as unknown as CountyProgramme },
  'villages.programme.save': {
    input: z.object({ countyId: county, startYear: year.nullable(), holdAllowance: z.boolean() }),
    output: null as unknown as CountyProgramme,
  },
} as const;
