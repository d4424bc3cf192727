/**
 * The proof of exchange: the demo county with some scores exports a real bundle; an
 * evaluator's empty data folder imports it (trusting the key), scores and comments in review
 * mode and sends a review bundle back; the county imports it. The county then has exactly the
 * evaluator's scores and comments and every other table as before; the evaluator's copy equals
 * the county's rows (ids translated); originals are byte-identical; importing either bundle
 * again changes nothing.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore, type OpenCore } from '../../main/api/open';
import { departmentKey, setDepartmentName } from '../../main/exchange/bundle/keys';
import { exportCountyBundle } from '../../main/exchange/exportBundle';
import { commitImport, previewImport } from '../../main/exchange/importBundle';
import { TABLES } from '../../main/exchange/records/tables';
import { exportReviewBundle } from '../../main/exchange/reviewBundle';
import { sha256File } from '../../main/files/durableFiles';
import { setSetting } from '../../main/core/runtime/settings';
import { handlerCalls } from '../fixtures/handlerCalls';
import { cellsFor } from './evaluationFixture';
import { canonicalRows, rowCounts, snapshot } from './exchangeCompare';
import { copyLoadedDemo } from '../fixtures/demoFolder';

const YEAR = 2025;
const REVIEW = new Set(['eval_scores', 'eval_ballots', 'eval_comments']);

let tmp: string;
let county: OpenCore;
let evaluator: OpenCore;
let countyBundle: string;
let reviewBundle: string;
let countyId = 0;
let copyId = 0;
let fpCounty = '';
let fpEval = '';

const open = (dir: string, operator: string) => {
  const core = openCore({ dataDir: dir, host: { kind: 'cli', blobUrl: (s) => `blob:${s}` } });
  setSetting(core.ctx.db, 'operator', operator);
  return core;
};
const env = (c: OpenCore) => ({ db: c.ctx.db, dataDir: c.ctx.dataDir, blobs: c.blobs });
const cadresOf = (c: OpenCore, cid: number) =>
  c.ctx.db
    .prepare(
      `SELECT DISTINCT c.id, c.name, c.post_type AS postType FROM cadres c JOIN postings p ON p.cadre_id = c.id JOIN townships t ON t.id = p.township_id WHERE t.county_id = ? ORDER BY c.id_number`,
    )
    .all(cid) as Array<{ id: number; name: string; postType: string }>;
const scorable = (c: OpenCore, cid: number) => cadresOf(c, cid).filter((x) => x.postType !== '驻村工作队员');

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'onebag-roundtrip-'));
  await copyLoadedDemo(path.join(tmp, 'county'), { operator: '县组织部张科长' }); // prepared once per run
  county = open(path.join(tmp, 'county'), '县组织部张科长');
  setDepartmentName(county.ctx.db, '岚川县委组织部');
  fpCounty = departmentKey(county.ctx.db).fingerprint;
  countyId = (county.ctx.db.prepare(`SELECT id FROM counties WHERE name = '岚川县'`).get() as { id: number }).id;
  // The county's own scheme and a few scores before it exports (the demo finalised its year: reopen it first).
  const { ok } = handlerCalls(() => county);
  await ok('evaluation.results.reopen', { countyId, year: YEAR, reason: '改用村民评议加权方案重新评分' });
  const s = await ok('evaluation.schemes.createFromTemplate', { countyId, year: YEAR, template: 'villagers30' });
  await ok('evaluation.schemes.activate', { id: s.id });
  for (const c of scorable(county, countyId).slice(0, 3)) {
    await ok('evaluation.sheet.save', { ballots: [], countyId, year: YEAR, cells: cellsFor(c.id, c.postType as '村党组织第一书记', 80) });
  }
  evaluator = open(path.join(tmp, 'evaluator'), '市考核组李处长');
  setDepartmentName(evaluator.ctx.db, '市委组织部考核组');
  fpEval = departmentKey(evaluator.ctx.db).fingerprint;
}, 300_000); // the first test file to need it builds the prepared demo (with its year of work)

afterAll(() => {
  county?.close();
  evaluator?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('county → evaluator → county', () => {
  let before: Record<string, string[]>;

  it('exports the county as a real signed zip', async () => {
    before = snapshot(county.ctx.db, fpCounty);
    countyBundle = path.join(tmp, 'out', '岚川县-2025.onebag');
    const r = await exportCountyBundle(env(county), { countyId, year: YEAR, out: countyBundle, withDossiers: false });
    expect(r.fingerprint).toBe(fpCounty);
    expect(r.counts.cadres).toBe(20);
    expect(r.counts.originals).toBeGreaterThan(10);
    const head = fs.readFileSync(countyBundle).subarray(0, 4);
    expect(head.readUInt32LE(0)).toBe(0x04034b50);
    expect((await sha256File(countyBundle)).sha256).toBe(r.sha256);
  });

  it('the evaluator sees an unknown signer, trusts it and imports everything', async () => {
    const p = await previewImport(env(evaluator), countyBundle);
    expect(p.signer).toMatchObject({ name: '岚川县委组织部', fingerprint: fpCounty, trusted: false, revoked: false });
    expect(p.plan.added).toBeGreaterThan(100);
    await expect(commitImport(env(evaluator), countyBundle)).rejects.toThrow(/尚未信任“岚川县委组织部”/);
    expect(evaluator.ctx.db.prepare('SELECT COUNT(*) AS n FROM cadres').get()).toEqual({ n: 0 });

    const r = await commitImport(env(evaluator), countyBundle, { trustSigner: true });
    expect(r.unchanged).toBe(false);
    expect(r.plan.added).toBe(p.plan.added);
    copyId = (evaluator.ctx.db.prepare(`SELECT id FROM counties WHERE name = '岚川县'`).get() as { id: number }).id;
    expect(evaluator.ctx.db.prepare('SELECT origin FROM counties WHERE id = ?').pluck().get(copyId)).toBe(fpCounty);
  });

  it("the evaluator's copy equals the county's rows, with ids translated", async () => {
    const params = { county: countyId, year: YEAR, from: `${YEAR}-01-01`, to: `${YEAR}-12-31`, ylike: `${YEAR}%` };
    const copyParams = { ...params, county: copyId };
    let compared = 0;
    for (const spec of TABLES) {
      if (!spec.scope) continue;
      const a = canonicalRows(county.ctx.db, fpCounty, spec.table, spec.scope, params);
      const b = canonicalRows(evaluator.ctx.db, fpEval, spec.table, spec.scope, copyParams);
      // The one intended difference: the copy knows where it came from.
      if (spec.table === 'counties') {
        expect(evaluator.ctx.db.prepare('SELECT origin FROM counties WHERE id = ?').pluck().get(copyId)).toBe(fpCounty);
        expect(b.map(noOrigin)).toEqual(a.map(noOrigin));
        continue;
      }
      expect(b, spec.table).toEqual(a);
      compared += a.length;
    }
    expect(compared).toBeGreaterThan(200);
    // Originals byte for byte.
    const shas = county.ctx.db.prepare('SELECT sha256 FROM material_files').pluck().all() as string[];
    let checked = 0;
    for (const sha of new Set(shas)) {
      if (!evaluator.blobs.has(sha)) continue;
      expect((await sha256File(evaluator.blobs.pathOf(sha))).sha256).toBe(sha);
      checked++;
    }
    expect(checked).toBeGreaterThan(10);
  });

  it('the imported county is read-only except for the evaluator’s scores and comments', async () => {
    const { ok, refusal } = handlerCalls(() => evaluator);
    const cadre = cadresOf(evaluator, copyId)[0]!;
    const e = await refusal('cadres.update', { id: cadre.id, cadre: { ...(await cadreInput(cadre.id)), name: '改名' } });
    expect(e.code).toBe('FORBIDDEN');
    expect(e.message).toContain('只读');
    // Scores: change one the county entered, add two new ones; comments on two cadres.
    const [c0, , , c3, c4] = scorable(evaluator, copyId);
    for (const [c, x] of [
      [c0!, 91],
      [c3!, 85],
      [c4!, 77],
    ] as const) {
      await ok('evaluation.sheet.save', {
        ballots: [],
        countyId: copyId,
        year: YEAR,
        cells: cellsFor(c.id, c.postType as '村党组织第一书记', x),
      });
    }
    await ok('exchange.comments.set', { countyId: copyId, year: YEAR, cadreId: c0!.id, comment: '驻村工作扎实，群众认可度高。' });
    await ok('exchange.comments.set', { countyId: copyId, year: YEAR, cadreId: c3!.id, comment: '产业项目推进偏慢，建议加强。' });
    expect(await ok('exchange.comments.list', { countyId: copyId, year: YEAR })).toHaveLength(2);
  });

  it('the review bundle brings exactly the evaluator’s scores and comments back', async () => {
    reviewBundle = path.join(tmp, 'out', '岚川县-2025-评审结果.onebag');
    const r = await exportReviewBundle(env(evaluator), { countyId: copyId, year: YEAR, out: reviewBundle });
    expect(r.size).toBeLessThan(200_000);
    await expect(
      exportCountyBundle(env(evaluator), { countyId: copyId, year: YEAR, out: path.join(tmp, 'out', 'x.onebag'), withDossiers: false }),
    ).rejects.toThrow(/评审副本，不能作为本单位数据再次导出/);

    const p = await previewImport(env(county), reviewBundle);
    expect(p.signer).toMatchObject({ name: '市委组织部考核组', trusted: false });
    const res = await commitImport(env(county), reviewBundle, { trustSigner: true });
    expect(res.unchanged).toBe(false);

    const after = snapshot(county.ctx.db, fpCounty);
    for (const t of Object.keys(before)) if (!REVIEW.has(t)) expect(after[t], t).toEqual(before[t]);
    const scope = 'county_id = :c AND year = :y';
    for (const t of REVIEW) {
      const mine = canonicalRows(county.ctx.db, fpCounty, t, scope, { c: countyId, y: YEAR }).map(dropTimes);
      const theirs = canonicalRows(evaluator.ctx.db, fpEval, t, scope, { c: copyId, y: YEAR }).map(dropTimes);
      expect(mine, t).toEqual(theirs);
    }
    const comments = county.ctx.db.prepare('SELECT comment FROM eval_comments WHERE county_id = ? ORDER BY comment').pluck().all(countyId);
    expect(comments).toEqual(['产业项目推进偏慢，建议加强。', '驻村工作扎实，群众认可度高。']);
  });

  it('the county’s 考核登记表 prints the evaluator’s comment', async () => {
    const { ok } = handlerCalls(() => county);
    const cadreId = county.ctx.db
      .prepare('SELECT cadre_id FROM eval_comments WHERE county_id = ? AND comment = ?')
      .pluck()
      .get(countyId, '驻村工作扎实，群众认可度高。') as number;
    const pdf = await ok('evaluation.print.sheet', { cadreId, year: YEAR });
    const text = execFileSync('pdftotext', ['-layout', county.blobs.pathOf(pdf.sha256), '-'], { encoding: 'utf8' });
    expect(text).toContain('评审单位意见');
    expect(text).toContain('驻村工作扎实，群众认可度高。');
    expect(text).toContain('李处长');
  });

  it('importing either bundle again changes nothing', async () => {
    const countyCounts = rowCounts(county.ctx.db);
    const evalCounts = rowCounts(evaluator.ctx.db);
    const evalBefore = snapshot(evaluator.ctx.db, fpEval);
    const countyBefore = snapshot(county.ctx.db, fpCounty);
    const again1 = await commitImport(env(county), reviewBundle);
    const plan2 = await previewImport(env(evaluator), countyBundle);
    expect(plan2.plan.tables.filter((t) => t.added + t.updated > 0)).toEqual([]);
    const again2 = await commitImport(env(evaluator), countyBundle);
    expect([again1.unchanged, again2.unchanged]).toEqual([true, true]);
    expect(again1.plan.added + again1.plan.updated + again2.plan.added + again2.plan.updated).toBe(0);
    expect(rowCounts(county.ctx.db)).toEqual(countyCounts);
    expect(rowCounts(evaluator.ctx.db)).toEqual(evalCounts);
    expect(snapshot(evaluator.ctx.db, fpEval)).toEqual(evalBefore);
    expect(snapshot(county.ctx.db, fpCounty)).toEqual(countyBefore);
  });
});

function noOrigin(row: string): string {
  const o = JSON.parse(row) as Record<string, unknown>;
  delete o.origin;
  return JSON.stringify(o);
}

/** Comment and score rows carry local save times; the content is what must match. */
function dropTimes(row: string): string {
  const o = JSON.parse(row) as Record<string, unknown>;
  delete o.updated_at;
  return JSON.stringify(o);
}

async function cadreInput(id: number) {
  const { ok } = handlerCalls(() => evaluator);
  const c = await ok('cadres.get', { id });
  return {
    name: c.name,
    gender: c.gender,
    birthDate: c.birthDate,
    idNumber: c.idNumber,
    partyStatus: c.partyStatus,
    phone: c.phone,
    unitId: c.unitId,
    level: c.level,
    postType: c.postType,
  };
}
