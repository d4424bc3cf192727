/**
 * The evaluator's way back: a small signed bundle of the scores and comments entered on an
 * imported county (review mode), which the county imports onto its own rows.
 */
import { AppError } from '../../shared/result';
import { writeBundle } from './bundle/container';
import { departmentKey } from './bundle/keys';
import type { ExportResult } from '../../shared/api/exchange';
import { auditedExportResult, checkOutPath, countyRow, type ExportEnv } from './exportBundle';
import { exportReviewRecords } from './records';

export async function exportReviewBundle(
  env: Pick<ExportEnv, 'db'>,
  input: { countyId: number; year: number; out: string; signal?: AbortSignal },
): Promise<ExportResult> {
  const { db } = env;
  const county = countyRow(db, input.countyId);
  if (county.origin === null) {
    throw new AppError('FORBIDDEN', `“${county.name}”是本单位自己的数据，不是导入的评审副本；导出本县数据请使用“导出”`);
  }
  const out = checkOutPath(input.out);
  const key = departmentKey(db);
  const doc = exportReviewRecords(db, { countyId: input.countyId, year: input.year, origin: key.fingerprint });
  const records = Object.values(doc.tables).reduce((n, t) => n + t.rows.length, 0);
  const written = await writeBundle({
    out,
    kind: 'review',
    scope: { county: county.name, year: input.year, cadres: doc.cadres.length },
    signer: key,
    entries: [{ path: 'records.json', role: 'records', source: { data: Buffer.from(JSON.stringify(doc), 'utf8') }, compress: true }],
    signal: input.signal,
  });
  const counts = { cadres: doc.cadres.length, records, originals: 0, dossiers: 0 };
  return auditedExportResult(db, { entity: 'eval_review', countyId: county.id, year: input.year }, out, written, key, counts);
}
