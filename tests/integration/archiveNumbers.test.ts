/**
 * Archive numbers that hold (issue 11 A), on the demo county's real PDFs read back with
 * pdftotext: every volume's 档号 and every typeset item's 档号 is unique in the county; the batch
 * run again, and again after the roster is re-imported in another row order with a new cadre,
 * prints the same 档号 for every existing volume and item; an original keeps one 件号 in the year
 * and the term volume; an item taken out leaves a gap that the 备考表 explains.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenCore } from '../../main/api/open';
import { listMaterials, removeMaterial } from '../../main/core/bag/bag';
import { commitRoster } from '../../main/core/roster/roster';
import { runCountyBatch } from '../../main/dossier/batch/county';
import { CATALOGUE_COLUMNS } from '../../main/dossier/compose/frontmatter';
import { getDossierSettings } from '../../main/dossier/fromDb/settings';
import { makeRosterRows, writeRosterXlsx, type RosterRow } from '../fixtures/makeRoster';
import { openDemoCopy, removeDemoCopy } from '../fixtures/demoCopy';
import { volumeNumberAssigner } from '../../main/core/archive/numbers';
import { printDossier } from '../fixtures/printDossier';

const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
const squash = (s: string) => s.replace(/\s+/g, '');
// -raw keeps the hyphen where a 档号 wraps at a line end
const pageText = (f: string, p: number) => squash(run('pdftotext', ['-raw', '-f', String(p), '-l', String(p), f, '-']));
/** x and width (mm from the left edge) of the catalogue's 档号 column: after the 28 mm margin and 序号. */
const CODE_X_MM = 28 + CATALOGUE_COLUMNS[0]![1];
const CODE_W_MM = CATALOGUE_COLUMNS[1]![1];
/** Text of the catalogue's 档号 column (the whole height), in reading order. */
const codeColumn = (f: string, p: number) =>
  squash(
    run('pdftotext', [
      '-raw',
      '-f',
      String(p),
      '-l',
      String(p),
      '-x',
      String(Math.round((CODE_X_MM * 72) / 25.4)),
      '-y',
      '0',
      '-W',
      String(Math.round((CODE_W_MM * 72) / 25.4)),
      '-H',
      '842',
      f,
      '-',
    ]),
  );
const ITEM_CODE = /0001-WS·\d{4}-D30-ZZB-\d{4}/g;
const VOLUME_CODE = /0001-WS·\d{4}-D30-ZZB-J\d{4}/g;

let dir: string;
let core: OpenCore;
let countyId: number;

beforeAll(async () => {
  ({ dir, core, countyId } = await openDemoCopy('numbers')); // the demo county, prepared once per run
}, 300_000);

afterAll(() => removeDemoCopy(core, dir));

interface Printed {
  /** cadre name → volume 档号, as read from the PDF's cover */
  volumes: Map<string, string>;
  /** cadre name → item 档号 in catalogue order, as read from the 卷内目录 */
  items: Map<string, string[]>;
  catalogue: string;
}

async function batch(name: string): Promise<Printed> {
  const out = path.join(dir, name);
  const settings = getDossierSettings(core.ctx.db);
  const o = await runCountyBatch(
    core.ctx.db,
    core.blobs,
    { numbers: volumeNumberAssigner(core.ctx.db), countyId, year: 2024, outDir: out },
    settings,
    { progress: () => {}, cancelled: () => false },
  );
  expect(o.results.every((r) => r.error === null)).toBe(true);
  const volumes = new Map<string, string>();
  const items = new Map<string, string[]>();
  for (const r of o.results) {
    const cover = pageText(r.file!, 1);
    const vol = cover.match(VOLUME_CODE) ?? [];
    expect(new Set(vol).size, `cover of ${r.name}`).toBe(1);
    expect(vol[0]).toBe(r.archiveCode);
    volumes.set(r.name, vol[0]!);
    items.set(r.name, catalogueCodes(r.file!));
  }
  return { volumes, items, catalogue: squash(run('pdftotext', ['-raw', o.catalogue!, '-'])) };
}

