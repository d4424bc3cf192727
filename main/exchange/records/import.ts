/**
 * Planning and applying the import of a RecordsDoc: checks the document and the rules that
 * decide whether it may be imported at all, then walks it (records/walk.ts) without writing
 * (plan) or inside one transaction with the read-only guard switched off (apply).
 */
import { AppError } from '../../../shared/result';
import type { LogEntryFields } from '../../../shared/worklog';
import { audit } from '../../core/audit/log';
import { reindexMaterial } from '../../core/bag/bag';
import { getSetting } from '../../core/runtime/settings';
import { indexEntry } from '../../core/worklog/entries';
import { nowIso, type Db } from '../../store/db';
import { setReadOnlyGuard } from '../../store/readOnlyGuards';
import { recordsDocSchema } from './format';
import { planChange } from './rowChanges';
import { schemaInfo } from './schema';
import { REVIEW_TABLES, TABLES, TABLE_SPECS } from './tables';
import { RECORDS_VERSION, type ApplyOptions, type ImportPlan, type PlanOptions, type RecordsDoc } from './types';
import { validateRecords } from './validate';
import { refused, walk, type WalkResult } from './walk';
import { isRecordedBlob } from '../../core/blobs/lookup';

/** The document's shape, version, tables and columns; returns it typed. */
function checkDoc(db: Db, input: unknown): RecordsDoc {
  const v = (input as { recordsVersion?: unknown } | null)?.recordsVersion;
  if (typeof v === 'number' && v > RECORDS_VERSION) {
    throw refused(`该交换包的记录格式版本为 ${v}，本软件只支持到版本 ${RECORDS_VERSION}，请升级 OneBag 后再导入`);
  }
  const parsed = recordsDocSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? `（${issue.path.join('.')}）` : '';
    throw refused(`交换包中的记录文件（records.json）格式不正确${where}，无法导入`);
  }
  const doc = parsed.data as RecordsDoc;
  const info = schemaInfo(db);
  const allowed = doc.kind === 'review' ? new Set<string>(REVIEW_TABLES) : new Set(TABLE_SPECS.keys());
  for (const [table, t] of Object.entries(doc.tables)) {
    if (!allowed.has(table)) {
      throw refused(
        doc.kind === 'review'
          ? `评审包只能包含考核评分、票数和评审意见，其中却有“${TABLE_SPECS.get(table)?.label ?? table}”，无法导入`
          : `交换包中有本版本不认识的数据（${table}），请升级 OneBag 后再导入`,
      );
    }
    const ti = info(table);
    const unknown = t.columns.find((c) => !ti.columns.includes(c));
    if (unknown) throw refused(`交换包中“${TABLE_SPECS.get(table)!.label}”有本版本不认识的字段（${unknown}），请升级 OneBag 后再导入`);
    const missing = ti.key.find((k) => !t.columns.includes(k));
    if (missing) throw refused(`交换包中“${TABLE_SPECS.get(table)!.label}”缺少关键字段（${missing}），无法导入`);
  }
  validateRecords(db, doc, (table) => info(table).refs);
  return doc;
}

/** Rules that refuse the whole document before any row is looked at. */
function checkRules(db: Db, doc: RecordsDoc): number | null {
  const { county, year } = doc.scope;
  const local = db.prepare('SELECT id, origin FROM counties WHERE name = ?').get(county) as
    | { id: number; origin: string | null }
    | undefined;
  if (doc.kind === 'review') {
    if (!local || local.origin !== null) throw refused(`评审包所属的「${county}」不是本单位的数据，不能导入评审结果`);
    const fin = db.prepare('SELECT finalised_at FROM eval_years WHERE county_id = ? AND year = ?').pluck().get(local.id, year) as
      | string
      | null
      | undefined;
    if (fin) throw refused(`「${county}」${year}年度考核已定稿，须先重新开放（撤销定稿）后才能导入评审结果`);
    return local.id;
  }
  const rows = doc.tables.counties?.rows ?? [];
  const nameAt = doc.tables.counties?.columns.indexOf('name') ?? -1;
  if (rows.length !== 1 || rows[0]![nameAt] !== county) throw refused(`交换包中的县与其说明（${county}）不一致，无法导入`);
  if (local?.origin === null) throw refused(`本机已有本单位的「${county}」数据，不能用交换包覆盖`);
  if (local && local.origin !== doc.origin) throw refused(`「${county}」已从其他单位导入，不能再用另一单位的交换包覆盖`);
  return null;
}

