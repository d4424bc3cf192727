/**
 * An imported county is read-only in the evaluator's archive: through the ONE handler table,
 * editing a cadre, filing a material, marking attendance or adding a township is refused with
 * the FORBIDDEN message, while entering evaluation scores and ballots works; the evaluator's
 * own county stays editable, and a later import still updates the county.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenCore } from '../../main/api/open';
import { applyImport, exportCountyRecords } from '../../main/exchange/records';
import { NOT_EXPORTED, TABLES } from '../../main/exchange/records/tables';
import { GUARD_EXEMPT, READ_ONLY_MESSAGE, guardedTables } from '../../main/store/readOnlyGuards';
import type { CadreInput } from '../../shared/api/cadres';
import { handlerCalls } from '../fixtures/handlerCalls';
import { ballotSheet, buildEvalFixture, scoreAll, YEAR, type EvalIds } from './evaluationFixture';
import { COUNTY_FP, EVALUATOR_FP, openDir, tempDir } from './exchangeFixture';

const FORBIDDEN = { code: 'FORBIDDEN', message: READ_ONLY_MESSAGE };
let src: OpenCore;
let ev: OpenCore;
let srcIds: EvalIds;
const dirs: string[] = [];
/** Local ids in the evaluator's archive. */
const e = { county: 0, township: 0, cadre: 0, unit: 0 };

const { ok, refusal, stage } = handlerCalls(() => ev);

/** GB 11643 check digit, so the cadre edits pass validation and reach the database. */
function withCheckDigit(first17: string): string {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * w[i]!, 0);
  return first17 + '10X98765432'[sum % 11]!;
}

async function pdf(text: string): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage([595, 842]).drawText(text, { x: 40, y: 700, size: 18, font });
  return Buffer.from(await doc.save());
}

const importInto = (doc = exportCountyRecords(src.ctx.db, { countyId: srcIds.county, year: YEAR, origin: COUNTY_FP })) =>
  applyImport(ev.ctx.db, doc, {
    self: EVALUATOR_FP,
    bundleId: randomUUID(),
    bundleSha256: 'b'.repeat(64),
    signerName: '义县委组织部',
    hasBlob: (s) => ev.blobs.has(s),
  });

const localOf = (entity: string, remote: number) =>
  ev.ctx.db
    .prepare('SELECT local_id FROM import_map WHERE origin = ? AND entity = ? AND remote_id = ?')
    .pluck()
    .get(COUNTY_FP, entity, remote) as number;

const cadreInput = (
  d: {
    name: string;
    gender: CadreInput['gender'];
    birthDate: string | null;
    idNumber: string;
    partyStatus: CadreInput['partyStatus'];
    unitId: number | null;
    level: CadreInput['level'];
    postType: CadreInput['postType'];
  },
  phone: string,
): CadreInput => ({
  name: d.name,
  gender: d.gender,
  birthDate: d.birthDate,
  idNumber: d.idNumber,
  partyStatus: d.partyStatus,
  phone,
  unitId: d.unitId,
  level: d.level,
  postType: d.postType,
});

beforeAll(() => {
  const a = tempDir('guard-src');
  const b = tempDir('guard-eval');
  dirs.push(a, b);
  src = openDir(a);
  ev = openDir(b);
  srcIds = buildEvalFixture(src);
  // valid ID numbers (the fixture's are placeholders) so edits reach the guard, not the validator
  const cadres = src.ctx.db.prepare('SELECT id FROM cadres ORDER BY id').pluck().all() as number[];
  cadres.forEach((id, i) =>
    src.ctx.db
      .prepare('UPDATE cadres SET id_number = ? WHERE id = ?')
      .run(withCheckDigit(`11010119880501${String(101 + 2 * i).padStart(3, '0')}`), id),
  );
  scoreAll(src, srcIds, { finalise: false });
  // A weak village with a milestone, and an allowance payment: records a clerk could undo at home.
  const village = src.ctx.db.prepare('SELECT village_id FROM postings WHERE cadre_id = ?').pluck().get(srcIds.cadres['张伟']) as number;
  src.ctx.db
    .prepare(
      `INSERT INTO weak_villages (village_id, listed_year, notes, created_at, updated_at) VALUES (?, ?, NULL, '2024-05-01T08:00:00.000Z', '2024-05-01T08:00:00.000Z')`,
    )
    .run(village, YEAR);
  src.ctx.db
    .prepare(
      `INSERT INTO weak_milestones (village_id, kind, date, description, updated_at) VALUES (?, '发展思路', ?, '发展食用菌', '2024-05-01T08:00:00.000Z')`,
    )
    .run(village, `${YEAR}-05-01`);
  src.ctx.db
    .prepare(
      `INSERT INTO allowance_payments (cadre_id, year, quarter, amount_fen, paid_on, created_at) VALUES (?, ?, 1, 100000, ?, '2024-05-01T08:00:00.000Z')`,
    )
    .run(srcIds.cadres['张伟'], YEAR, `${YEAR}-04-10`);
  importInto();
  e.county = localOf('counties', srcIds.county);
  e.township = localOf('townships', srcIds.t1);
  e.cadre = localOf('cadres', srcIds.cadres['张伟']!);
});

