/**
 * records.json — the rows of an exchange bundle.
 *
 * ```json
 * {
 *   "recordsVersion": 1,
 *   "kind": "county" | "review",
 *   "origin": "A1B2-C3D4-E5F6-0718",          // fingerprint of the exporting department
 *   "scope": { "county": "蒲县", "year": 2025 },
 *   "tables": {
 *     "cadres": { "columns": ["id", "name", …, "unit_id", …], "rows": [["A1B2-…#7", "张伟", …, "A1B2-…#3", …]] },
 *     "material_files": { "columns": ["material_id", "position", "sha256", "original_name"], "rows": […] }
 *   },
 *   "blobs": ["<sha256>", …],                  // every original the rows refer to (sorted)
 *   "cadres": [{ "ref": "A1B2-…#7", "name": "张伟", "township": "东乡", "village": "李家村", "postType": "…" }]
 * }
 * ```
 *
 * - Column names are the SQLite column names; values are JSON strings, numbers or null.
 * - Global references: a row's integer `id` and every foreign key to an integer id are written
 *   as "<origin fingerprint>#<id at that origin>". A department exporting rows it created writes
 *   its own fingerprint; rows it imported earlier keep their original origin and id (import_map).
 * - Tables without an integer id (material_files, attendance_cells, eval_scores, …) are
 *   identified by their primary-key columns, with foreign keys translated the same way.
 *   Originals are referred to by SHA-256 (blobs.sha256), which is global already.
 * - Tables are listed parents first (see records/tables.ts); rows are ordered by key, so the
 *   same data always gives byte-identical JSON.
 * - Import resolves a reference: own fingerprint → that local row (must exist); else
 *   import_map (origin, table, remote id); else the natural key (county name, township/village
 *   name in its parent, unit name, ID number, SHA-256, holiday date, …); else a new row. The
 *   mapping is recorded so a second import updates the same rows.
 * - Ownership: a county bundle may create or update only rows whose origin is its signer.
 *   A row naming the receiver's own row (its fingerprint), another origin's row, or matching
 *   one by natural key (an ID number), or pointing at such a row (a posting into a local
 *   village), is a conflict: shown in the preview with both sides, never written, and rows
 *   depending on it are skipped. Units and holidays are shared and matched read-only.
 * - Every record is validated like local input first (records/validate.ts); one invalid
 *   record refuses the bundle. records.json must be well-formed UTF-8.
 * - Deletions at the source are NOT propagated: a row missing from a later bundle stays.
 * - On a county bundle, rows of eval_scores, eval_ballots and eval_comments that already exist
 *   locally are kept: in an evaluator's copy they are the evaluator's own work.
 * - Originals (blobs rows) are content-addressed: an existing row is kept as it is. Holidays
 *   of the year are the national calendar: dates the receiver lacks are added, its own kept.
 * - A county bundle carries the county's evaluation scores too: importing a newer one shows
 *   and applies changed scores like any other row. The evaluator's own work goes back in a
 *   review bundle (kind "review": eval_scores, eval_ballots, eval_comments only), whose
 *   references are the county's own, so it lands on the county's rows.
 * - attendance_history.detail, eval_years.groups and eval_results.row are JSON text copied as
 *   written; ids inside them are those of the origin.
 * - A reader refuses recordsVersion above its own RECORDS_VERSION, tables it does not know
 *   and columns its schema lacks (the bundle was made by a newer OneBag).
 */
import { z } from 'zod';
import { SHA256_RE } from '../../../shared/blobLayout';

export const REF_SEPARATOR = '#';

export const refOf = (origin: string, id: number): string => `${origin}${REF_SEPARATOR}${id}`;

export function parseRef(ref: string): { origin: string; id: number } | null {
  const i = ref.lastIndexOf(REF_SEPARATOR);
  if (i <= 0) return null;
  const id = Number(ref.slice(i + 1));
  if (!Number.isSafeInteger(id) || id <= 0) return null;
  return { origin: ref.slice(0, i), id };
}

const fingerprint = z
  .string()
  .min(4)
  .max(100)
  .regex(/^[^#\s]+$/);
const cell = z.union([z.string().max(10_000_000), z.number(), z.null()]);

export const recordsDocSchema = z.object({
  recordsVersion: z.number().int().min(1),
  kind: z.enum(['county', 'review']),
  origin: fingerprint,
  scope: z.object({ county: z.string().min(1).max(100), year: z.number().int().min(1900).max(2200) }),
  tables: z.record(
    z.string().regex(/^[a-z_][a-z0-9_]*$/),
    z
      .object({ columns: z.array(z.string().regex(/^[a-z_][a-z0-9_]*$/)).min(1), rows: z.array(z.array(cell)) })
      .refine((t) => t.rows.every((r) => r.length === t.columns.length), '行的字段数与列名不一致')
      .refine((t) => new Set(t.columns).size === t.columns.length, '列名重复'),
  ),
  blobs: z.array(z.string().regex(SHA256_RE)),
  cadres: z.array(
    z.object({
      ref: z.string().max(200),
      name: z.string().max(100),
      township: z.string().max(100),
      village: z.string().max(100).nullable(),
      postType: z.string().max(50),
    }),
  ),
});