function order(doc: RecordsDoc): string[] {
  return doc.kind === 'review' ? [...REVIEW_TABLES] : TABLES.map((t) => t.table);
}

/** Reference rows every county shares: an import adds missing ones and never changes existing ones. */
const SHARED_TABLES: ReadonlySet<string> = new Set(['units', 'holidays']);

function run(db: Db, doc: RecordsDoc, self: string, write: boolean, reviewCounty: number | null): WalkResult {
  const info = schemaInfo(db);
  const inCounty =
    db.prepare(`SELECT 1 FROM postings WHERE cadre_id = :cadre AND township_id IN (SELECT id FROM townships WHERE county_id = :county)
    AND start <= :to AND ("end" IS NULL OR "end" >= :from)`);
  return walk({
    db,
    doc,
    self,
    write,
    info,
    order: order(doc),
    // The evaluator's scores, ballots and comments on an imported county are their own work:
    // a newer county bundle adds rows the evaluator lacks but never overwrites theirs.
    keepLocal: doc.kind === 'county' ? new Set<string>(REVIEW_TABLES) : undefined,
    // A county bundle speaks only for its signer's rows; units and holidays are shared, matched read-only.
    owner: doc.kind === 'county' ? doc.origin : undefined,
    shared: doc.kind === 'county' ? SHARED_TABLES : undefined,
    onRow: (table, v, localId) => {
      if (doc.kind === 'review') {
        if (v.county_id !== reviewCounty || v.year !== doc.scope.year) throw refused('评审包中有不属于该县该年度的记录，无法导入');
        if (!inCounty.get({ county: reviewCounty, cadre: v.cadre_id, from: `${doc.scope.year}-01-01`, to: `${doc.scope.year}-12-31` })) {
          const who = db.prepare('SELECT name FROM cadres WHERE id = ?').pluck().get(v.cadre_id) as string | undefined;
          throw refused(
            `评审包为「${doc.scope.county}」${doc.scope.year}年度的评审结果，却给不属于该县的干部${who ? `“${who}”` : ''}评分或评议，已拒绝导入`,
          );
        }
      } else if (table === 'counties' && localId !== null) {
        const origin = db.prepare('SELECT origin FROM counties WHERE id = ?').pluck().get(localId) as string | null;
        if (origin === null) throw refused(`本机已有本单位的「${doc.scope.county}」数据，不能用交换包覆盖`);
        if (origin !== doc.origin) throw refused(`「${doc.scope.county}」已从其他单位导入，不能再用另一单位的交换包覆盖`);
      }
    },
  });
}

function toPlan(doc: RecordsDoc, r: WalkResult, blobsNeeded: string[]): ImportPlan {
  const sum = (k: 'added' | 'updated' | 'unchanged' | 'skipped') => r.tables.reduce((s, t) => s + t[k], 0);
  return {
    kind: doc.kind,
    origin: doc.origin,
    scope: doc.scope,
    tables: r.tables,
    added: sum('added'),
    updated: sum('updated'),
    unchanged: sum('unchanged'),
    skipped: sum('skipped'),
    blobsNeeded,
    linked: r.linked,
    changes: r.changes.map(planChange),
    conflicts: r.conflicts,
  };
}

function neededBlobs(db: Db, doc: RecordsDoc, hasBlob?: (sha256: string) => boolean): string[] {
  const has = hasBlob ?? ((s: string) => isRecordedBlob(db, s));
  const shas = new Set(doc.blobs);
  const t = doc.tables.blobs;
  if (t) for (const r of t.rows) shas.add(String(r[t.columns.indexOf('sha256')]));
  return [...shas].filter((s) => !has(s)).sort();
}

