/**
 * The records layer of exchange bundles over real data directories: a county department
 * (the demo county plus 2025 rows in every table) exports its county, an evaluator imports
 * it into an empty archive, re-imports, receives an update, sends scores and comments back,
 * and every refusal leaves the archive exactly as it was.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenCore } from '../../main/api/open';
import { searchMaterials } from '../../main/core/bag/bag';
import { getAudit } from '../../main/core/audit/query';
import { diffFields } from '../../shared/audit';
import { applyImport, exportCountyRecords, exportReviewRecords, planImport, type RecordsDoc } from '../../main/exchange/records';
import { TABLES } from '../../main/exchange/records/tables';
import type { Db } from '../../main/store/db';
import { expectAppError } from '../fixtures/appError';
import { handlerCalls } from '../fixtures/handlerCalls';
import { COUNTY_FP, EVALUATOR_FP, YEAR, buildSourceCounty, copyDir, openDir, tempDir, type SourceIds } from './exchangeFixture';

let base: string;
let ids: SourceIds;
const dirs: string[] = [];
const cores: OpenCore[] = [];

const open = (dir: string) => {
  const c = openDir(dir);
  cores.push(c);
  return c;
};
const sourceCopy = () => {
  const d = copyDir(base, 'rec-src');
  dirs.push(d);
  return open(d);
};
const emptyArchive = () => {
  const d = tempDir('rec-eval');
  dirs.push(d);
  return open(d);
};

const exportCounty = (c: OpenCore, countyId = ids.county) => exportCountyRecords(c.ctx.db, { countyId, year: YEAR, origin: COUNTY_FP });

/** Places the originals in the receiving blob store, as the bundle importer does before applying. */
async function copyOriginals(from: OpenCore, to: OpenCore, doc: RecordsDoc) {
  for (const sha of doc.blobs) if (!to.blobs.has(sha)) await to.blobs.put(from.blobs.pathOf(sha));
}

const applyAs = (c: OpenCore, doc: RecordsDoc, self: string, hasBlob = (s: string) => c.blobs.has(s)) =>
  applyImport(c.ctx.db, doc, { self, bundleId: randomUUID(), bundleSha256: 'a'.repeat(64), signerName: '测试单位', hasBlob });

/** Every row of every ordinary table, for "nothing changed" checks. */
function digest(db: Db): string {
  const tables = db
    .prepare(
      `SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%' AND name NOT LIKE '%fts_%' ORDER BY name`,
    )
    .pluck()
    .all() as string[];
  return JSON.stringify(
    tables.map((t) => [t, (db.prepare(`SELECT * FROM "${t}"`).all() as unknown[]).map((r) => JSON.stringify(r)).sort()]),
  );
}
const totalChanges = (db: Db) => db.prepare('SELECT total_changes()').pluck().get() as number;
const count = (db: Db, sql: string, ...args: unknown[]) =>
  db
    .prepare(sql)
    .pluck()
    .get(...args) as number;

/** An evaluator's archive holding the imported county; returns it with its local county id. */
async function evaluatorWithCounty(src: OpenCore, doc = exportCounty(src)) {
  const ev = emptyArchive();
  await copyOriginals(src, ev, doc);
  applyAs(ev, doc, EVALUATOR_FP);
  const county = count(ev.ctx.db, 'SELECT id FROM counties WHERE name = ?', doc.scope.county);
  return { ev, county };
}

/** The evaluator scores the county's cadre (ids.cadre) 77 for the report on the score sheet; returns its local id. */
async function scoreReport(ev: OpenCore, county: number): Promise<number> {
  const cadre = count(
    ev.ctx.db,
    `SELECT local_id FROM import_map WHERE origin = ? AND entity = 'cadres' AND remote_id = ?`,
    COUNTY_FP,
    ids.cadre,
  );
  await handlerCalls(() => ev).ok('evaluation.sheet.save', {
    ballots: [],
    countyId: county,
    year: YEAR,
    cells: [{ cadreId: cadre, component: 'report', indicator: null, value: 77 }],
  });
  return cadre;
}

beforeAll(async () => {
  base = tempDir('rec-base');
  dirs.push(base);
  ids = await buildSourceCounty(base);
}, 300_000); // the first test file to need it builds the prepared demo (with its year of work)