/** Item 档号 in a volume's 卷内目录 (the pages between the cover and page "— 1 —"), in row order. */
function catalogueCodes(file: string): string[] {
  const codes: string[] = [];
  for (let p = 2; !/—1—/.test(pageText(file, p)); p++) codes.push(...(codeColumn(file, p).match(ITEM_CODE) ?? []));
  return codes;
}

let first: Printed;

describe('archive numbers', () => {
  it('are unique across the county batch: volumes, typeset items, and volume vs item', async () => {
    first = await batch('run1');
    const vols = [...first.volumes.values()];
    expect(vols.length).toBeGreaterThan(5);
    expect(new Set(vols).size).toBe(vols.length);
    // every volume listed in the 案卷目录 under its 档号
    expect(first.catalogue).toContain('案卷目录');
    for (const v of vols) expect(first.catalogue).toContain(v);
    // an item's 档号 appears in one volume only, unless it is the same original filed in several
    const owners = new Map<string, Set<string>>();
    for (const [name, codes] of first.items) {
      expect(codes.length, name).toBeGreaterThan(3);
      for (const c of codes) owners.set(c, (owners.get(c) ?? new Set()).add(name));
    }
    const shared = [...owners].filter(([, o]) => o.size > 1).map(([c]) => c);
    const originals = core.ctx.db.prepare("SELECT code FROM archive_items WHERE source_key LIKE 'blob:%'").all() as Array<{ code: string }>;
    const originalCodes = new Set(originals.map((r) => r.code));
    for (const c of shared) expect(originalCodes.has(c), `${c} shared by ${[...owners.get(c)!]}`).toBe(true);
    // within one volume no 件号 twice (except the same original listed twice)
    for (const [name, codes] of first.items) {
      const dup = codes.filter((c, i) => codes.indexOf(c) !== i && !originalCodes.has(c));
      expect(dup, name).toEqual([]);
    }
    // a volume's 档号 never reads as an item's
    for (const v of vols) expect(owners.has(v)).toBe(false);
  }, 300_000);

  it('are the same when the batch runs again and after a roster re-import in another order with a new cadre', async () => {
    const again = await batch('run2');
    expect(again.volumes).toEqual(first.volumes);
    expect(again.items).toEqual(first.items);

    const rows = rosterFromDb().reverse();
    const [extra] = makeRosterRows(1, { county: '岚川县', seed: 77, idOffset: 9000, dateStyle: 'iso' });
    extra!['乡镇'] = rows[0]!['乡镇']; // sorts into the middle of the county list
    extra!['村'] = rows[0]!['村'];
    extra!['任职开始'] = '2024-02-01';
    extra!['任职结束'] = null;
    rows.splice(Math.floor(rows.length / 2), 0, extra!);
    const file = path.join(dir, 'roster.xlsx');
    await writeRosterXlsx(file, rows);
    const r = await commitRoster(core.ctx.db, file);
    expect(r.inserted).toBe(1);

    const after = await batch('run3');
    expect(after.volumes.size).toBe(first.volumes.size + 1);
    for (const [name, code] of first.volumes) expect(after.volumes.get(name), name).toBe(code);
    for (const [name, codes] of first.items) expect(after.items.get(name), name).toEqual(codes);
    const newCode = after.volumes.get(String(extra!['姓名']))!;
    expect(newCode).toMatch(/-J\d{4}$/);
    expect([...first.volumes.values()]).not.toContain(newCode);
  }, 600_000);

  it('gives an original one 件号 in the year volume and the term volume', async () => {
    const db = core.ctx.db;
    const settings = getDossierSettings(db);
    const row = db
      .prepare(
        `SELECT v.cadre_id AS cadreId, i.code FROM archive_items i JOIN archive_volume_items m ON m.item_id = i.id
           JOIN archive_volumes v ON v.id = m.volume_id WHERE i.source_key LIKE 'blob:%' AND v.kind = 'year' LIMIT 1`,
      )
      .get() as { cadreId: number; code: string };
    const out = path.join(dir, 'term.pdf');
    const g = await printDossier(core, row.cadreId, 'term', out, { settings });
    expect(catalogueCodes(out)).toContain(row.code);
    expect(g.archiveCode).toMatch(/-J\d{4}$/);
    const year = (db.prepare("SELECT code FROM archive_volumes WHERE cadre_id = ? AND kind = 'year'").get(row.cadreId) as { code: string })
      .code;
    expect(g.archiveCode).not.toBe(year);
  });

  it('leaves a gap the 备考表 explains when an item is taken out, and never reuses the number', async () => {
    const db = core.ctx.db;
    const settings = getDossierSettings(db);
    const [name, codes] = [...first.items].find(([n]) => listMaterials(db, cadreIdOf(n), 2024).length > 0)!;
    const cadreId = cadreIdOf(name);
    const material = listMaterials(db, cadreId, 2024)[0]!;
    // typeset items of that volume keep their numbers; the material's original leaves
    const before = new Set(codes);
    removeMaterial(db, material.id);
    const out = path.join(dir, 'after-remove.pdf');
    const g = await printDossier(core, cadreId, 2024, out, { settings });
    expect(g.archiveCode).toBe(first.volumes.get(name));
    const pages = Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [out]))![1]);
    const closing = pageText(out, pages);
    expect(closing).toContain('备考表');
    expect(closing).toContain('件号空缺说明');
    const now = catalogueCodes(out);
    const gone = [...before].filter((c) => !now.includes(c));
    expect(gone.length).toBeGreaterThan(0);
    for (const c of gone) {
      expect(closing).toContain(c);
      const holders = db.prepare('SELECT COUNT(*) AS n FROM archive_items WHERE code = ?').get(c) as { n: number };
      expect(holders.n).toBe(1);
    }
    // the next item numbered in that group does not take the freed number
    const max = db.prepare("SELECT MAX(item_no) AS m FROM archive_items WHERE year = '2024'").get() as { m: number };
    for (const c of gone) expect(Number(c.slice(-4))).toBeLessThanOrEqual(max.m);
  });
});