/** What importing `doc` would add and update; throws AppError('IMPORT_REFUSED', …) when it cannot be imported. */
export function planImport(db: Db, input: RecordsDoc, opts: PlanOptions): ImportPlan {
  const doc = checkDoc(db, input);
  return db.transaction(() => {
    const county = checkRules(db, doc);
    return toPlan(doc, run(db, doc, opts.self, false, county), neededBlobs(db, doc, opts.hasBlob));
  })();
}

/** Search text is not exported: rebuild it for the materials and log entries written. */
function reindex(db: Db, touched: Map<string, Set<number>>): void {
  const materials = new Set([...(touched.get('materials') ?? []), ...(touched.get('material_files') ?? [])]);
  for (const id of materials) reindexMaterial(db, id);
  const entry = db.prepare('SELECT * FROM worklog_entries WHERE id = ?');
  for (const id of touched.get('worklog_entries') ?? []) {
    const e = entry.get(id) as Record<string, string> & { cadre_id: number };
    indexEntry(db, id, e.cadre_id, {
      date: e.date!,
      kind: e.kind as LogEntryFields['kind'],
      place: e.place!,
      persons: e.persons!,
      situation: e.situation!,
      difficulties: e.difficulties!,
      followUp: e.follow_up!,
    });
  }
}

/** SQLite refusals inside the import (a unique index, a foreign key) become a Chinese refusal. */
function asRefusal(err: unknown): unknown {
  if (err instanceof AppError) return err;
  const code = (err as { code?: string })?.code ?? '';
  if (code.startsWith('SQLITE_CONSTRAINT')) return refused('交换包中的记录与本机已有记录冲突，导入已取消，数据未改变');
  return err;
}

/**
 * Applies `doc` in one transaction (originals must already be in the blob store); returns what
 * it did. A re-import that would change nothing writes nothing and returns importId 0.
 */
export function applyImport(db: Db, input: RecordsDoc, opts: ApplyOptions): ImportPlan & { importId: number } {
  const doc = checkDoc(db, input);
  try {
    return db.transaction(() => {
      opts.beforeWrite?.();
      const county = checkRules(db, doc);
      const missing = neededBlobs(db, doc, opts.hasBlob);
      if (missing.length) throw refused(`有 ${missing.length} 个原件不在本机文件库中（如 ${missing[0]!.slice(0, 12)}…），导入已取消`);
      const plan = toPlan(doc, run(db, doc, opts.self, false, county), []);
      if (plan.added + plan.updated + plan.linked === 0) return { ...plan, importId: 0 };
      setReadOnlyGuard(db, false);
      const written = run(db, doc, opts.self, true, county);
      const done = toPlan(doc, written, []);
      reindex(db, written.touched);
      if (doc.kind === 'county') {
        db.prepare('UPDATE counties SET origin = ? WHERE name = ?').run(doc.origin, doc.scope.county);
      }
      setReadOnlyGuard(db, true);
      const importId = Number(
        db
          .prepare(
            `INSERT INTO imports (bundle_id, bundle_sha256, kind, origin, signer_name, county, year, added, updated, unchanged, operator, at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            opts.bundleId,
            opts.bundleSha256,
            doc.kind,
            doc.origin,
            opts.signerName,
            doc.scope.county,
            doc.scope.year,
            done.added,
            done.updated,
            done.unchanged,
            getSetting(db, 'operator'),
            nowIso(),
          ).lastInsertRowid,
      );
      audit(db, 'import', 'bundle', importId, {
        bundleId: opts.bundleId,
        kind: doc.kind,
        origin: doc.origin,
        signer: opts.signerName,
        county: doc.scope.county,
        year: doc.scope.year,
        added: done.added,
        updated: done.updated,
      });
      // Every row the import changed, before and after, under the import's id.
      for (const c of written.changes) {
        audit(
          db,
          'import',
          c.table,
          c.localId,
          { importId, bundleId: opts.bundleId, origin: doc.origin, key: c.key },
          { before: c.before, after: c.after },
        );
      }
      return { ...done, importId };
    })();
  } catch (err) {
    throw asRefusal(err);
  }
}