afterAll(() => {
  for (const c of cores) c.close();
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe('exportCountyRecords', () => {
  it('is deterministic, covers every table of the scope and writes global references', () => {
    const src = sourceCopy();
    const a = JSON.stringify(exportCounty(src));
    const b = JSON.stringify(exportCounty(src));
    expect(a).toBe(b);
    const doc = JSON.parse(a) as RecordsDoc;
    expect(Object.keys(doc.tables)).toEqual(TABLES.map((t) => t.table));
    for (const t of TABLES) expect(doc.tables[t.table]!.rows.length, t.table).toBeGreaterThan(0);
    expect(doc.tables.counties!.rows).toHaveLength(1);
    expect(doc.tables.cadres!.rows).toHaveLength(20);
    expect(doc.cadres).toHaveLength(20);
    expect(doc.scope).toEqual({ county: '岚川县', year: YEAR });
    // ids and foreign keys travel as "<origin>#<id>", never as bare local numbers
    const cadreCols = doc.tables.cadres!.columns;
    const cadreRow = doc.tables.cadres!.rows.find((r) => r[0] === `${COUNTY_FP}#${ids.cadre}`)!;
    expect(cadreRow[cadreCols.indexOf('unit_id')]).toMatch(new RegExp(`^${COUNTY_FP}#\\d+$`));
    expect(doc.tables.counties!.columns).not.toContain('origin');
    // originals: sorted, each referenced and described by a blobs row
    expect([...doc.blobs].sort()).toEqual(doc.blobs);
    expect(doc.tables.blobs!.rows.map((r) => r[0])).toEqual(doc.blobs);
    // 2024-only rows stay out: every material is of 2025 or referenced by a 2025 report/plan
    const years = doc.tables.materials!.rows.map((r) => r[doc.tables.materials!.columns.indexOf('year')]);
    expect(new Set(years)).toEqual(new Set([YEAR]));
    expect(count(src.ctx.db, 'SELECT COUNT(*) FROM materials WHERE year = 2024')).toBeGreaterThan(0);
  });
});

describe('importing a county', () => {
  it('into an empty archive gives the same rows, a mapped county marked as imported, an import record and search', async () => {
    const src = sourceCopy();
    const doc = exportCounty(src);
    const ev = emptyArchive();
    const plan = planImport(ev.ctx.db, doc, { self: EVALUATOR_FP, hasBlob: (s) => ev.blobs.has(s) });
    expect(plan.updated).toBe(0);
    expect(plan.blobsNeeded).toEqual(doc.blobs);
    expect(plan.tables.find((t) => t.table === 'cadres')).toMatchObject({ label: '干部', added: 20, updated: 0 });
    // holidays of the year are seeded the same everywhere: they count as unchanged
    expect(plan.tables.find((t) => t.table === 'holidays')!.added).toBe(0);

    await copyOriginals(src, ev, doc);
    const done = applyAs(ev, doc, EVALUATOR_FP);
    expect(done.importId).toBeGreaterThan(0);
    expect(done.added).toBe(plan.added);

    const db = ev.ctx.db;
    const county = count(db, 'SELECT id FROM counties WHERE name = ?', '岚川县');
    expect(db.prepare('SELECT origin FROM counties WHERE id = ?').pluck().get(county)).toBe(COUNTY_FP);
    // per table, with ids translated back: the evaluator's export of the county is the county's own
    const back = exportCountyRecords(db, { countyId: county, year: YEAR, origin: EVALUATOR_FP });
    for (const t of TABLES) expect(back.tables[t.table], t.table).toEqual(doc.tables[t.table]);
    expect(back.blobs).toEqual(doc.blobs);
    expect(back.cadres).toEqual(doc.cadres);

    expect(db.prepare('SELECT kind, origin, county, year, added, signer_name FROM imports').all()).toEqual([
      { kind: 'county', origin: COUNTY_FP, county: '岚川县', year: YEAR, added: done.added, signer_name: '测试单位' },
    ]);
    expect(count(db, `SELECT COUNT(*) FROM audit_log WHERE action = 'import' AND entity = 'bundle' AND entity_id = ?`, done.importId)).toBe(
      1,
    );
    // search text is rebuilt on import
    expect(count(db, 'SELECT COUNT(*) FROM material_fts')).toBe(count(db, 'SELECT COUNT(*) FROM materials'));
    expect(count(db, 'SELECT COUNT(*) FROM worklog_fts')).toBe(1);
    const title = src.ctx.db.prepare('SELECT title FROM materials WHERE id = ?').pluck().get(ids.material) as string;
    expect(searchMaterials(db, title.slice(0, 4)).length).toBeGreaterThan(0);
  });

  it("audits an imported 考核结果 by the row's own cadre, never by a local id, with the ID number masked", async () => {
    const src = sourceCopy();
    const sdb = src.ctx.db;
    const who = sdb.prepare('SELECT name, id_number AS idNumber FROM cadres WHERE id = ?').get(ids.cadre) as {
      name: string;
      idNumber: string;
    };
    const township = sdb.prepare('SELECT name FROM townships WHERE id = ?').pluck().get(ids.township) as string;
    // the result's snapshot as finalising writes it: the source county's own ids, names and ID number
    const snapshot = { cadreId: ids.cadre, name: who.name, idNumber: who.idNumber, townshipId: ids.township, township, grade: '优秀' };
    sdb.prepare('UPDATE eval_results SET row = ? WHERE cadre_id = ? AND year = ?').run(JSON.stringify(snapshot), ids.cadre, YEAR);
    const doc = exportCounty(src);
    const ev = emptyArchive();
    const db = ev.ctx.db;
    // This archive already has a cadre under the source cadre's id: someone else entirely.
    db.prepare(
      `INSERT INTO cadres (id, name, gender, id_number, party_status, level, post_type, created_at, updated_at)
       VALUES (?, '本地干部', '男', '110101199001011237', '中共党员', '县级', '驻村工作队员', '2025-01-01', '2025-01-01')`,
    ).run(ids.cadre);
    await copyOriginals(src, ev, doc);
    applyAs(ev, doc, EVALUATOR_FP);
    const local = count(db, 'SELECT id FROM cadres WHERE id_number = ?', who.idNumber);
    expect(local).not.toBe(ids.cadre);
    const auditId = count(
      db,
      `SELECT id FROM audit_log WHERE action = 'import' AND entity = 'eval_results' AND after LIKE ?`,
      `%"cadre_id":${local},%`,
    );
    const e = getAudit(db, auditId);
    expect(e.record).toContain(who.name);
    const words = [
      ...diffFields(e.before, e.after, { entity: e.entity, names: e.names }),
      ...diffFields(undefined, e.detail, { entity: e.entity, names: e.names }),
    ]
      .map((d) => `${d.label} ${d.after}`)
      .join('\n');
    expect(words).toContain(who.name);
    expect(words).not.toContain('本地干部');
    expect(words).not.toContain(`编号${ids.cadre}，`);
    expect(words).toContain(`来源编号${ids.cadre}`);
    expect(words).not.toContain(who.idNumber);
  });

  it('a second time changes nothing at all', async () => {
    const src = sourceCopy();
    const doc = exportCounty(src);
    const { ev } = await evaluatorWithCounty(src, doc);
    const db = ev.ctx.db;
    const before = { changes: totalChanges(db), digest: digest(db) };
    const plan = planImport(db, doc, { self: EVALUATOR_FP });
    expect(plan.added + plan.updated + plan.linked).toBe(0);
    expect(plan.unchanged).toBe(Object.values(doc.tables).reduce((s, t) => s + t.rows.length, 0));
    const again = applyAs(ev, doc, EVALUATOR_FP);
    expect(again).toMatchObject({ importId: 0, added: 0, updated: 0 });
    expect(totalChanges(db)).toBe(before.changes);
    expect(digest(db)).toBe(before.digest);
    expect(count(db, 'SELECT COUNT(*) FROM imports')).toBe(1);
  });

  it('shows a changed source row as updated and applies it; new rows are added', async () => {
    const src = sourceCopy();
    const { ev, county } = await evaluatorWithCounty(src);
    const sdb = src.ctx.db;
    sdb.prepare(`UPDATE cadres SET phone = '13900001111', updated_at = '2025-10-01T00:00:00.000Z' WHERE id = ?`).run(ids.cadre);
    sdb.prepare(`UPDATE materials SET title = '第一季度驻村工作汇报（修订）' WHERE id = ?`).run(ids.material);
    sdb
      .prepare(
        `INSERT INTO worklog_entries (cadre_id, date, kind, place, situation, created_at, updated_at) VALUES (?, '2025-10-09', '会议', '村委会', '秋收动员', '2025-10-09T08:00:00.000Z', '2025-10-09T08:00:00.000Z')`,
      )
      .run(ids.cadre);
    const doc = exportCounty(src);
    const plan = planImport(ev.ctx.db, doc, { self: EVALUATOR_FP });
    const row = (t: string) => plan.tables.find((p) => p.table === t)!;
    expect(row('cadres')).toMatchObject({ added: 0, updated: 1, unchanged: 19 });
    expect(row('materials')).toMatchObject({ added: 0, updated: 1 });
    expect(row('worklog_entries')).toMatchObject({ added: 1, updated: 0, unchanged: 1 });
    expect(plan).toMatchObject({ added: 1, updated: 2 });
    const done = applyAs(ev, doc, EVALUATOR_FP);
    expect(done).toMatchObject({ added: 1, updated: 2 });
    const db = ev.ctx.db;
    expect(count(db, `SELECT COUNT(*) FROM cadres WHERE phone = '13900001111'`)).toBe(1);
    expect(searchMaterials(db, '修订').map((m) => m.title)).toContain('第一季度驻村工作汇报（修订）');
    expect(count(db, `SELECT COUNT(*) FROM worklog_entries WHERE situation = '秋收动员'`)).toBe(1);
    expect(count(db, 'SELECT COUNT(*) FROM imports')).toBe(2);
    expect(exportCountyRecords(db, { countyId: county, year: YEAR, origin: EVALUATOR_FP }).tables).toEqual(doc.tables);
  });
  it("a newer county bundle never overwrites the evaluator's own scores, but still updates the county's records", async () => {
    const src = sourceCopy();
    const { ev, county } = await evaluatorWithCounty(src);
    const edb = ev.ctx.db;
    const cadre = await scoreReport(ev, county);
    const sdb = src.ctx.db;
    sdb
      .prepare(`UPDATE eval_scores SET hundredths = 6100 WHERE county_id = ? AND cadre_id = ? AND cell = 'report'`)
      .run(ids.county, ids.cadre);
    sdb.prepare(`UPDATE cadres SET phone = '13900002222' WHERE id = ?`).run(ids.cadre);
    const plan = planImport(edb, exportCounty(src), { self: EVALUATOR_FP });
    expect(plan.tables.find((t) => t.table === 'eval_scores')).toMatchObject({ updated: 0 });
    expect(plan.tables.find((t) => t.table === 'cadres')).toMatchObject({ updated: 1 });
    applyAs(ev, exportCounty(src), EVALUATOR_FP);
    expect(count(edb, `SELECT hundredths FROM eval_scores WHERE county_id = ? AND cadre_id = ? AND cell = 'report'`, county, cadre)).toBe(
      7700,
    );
    expect(count(edb, `SELECT COUNT(*) FROM cadres WHERE phone = '13900002222'`)).toBe(1);
  });
});

describe('review bundles', () => {
  it("carry the evaluator's scores and comments back onto the county's own cadres", async () => {
    const src = sourceCopy();
    const { ev, county } = await evaluatorWithCounty(src);
    const edb = ev.ctx.db;
    const cadre = await scoreReport(ev, county);
    edb
      .prepare(
        `UPDATE eval_comments SET comment = '市级复核：材料翔实，评为优秀', author = '市委组织部' WHERE county_id = ? AND cadre_id = ?`,
      )
      .run(county, cadre);

    const review = exportReviewRecords(edb, { countyId: county, year: YEAR, origin: EVALUATOR_FP });
    expect(review.kind).toBe('review');
    expect(Object.keys(review.tables)).toEqual(['eval_scores', 'eval_ballots', 'eval_comments']);
    expect(
      review.tables.eval_scores!.rows.every((r) => r[0] === `${COUNTY_FP}#${ids.county}` && String(r[2]).startsWith(`${COUNTY_FP}#`)),
    ).toBe(true);

    const sdb = src.ctx.db;
    const cadresBefore = count(sdb, 'SELECT COUNT(*) FROM cadres');
    // The demo itself imported its second county; the review bundle maps nothing new.
    const mapBefore = count(sdb, 'SELECT COUNT(*) FROM import_map');
    const plan = planImport(sdb, review, { self: COUNTY_FP });
    expect(plan.tables.find((t) => t.table === 'eval_scores')).toMatchObject({ added: 0, updated: 1 });
    expect(plan.tables.find((t) => t.table === 'eval_comments')).toMatchObject({ updated: 1 });
    const done = applyAs(src, review, COUNTY_FP);
    expect(done).toMatchObject({ kind: 'review', added: 0, updated: 2 });
    expect(
      count(sdb, `SELECT hundredths FROM eval_scores WHERE county_id = ? AND cadre_id = ? AND cell = 'report'`, ids.county, ids.cadre),
    ).toBe(7700);
    expect(sdb.prepare('SELECT comment FROM eval_comments WHERE cadre_id = ?').pluck().get(ids.cadre)).toBe('市级复核：材料翔实，评为优秀');
    expect(count(sdb, 'SELECT COUNT(*) FROM cadres')).toBe(cadresBefore);
    expect(count(sdb, 'SELECT COUNT(*) FROM import_map')).toBe(mapBefore);
    expect(sdb.prepare('SELECT origin FROM counties WHERE id = ?').pluck().get(ids.county)).toBeNull();
    // a second time it lands on the same rows and changes nothing
    expect(applyAs(src, review, COUNTY_FP).importId).toBe(0);
  });
});

describe('refusals change nothing', () => {
  const refusedWith = (c: OpenCore, doc: unknown, self: string, message: string | RegExp, hasBlob?: (s: string) => boolean) => {
    const before = digest(c.ctx.db);
    expectAppError(() => planImport(c.ctx.db, doc as RecordsDoc, { self }), { code: 'IMPORT_REFUSED', message });
    expectAppError(() => applyAs(c, doc as RecordsDoc, self, hasBlob), { code: 'IMPORT_REFUSED', message });
    expect(digest(c.ctx.db)).toBe(before);
  };

  it('a county bundle over this department’s own county', () => {
    const src = sourceCopy();
    refusedWith(src, exportCounty(src), EVALUATOR_FP, '本机已有本单位的「岚川县」数据，不能用交换包覆盖');
  });

  it('a county already imported from another department', async () => {
    const src = sourceCopy();
    const { ev } = await evaluatorWithCounty(src);
    const other = { ...exportCounty(src), origin: 'FFFF-0000-9999-8888' };
    refusedWith(ev, other, EVALUATOR_FP, '「岚川县」已从其他单位导入，不能再用另一单位的交换包覆盖');
  });

  it('a review bundle for a county that is not this department’s own, or a finalised year', async () => {
    const src = sourceCopy();
    const { ev, county } = await evaluatorWithCounty(src);
    const review = exportReviewRecords(ev.ctx.db, { countyId: county, year: YEAR, origin: EVALUATOR_FP });
    refusedWith(ev, review, EVALUATOR_FP, '评审包所属的「岚川县」不是本单位的数据，不能导入评审结果');
    src.ctx.db
      .prepare(`UPDATE eval_years SET finalised_at = '2025-12-30T00:00:00.000Z' WHERE county_id = ? AND year = ?`)
      .run(ids.county, YEAR);
    refusedWith(src, review, COUNTY_FP, '「岚川县」2025年度考核已定稿，须先重新开放（撤销定稿）后才能导入评审结果');
  });

  it('references that resolve to nothing, a newer records version, a malformed document, a missing original', async () => {
    const src = sourceCopy();
    const doc = exportCounty(src);
    const ev = emptyArchive();
    await copyOriginals(src, ev, doc);
    const broken = structuredClone(doc);
    const p = broken.tables.postings!;
    p.rows[0]![p.columns.indexOf('township_id')] = `${COUNTY_FP}#99999`;
    refusedWith(ev, broken, EVALUATOR_FP, `交换包中的“任职经历”记录引用了本机不存在的“乡镇”（${COUNTY_FP}#99999），无法导入`);
    const ownRef = structuredClone(doc);
    ownRef.tables.cadres!.rows[0]![ownRef.tables.cadres!.columns.indexOf('unit_id')] = `${EVALUATOR_FP}#4242`;
    refusedWith(ev, ownRef, EVALUATOR_FP, /引用了本机不存在的“派出单位”/);
    refusedWith(
      ev,
      { ...doc, recordsVersion: 2 },
      EVALUATOR_FP,
      '该交换包的记录格式版本为 2，本软件只支持到版本 1，请升级 OneBag 后再导入',
    );
    refusedWith(ev, { recordsVersion: 1, kind: 'county', tables: 5 }, EVALUATOR_FP, /^交换包中的记录文件（records.json）格式不正确/);
    refusedWith(ev, null, EVALUATOR_FP, /^交换包中的记录文件（records.json）格式不正确/);
    const ragged = structuredClone(doc);
    ragged.tables.cadres!.rows[0]!.pop();
    refusedWith(ev, ragged, EVALUATOR_FP, /格式不正确/);
    refusedWith(
      ev,
      { ...doc, tables: { ...doc.tables, settings: { columns: ['key', 'value'], rows: [] } } },
      EVALUATOR_FP,
      /本版本不认识的数据（settings）/,
    );
    const before = digest(ev.ctx.db);
    expectAppError(() => applyAs(ev, doc, EVALUATOR_FP, () => false), { code: 'IMPORT_REFUSED', message: /个原件不在本机文件库中/ });
    expect(digest(ev.ctx.db)).toBe(before);
  });
});