function cadreIdOf(name: string): number {
  return (core.ctx.db.prepare('SELECT id FROM cadres WHERE name = ?').get(name) as { id: number }).id;
}

/** The demo's roster as spreadsheet rows (latest posting of each cadre). */
function rosterFromDb(): RosterRow[] {
  const rows = core.ctx.db
    .prepare(
      `SELECT c.name, c.gender, c.birth_date AS birth, c.id_number AS idNumber, c.party_status AS party, c.phone,
              u.name AS unit, u.level AS unitLevel, c.level, c.post_type AS post, co.name AS county, t.name AS township,
              v.name AS village, p.start, p."end" AS "end"
         FROM cadres c JOIN postings p ON p.cadre_id = c.id
         JOIN townships t ON t.id = p.township_id JOIN counties co ON co.id = t.county_id
         LEFT JOIN villages v ON v.id = p.village_id LEFT JOIN units u ON u.id = c.unit_id
        WHERE p.start = (SELECT MAX(start) FROM postings WHERE cadre_id = c.id)
        ORDER BY c.id`,
    )
    .all() as Array<Record<string, string | null>>;
  return rows.map((r) => ({
    姓名: r.name!,
    性别: r.gender!,
    出生年月: r.birth ?? null,
    身份证号: r.idNumber!,
    政治面貌: r.party!,
    联系电话: r.phone ?? null,
    派出单位: r.unit ?? null,
    派出单位层级: r.unitLevel ?? null,
    选派层级: r.level!,
    任职类型: r.post!,
    '县(市、区)': r.county!,
    乡镇: r.township!,
    村: r.village ?? null,
    任职开始: r.start!,
    任职结束: r.end ?? null,
  }));
}
