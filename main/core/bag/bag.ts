/**
 * The bag (一袋式档案): materials filed per cadre, each with its original files.
 * Files are inspected before anything is written, stored content-addressed, and the
 * material, its file links, its search tokens and the audit entry go in one transaction.
 */
import type { MaterialInput } from '../../../shared/api/bag';
import { MATERIAL_CATEGORIES, type Material, type MaterialSearchHit, type StoredFile } from '../../../shared/domain';
import { AppError } from '../../../shared/result';
import { dateLabel, isoDateOf } from '../../../shared/dates';
import type { BlobStore } from '../../files/blobStore';
import type { FileFacts } from '../../files/inspect';
import { commitOriginals, discardOriginals, takeOriginals, type TakenOriginal } from '../../files/intake';
import { nowIso, type Db } from '../../store/db';
import { audit } from '../audit/log';
import { intakeMaxBytes } from './intakeLimit';
import { parseFileFlags, recordBlob } from '../blobs/rows';
import { linkFiledReport } from '../worklog/reportLinks';
import { queryToFts, toSearchTokens } from '../searchTokens';
import { snapshot } from '../audit/snapshot';

interface MaterialRow {
  id: number;
  cadre_id: number;
  category: Material['category'];
  title: string;
  date: string | null;
  year: number;
  responsible: string | null;
  doc_number: string | null;
  secrecy: Material['secrecy'];
  notes: string | null;
  created_at: string;
}

interface FileRow {
  material_id: number;
  sha256: string;
  original_name: string;
  kind: StoredFile['kind'];
  mime: string;
  size: number;
  page_count: number | null;
  width: number | null;
  height: number | null;
  orientation: number | null;
  flags: string;
}

const categoryRank = new Map<string, number>(MATERIAL_CATEGORIES.map((c, i) => [c, i]));

const notFound = () => new AppError('NOT_FOUND', '该材料不存在或已被删除');

/** Loads files for many materials in one query per 500 ids (SQLite's variable limit is far above). */
function filesFor(db: Db, ids: number[]): Map<number, StoredFile[]> {
  const out = new Map<number, StoredFile[]>();
  for (let i = 0; i < ids.length; i += 500) {
    const part = ids.slice(i, i + 500);
    const rows = db
      .prepare(
        `SELECT mf.material_id, mf.sha256, mf.original_name, b.kind, b.mime, b.size, b.page_count, b.width, b.height, b.orientation, b.flags
         FROM material_files mf JOIN blobs b ON b.sha256 = mf.sha256
         WHERE mf.material_id IN (${part.map(() => '?').join(',')})
         ORDER BY mf.material_id, mf.position`,
      )
      .all(...part) as FileRow[];
    for (const r of rows) {
      const list = out.get(r.material_id) ?? [];
      list.push({
        sha256: r.sha256,
        originalName: r.original_name,
        kind: r.kind,
        mime: r.mime,
        size: r.size,
        pageCount: r.page_count,
        width: r.width,
        height: r.height,
        orientation: r.orientation,
        flags: parseFileFlags(r.flags),
      });
      out.set(r.material_id, list);
    }
  }
  return out;
}

function toMaterials(db: Db, rows: MaterialRow[]): Material[] {
  const files = filesFor(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    cadreId: r.cadre_id,
    category: r.category,
    title: r.title,
    date: r.date,
    year: r.year,
    responsible: r.responsible,
    docNumber: r.doc_number,
    secrecy: r.secrecy,
    notes: r.notes,
    files: files.get(r.id) ?? [],
    createdAt: r.created_at,
  }));
}

export function getMaterial(db: Db, id: number): Material {
  const row = db.prepare('SELECT * FROM materials WHERE id = ?').get(id) as MaterialRow | undefined;
  if (!row) throw notFound();
  return toMaterials(db, [row])[0]!;
}

/** The bag in the archive's order: category as the source report lists them, then date (undated last). */
export function listMaterials(db: Db, cadreId: number, year?: number): Material[] {
  const rows = (
    year === undefined
      ? db.prepare('SELECT * FROM materials WHERE cadre_id = ?').all(cadreId)
      : db.prepare('SELECT * FROM materials WHERE cadre_id = ? AND year = ?').all(cadreId, year)
  ) as MaterialRow[];
  rows.sort(
    (a, b) =>
      (categoryRank.get(a.category) ?? 99) - (categoryRank.get(b.category) ?? 99) ||
      (a.date ?? '9999').localeCompare(b.date ?? '9999') ||
      a.id - b.id,
  );
  return toMaterials(db, rows);
}