afterAll(() => {
  src?.close();
  ev?.close();
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe('read-only guard for an imported county', () => {
  it('covers every county table of a bundle but the evaluator’s own work', () => {
    const guarded = guardedTables(ev.ctx.db);
    const expected = TABLES.map((t) => t.table).filter((t) => !['units', 'blobs', 'holidays'].includes(t) && !GUARD_EXEMPT.has(t));
    // Every county table a bundle carries is guarded; a guarded table a bundle does not carry
    // (e.g. 核查 records) must be one the exchange deliberately leaves out.
    expect(guarded).toEqual(expect.arrayContaining(expected));
    for (const t of guarded.filter((x) => !expected.includes(x))) expect(NOT_EXPORTED as readonly string[]).toContain(t);
    for (const t of GUARD_EXEMPT) expect(guarded).not.toContain(t);
  });

  it('refuses editing a cadre, filing a material, marking attendance and adding a township', async () => {
    const before = await ok('cadres.get', { id: e.cadre });
    expect(await refusal('cadres.update', { id: e.cadre, cadre: cadreInput(before, '13800001111') })).toEqual(FORBIDDEN);
    expect((await ok('cadres.get', { id: e.cadre })).phone).toBe(before.phone);

    const token = await stage('调研报告.pdf', await pdf('survey 2024'));
    const material = {
      category: '调研报告',
      title: '村情调研报告',
      date: '2024-05-06',
      year: YEAR,
      responsible: null,
      docNumber: null,
      secrecy: '公开',
      notes: null,
    };
    expect(await refusal('bag.add', { cadreId: e.cadre, material, files: [token] })).toEqual(FORBIDDEN);
    expect(ev.ctx.db.prepare('SELECT COUNT(*) FROM materials').pluck().get()).toBe(0);

    const edits = [{ cadreId: e.cadre, date: '2024-05-07', code: '缺勤' }];
    expect(await refusal('attendance.setCells', { townshipId: e.township, month: '2024-05', edits })).toEqual(FORBIDDEN);
    expect(ev.ctx.db.prepare('SELECT COUNT(*) FROM attendance_cells').pluck().get()).toBe(0);

    expect(await refusal('org.addTownship', { countyId: e.county, name: '新设乡' })).toEqual(FORBIDDEN);
    expect(() => ev.ctx.db.prepare('DELETE FROM postings WHERE cadre_id = ?').run(e.cadre)).toThrow(READ_ONLY_MESSAGE);
    expect(() => ev.ctx.db.prepare(`UPDATE counties SET name = '改名县' WHERE id = ?`).run(e.county)).toThrow(READ_ONLY_MESSAGE);
  });

  it('refuses undoing its weak listing, milestone or allowance payment', async () => {
    const village = ev.ctx.db.prepare('SELECT village_id FROM weak_villages').pluck().get() as number;
    const payment = ev.ctx.db.prepare('SELECT id FROM allowance_payments').pluck().get() as number;
    expect([village, payment].every((x) => x > 0)).toBe(true);
    expect(await refusal('work.weak.clearMilestone', { villageId: village, kind: '发展思路' })).toEqual(FORBIDDEN);
    expect(await refusal('work.weak.remove', { villageId: village })).toEqual(FORBIDDEN);
    expect(await refusal('work.support.removePayment', { id: payment })).toEqual(FORBIDDEN);
    expect(ev.ctx.db.prepare('SELECT COUNT(*) FROM weak_milestones').pluck().get()).toBe(1);
    expect(ev.ctx.db.prepare('SELECT COUNT(*) FROM allowance_payments').pluck().get()).toBe(1);
  });

  it('lets the evaluator enter scores and ballots', async () => {
    const saved = await ok('evaluation.sheet.save', {
      ballots: [],
      countyId: e.county,
      year: YEAR,
      cells: [{ cadreId: e.cadre, component: 'report', indicator: null, value: 88 }],
    });
    expect(saved.saved).toBe(1);
    await ok(
      'evaluation.sheet.save',
      ballotSheet({
        countyId: e.county,
        year: YEAR,
        cadreId: e.cadre,
        satisfied: 95,
        basic: 5,
        unsatisfied: 0,
        ballots: 100,
      }),
    );
    const grid = await ok('evaluation.scores.grid', { countyId: e.county, year: YEAR });
    expect(grid.rows.find((r) => r.cadreId === e.cadre)!.values.report).toBe(88);
  });

  it('leaves the evaluator’s own county editable', async () => {
    const county = await ok('org.addCounty', { name: '本市直属区', kind: '区' });
    const township = await ok('org.addTownship', { countyId: county.id, name: '城关镇' });
    const created = await ok('cadres.create', {
      cadre: cadreInput(
        {
          name: '赵敏',
          gender: '男',
          birthDate: '1990-01-01',
          idNumber: withCheckDigit('11010119900101001'),
          partyStatus: '中共党员',
          unitId: null,
          level: '县级',
          postType: '村党组织第一书记',
        },
        '13700002222',
      ),
      posting: { townshipId: township.id, villageId: null, start: '2024-01-01', end: null },
    });
    const updated = await ok('cadres.update', { id: created.id, cadre: cadreInput(created, '13700003333') });
    expect(updated.phone).toBe('13700003333');
  });

  it('still lets a later bundle update the imported county, and stays on afterwards', async () => {
    src.ctx.db.prepare(`UPDATE cadres SET phone = '13600004444' WHERE id = ?`).run(srcIds.cadres['张伟']);
    const done = importInto();
    expect(done.updated).toBeGreaterThan(0);
    expect((await ok('cadres.get', { id: e.cadre })).phone).toBe('13600004444');
    expect(ev.ctx.db.prepare('SELECT enabled FROM exchange_guard').pluck().get()).toBe(1);
    const now = await ok('cadres.get', { id: e.cadre });
    expect(await refusal('cadres.update', { id: e.cadre, cadre: cadreInput(now, '13800001111') })).toEqual(FORBIDDEN);
  });
});