/** (Re)writes a material's search entry: title, notes, number, responsible, file names. */
export function reindexMaterial(db: Db, id: number): void {
  const m = db.prepare('SELECT title, notes, doc_number, responsible FROM materials WHERE id = ?').get(id) as
    | { title: string; notes: string | null; doc_number: string | null; responsible: string | null }
    | undefined;
  if (!m) return;
  const names = db.prepare('SELECT original_name FROM material_files WHERE material_id = ?').pluck().all(id) as string[];
  const text = [m.title, m.notes, m.doc_number, m.responsible, ...names.map((n) => n.replace(/\.[A-Za-z0-9]{1,5}$/, ''))]
    .filter(Boolean)
    .join('\n');
  db.prepare('DELETE FROM material_fts WHERE rowid = ?').run(id);
  db.prepare('INSERT INTO material_fts (rowid, tokens) VALUES (?, ?)').run(id, toSearchTokens(text));
}

const materialParams = (input: MaterialInput) => ({
  category: input.category,
  title: input.title,
  date: input.date,
  year: input.year,
  responsible: input.responsible || null,
  doc_number: input.docNumber || null,
  secrecy: input.secrecy,
  notes: input.notes || null,
});

/**
 * Files one material with its files. Every file is read once into a private copy and that copy
 * is inspected (main/files/intake.ts): one refusal throws before anything is published or written.
 * The copies are then published (deduplicated), and the rows go in one transaction. A failure
 * after publishing (e.g. disk full) leaves only unreferenced, content-addressed blobs, which a
 * later identical file reuses.
 */
export async function addMaterial(
  db: Db,
  blobs: BlobStore,
  cadreId: number,
  input: MaterialInput,
  files: Array<{ path: string; name: string }>,
  opts: { maxBytes?: number } = {},
): Promise<Material> {
  const [id] = await addMaterials(db, blobs, [{ cadreId, input, files }], opts);
  return getMaterial(db, id!);
}

export interface MaterialToFile {
  cadreId: number;
  input: MaterialInput;
  files: ReadonlyArray<{ path: string; name: string }>;
}

/**
 * Files several materials as addMaterial does, all or nothing: every file of every material is
 * read once and inspected before anything is published, the originals are published together
 * (one fsync per blob folder, blobStore.commitMany), and all rows go in ONE transaction (one
 * commit, one WAL fsync). Returns the new material ids in the order given.
 */
export async function addMaterials(
  db: Db,
  blobs: BlobStore,
  items: readonly MaterialToFile[],
  opts: { maxBytes?: number } = {},
): Promise<number[]> {
  const cadreExists = db.prepare('SELECT 1 FROM cadres WHERE id = ?');
  for (const item of items) {
    if (!cadreExists.get(item.cadreId)) throw new AppError('NOT_FOUND', '该干部不存在或已被删除');
    if (item.files.length === 0) throw new AppError('INVALID_INPUT', '请至少添加一个文件');
  }
  const maxBytes = opts.maxBytes ?? intakeMaxBytes(db);
  const taken: TakenOriginal[][] = [];
  try {
    for (const item of items) taken.push(await takeOriginals(blobs, item.files, { maxBytes }));
  } catch (err) {
    for (const t of taken) await discardOriginals(blobs, t);
    throw err;
  }
  return fileTaken(db, blobs, items, taken);
}

/**
 * Publishes the files taken for each item (taken[i] for items[i]) and writes the materials in
 * one transaction. For intake's inspected copies (addMaterials) and for files this app made
 * itself (bagMadeHere.ts).
 */
export async function fileTaken(
  db: Db,
  blobs: BlobStore,
  items: ReadonlyArray<{ cadreId: number; input: MaterialInput }>,
  taken: readonly TakenOriginal[][],
): Promise<number[]> {
  const stored = await commitOriginals(blobs, taken.flat());

  let k = 0;
  const withHashes = taken.map((files) =>
    files.map((t) => {
      const s = stored[k++]!;
      return { name: t.name, sha256: s.sha256, size: s.size, facts: t.facts };
    }),
  );
  return db.transaction(() => items.map((item, i) => insertMaterial(db, item.cadreId, item.input, withHashes[i]!)))();
}

/**
 * Writes a material whose files are already in the blob store: the row, the blob records, the
 * file links, the search entry and the audit entry. Runs inside the caller's transaction, so a
 * use case can file materials together with its own records (e.g. a certified register, linked
 * to its certification by `certificationId`).
 */
export function insertMaterial(
  db: Db,
  cadreId: number,
  input: MaterialInput,
  files: ReadonlyArray<{ name: string; sha256: string; size: number; facts: Omit<FileFacts, 'size'> }>,
  filedBy: { certificationId?: number } = {},
): number {
  const now = nowIso();
  const certificationId = filedBy.certificationId ?? null;
  const res = db
    .prepare(
      `INSERT INTO materials (cadre_id, category, title, date, year, responsible, doc_number, secrecy, notes, certification_id, created_at, updated_at)
       VALUES (@cadre_id, @category, @title, @date, @year, @responsible, @doc_number, @secrecy, @notes, @certification_id, @now, @now)`,
    )
    .run({ cadre_id: cadreId, now, certification_id: certificationId, ...materialParams(input) });
  const materialId = Number(res.lastInsertRowid);
  const insLink = db.prepare('INSERT INTO material_files (material_id, position, sha256, original_name) VALUES (?, ?, ?, ?)');
  files.forEach((f, i) => {
    recordBlob(db, f.sha256, f.size, f.facts, now);
    insLink.run(materialId, i, f.sha256, f.name);
  });
  reindexMaterial(db, materialId);
  // A report filed in the bag counts as submitted: linked to its period, to be confirmed.
  const reportPeriod = linkFiledReport(db, materialId);
  audit(
    db,
    'attach',
    'material',
    materialId,
    {
      cadreId,
      title: input.title,
      files: files.map((f) => ({ name: f.name, sha256: f.sha256 })),
      ...(reportPeriod ? { reportPeriod } : {}),
      ...(certificationId !== null ? { certificationId } : {}),
    },
    { after: { ...snapshot(db, 'materials', materialId), files: files.map((f) => ({ name: f.name, sha256: f.sha256 })) } },
  );
  return materialId;
}

export function updateMaterial(db: Db, id: number, input: MaterialInput): Material {
  db.transaction(() => {
    const before = snapshot(db, 'materials', id);
    const res = db
      .prepare(
        `UPDATE materials SET category = @category, title = @title, date = @date, year = @year, responsible = @responsible,
         doc_number = @doc_number, secrecy = @secrecy, notes = @notes, updated_at = @now WHERE id = @id`,
      )
      .run({ id, now: nowIso(), ...materialParams(input) });
    if (res.changes === 0) throw notFound();
    reindexMaterial(db, id);
    audit(db, 'update', 'material', id, { title: input.title, category: input.category }, { before, after: snapshot(db, 'materials', id) });
  })();
  return getMaterial(db, id);
}

/** Removes the record and its links; blobs stay (content-addressed, possibly shared, kept for audit). */
export function removeMaterial(db: Db, id: number): void {
  db.transaction(() => {
    const m = snapshot(db, 'materials', id) as { cadre_id: number; title: string } | undefined;
    if (!m) throw notFound();
    db.prepare('DELETE FROM material_fts WHERE rowid = ?').run(id);
    db.prepare('DELETE FROM materials WHERE id = ?').run(id);
    audit(db, 'delete', 'material', id, { cadreId: m.cadre_id, title: m.title }, { before: m });
  })();
}

/** Where a file with this content is already filed, preferring the given cadre's own bag: title, cadre, when it was filed. */
export function findDuplicate(
  db: Db,
  sha256: string,
  preferCadreId?: number,
): { materialTitle: string; cadreName: string; filedAt: string } | null {
  const row = db
    .prepare(
      `SELECT m.title AS materialTitle, c.name AS cadreName, m.created_at AS filedAt
       FROM material_files mf JOIN materials m ON m.id = mf.material_id JOIN cadres c ON c.id = m.cadre_id
       WHERE mf.sha256 = ?
       ORDER BY (m.cadre_id = ?) DESC, m.id DESC LIMIT 1`,
    )
    .get(sha256, preferCadreId ?? -1) as { materialTitle: string; cadreName: string; filedAt: string } | undefined;
  return row ?? null;
}

/** Where the same content is already filed, in words: 「2024年度工作总结」（张三，2025年3月12日归档）; null when nowhere. */
export function duplicateNote(db: Db, sha256: string, preferCadreId?: number): string | null {
  const d = findDuplicate(db, sha256, preferCadreId);
  if (!d) return null;
  const at = new Date(d.filedAt);
  const day = dateLabel(Number.isNaN(at.getTime()) ? d.filedAt.slice(0, 10) : isoDateOf(at));
  return `「${d.materialTitle}」（${d.cadreName}，${day}归档）`;
}

/**
 * Materials matching every word of `q`, newest filed first. Ordering by rowid lets FTS5
 * stop after `limit` hits; ranking all matches of a common word like 工作 would not scale.
 */
export function searchMaterials(db: Db, q: string, limit = 50): MaterialSearchHit[] {
  const match = queryToFts(q);
  if (!match) return [];
  const rows = db
    .prepare(
      `SELECT m.*, c.name AS cadre_name
       FROM (SELECT rowid AS id FROM material_fts WHERE material_fts MATCH ? ORDER BY rowid DESC LIMIT ?) hit
       JOIN materials m ON m.id = hit.id JOIN cadres c ON c.id = m.cadre_id
       ORDER BY m.id DESC`,
    )
    .all(match, limit) as Array<MaterialRow & { cadre_name: string }>;
  const materials = toMaterials(db, rows);
  return materials.map((m, i) => ({ ...m, cadreName: rows[i]!.cadre_name }));
}
