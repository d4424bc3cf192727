/**
 * Roster import (花名册导入): preview what a county spreadsheet would change, then commit the
 * good rows in one transaction. Cadres are keyed by ID number, so re-importing a sheet updates
 * instead of duplicating; a changed posting is recorded as a move, keeping history.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { CadreInput } from '../../../shared/api/cadres';
import type { RosterPreview, RosterPreviewRow, RosterResult, RosterRowError } from '../../../shared/domain';
import { maskIdNumber } from '../../../shared/idNumber';
import { AppError } from '../../../shared/result';
import { nowIso, type Db } from '../../store/db';
import { audit } from '../audit/log';
import { snapshot } from '../audit/snapshot';
import { insertCadreRow, insertPostingRow, updateCadreRow } from '../cadres/cadres';
import { ensureCounty, ensureTownship, ensureUnit, ensureVillage } from '../org/org';
import { checkRosterRow, type RosterRecord } from './rows';
import { ROSTER_COLUMNS, REQUIRED_COLUMNS, readRosterSheet, type RosterColumn, type RosterSheet } from './sheet';
import { DEFAULT_PARTY_STATUS, rosterWarnings, unconfirmed } from './warnings';

/** The last file read, so that commit right after preview does not parse the sheet twice. */
let lastRead: { key: string; sheet: RosterSheet } | null = null;

async function readCached(filePath: string): Promise<RosterSheet> {
  let key = '';
  try {
    const st = fs.statSync(filePath);
    key = `${path.resolve(filePath)}|${st.size}|${st.mtimeMs}`;
  } catch {
    // readRosterSheet reports the unreadable file in Chinese.
  }
  if (key && lastRead?.key === key) return lastRead.sheet;
  const sheet = await readRosterSheet(filePath);
  if (key) lastRead = { key, sheet };
  return sheet;
}

interface StoredCadre {
  id: number;
  name: string;
  gender: CadreInput['gender'];
  birthDate: string | null;
  partyStatus: CadreInput['partyStatus'];
  phone: string | null;
  unitId: number | null;
  level: CadreInput['level'];
}
type PostingAction = 'none' | 'insert' | 'move' | { setEnd: { postingId: number } };
interface PlannedRow {
  record: RosterRecord;
  existing: StoredCadre | null;
  posting: PostingAction;
}
interface Plan {
  columns: RosterColumn[];
  rows: PlannedRow[];
  bad: RosterRowError[];
  newUnits: string[];
}

interface PostingRow {
  cadreId: number;
  id: number;
  start: string;
  end: string | null;
  county: string;
  township: string;
  village: string | null;
}

const samePlace = (p: PostingRow, r: RosterRecord) => p.county === r.county && p.township === r.township && p.village === r.village;

/** Decides, against what is stored, what each good row will do; DB-dependent refusals join the bad rows. */
function plan(db: Db, sheet: RosterSheet): Plan {
  const stored = new Map<string, StoredCadre>();
  for (const c of db
    .prepare(
      `SELECT id, name, gender, birth_date AS birthDate, party_status AS partyStatus, phone, unit_id AS unitId, level,
              id_number AS idNumber FROM cadres`,
    )
    .all() as Array<StoredCadre & { idNumber: string }>) {
    stored.set(c.idNumber, c);
  }
  // Every posting at once, newest first per cadre: one query instead of one per row.
  const postingsOf = new Map<number, PostingRow[]>();
  for (const p of db
    .prepare(
      `SELECT p.cadre_id AS cadreId, p.id, p.start, p."end" AS "end", co.name AS county, t.name AS township,
              v.name AS village
       FROM postings p JOIN townships t ON t.id = p.township_id JOIN counties co ON co.id = t.county_id
       LEFT JOIN villages v ON v.id = p.village_id ORDER BY p.cadre_id, p.start DESC, p.id DESC`,
    )
    .all() as PostingRow[]) {
    const list = postingsOf.get(p.cadreId);
    if (list) list.push(p);
    else postingsOf.set(p.cadreId, [p]);
  }

  const known = new Set<string>();
  for (const r of db.prepare('SELECT name FROM counties').all() as Array<{ name: string }>) known.add(r.name);
  for (const r of db
    .prepare("SELECT c.name || ' / ' || t.name AS p FROM townships t JOIN counties c ON c.id = t.county_id")
    .all() as Array<{ p: string }>)
    known.add(r.p);
  for (const r of db
    .prepare(
      `SELECT c.name || ' / ' || t.name || ' / ' || v.name AS p FROM villages v
       JOIN townships t ON t.id = v.township_id JOIN counties c ON c.id = t.county_id`,
    )
    .all() as Array<{ p: string }>)
    known.add(r.p);
  for (const r of db.prepare('SELECT name FROM units').all() as Array<{ name: string }>) known.add(`派出单位：${r.name}`);

  const rows: PlannedRow[] = [];
  const bad: RosterRowError[] = [];
  const newUnits: string[] = [];
  const seen = new Map<string, number>();
  const addNew = (p: string) => {
    if (!known.has(p)) {
      known.add(p);
      newUnits.push(p);
    }
  };

  for (const sr of sheet.rows) {
    const chk = checkRosterRow(sr);
    if (!chk.ok) {
      bad.push({ row: sr.row, name: chk.name, reason: chk.reason });
      continue;
    }
    const r = chk.record;
    const first = seen.get(r.idNumber);
    if (first !== undefined) {
      bad.push({ row: r.row, name: r.name, reason: `身份证号与第${first}行重复` });
      continue;
    }
    seen.set(r.idNumber, r.row);
    const existing = stored.get(r.idNumber) ?? null;
    let posting: PostingAction = 'insert';
    if (existing) {
      const history = postingsOf.get(existing.id) ?? [];
      const cur = history[0];
      const same = history.find((p) => p.start === r.start && samePlace(p, r));
      if (!cur) posting = 'insert';
      else if (same === cur) posting = r.end !== null && r.end !== cur.end ? { setEnd: { postingId: cur.id } } : 'none';
      else if (same)
        posting = 'none'; // an older sheet: that posting is already in the history
      else if (r.start > cur.start) posting = 'move';
      else {
        bad.push({
          row: r.row,
          name: r.name,
          reason: `任职开始日期（${r.start}）不晚于该干部现任职务的开始日期（${cur.start}），不能作为调动导入；如需更正，请在干部详情中修改`,
        });
        continue;
      }
    }
    if (posting !== 'none') {
      addNew(r.county);
      addNew(`${r.county} / ${r.township}`);
      if (r.village) addNew(`${r.county} / ${r.township} / ${r.village}`);
    }
    if (r.unit) addNew(`派出单位：${r.unit.name}`);
    rows.push({ record: r, existing, posting });
  }
  bad.sort((a, b) => a.row - b.row);
  return { columns: sheet.columns, rows, bad, newUnits };
}

/** Columns taken from the ID number when the sheet lacks them: not missing. */
const DERIVED_COLUMNS: RosterColumn[] = ['性别', '出生年月'];

const ACTION: Record<'insert' | 'move' | 'none' | 'end', string> = { insert: '新增', move: '调动', none: '更新', end: '任职结束' };

function previewRow({ record: r, existing, posting }: PlannedRow): RosterPreviewRow {
  const kind = typeof posting === 'string' ? posting : 'end';
  return {
    row: r.row,
    name: r.name,
    gender: r.gender,
    birthDate: r.birthDate,
    idNumberMasked: maskIdNumber(r.idNumber),
    postType: r.postType,
    partyStatus: r.partyStatus ?? (existing ? null : DEFAULT_PARTY_STATUS),
    unitName: r.unit?.name ?? null,
    place: [r.county, r.township, r.village].filter(Boolean).join(' / '),
    start: r.start,
    end: r.end,
    action: existing ? (kind === 'insert' ? '更新' : ACTION[kind]) : '新增',
  };
}

export async function previewRoster(db: Db, filePath: string): Promise<RosterPreview> {
  const p = plan(db, await readCached(filePath));
  const updated = p.rows.filter((r) => r.existing).length;
  const absent = ROSTER_COLUMNS.filter((c) => !p.columns.includes(c) && !REQUIRED_COLUMNS.includes(c));
  return {
    columns: p.columns,
    // 政治面貌 left out is a warning (the default is recorded), not a silent gap.
    missingColumns: absent.filter((c) => !DERIVED_COLUMNS.includes(c) && c !== '政治面貌'),
    derivedColumns: absent.filter((c) => DERIVED_COLUMNS.includes(c)),
    goodRows: p.rows.length,
    newCadres: p.rows.length - updated,
    updatedCadres: updated,
    rows: p.rows.map(previewRow),
    badRows: p.bad,
    newUnits: p.newUnits,
    warnings: rosterWarnings(db, p.rows, p.newUnits),
  };
}

/**
 * Imports the good rows in one transaction; bad rows are skipped (the preview lists them).
 * Refused, changing nothing, while a warning of the preview is not in `confirmed` (the app's
 * channel passes the keys the clerk ticked; the CLI and core callers confirm by running it).
 */
export async function commitRoster(db: Db, filePath: string, confirmed: readonly string[] | 'all' = 'all'): Promise<RosterResult> {
  const sheet = await readCached(filePath);
  return db.transaction(() => {
    const p = plan(db, sheet);
    const open = unconfirmed(rosterWarnings(db, p.rows, p.newUnits), confirmed);
    if (open.length > 0) {
      throw new AppError('CONFLICT', `导入前请先逐条确认以下提示（未导入任何数据）：${open.map((w) => w.text).join('；')}`);
    }
    const ids = new Map<string, number>();
    const cached = (key: string, make: () => number) => {
      let id = ids.get(key);
      if (id === undefined) ids.set(key, (id = make()));
      return id;
    };
    const now = nowIso();
    const setEnd = db.prepare('UPDATE postings SET "end" = ? WHERE id = ?');
    const insertPosting = db.prepare('INSERT INTO postings (cadre_id, township_id, village_id, start, "end") VALUES (?, ?, ?, ?, ?)');
    let inserted = 0;
    let updated = 0;
    for (const { record: r, existing, posting } of p.rows) {
      const unitId = r.unit ? cached(`u|${r.unit.name}`, () => ensureUnit(db, r.unit!.name, r.unit!.level)) : undefined;
      const input: CadreInput = {
        name: r.name,
        gender: r.gender,
        birthDate: r.birthDate,
        idNumber: r.idNumber,
        partyStatus: r.partyStatus ?? existing?.partyStatus ?? DEFAULT_PARTY_STATUS,
        phone: r.phone ?? existing?.phone ?? null,
        unitId: unitId ?? existing?.unitId ?? null,
        level: r.level ?? existing?.level ?? '县级',
        postType: r.postType,
      };
      const before = existing ? cadreState(db, existing.id) : undefined;
      const cadreId = existing ? existing.id : insertCadreRow(db, input, now);
      const changed = existing ? updateCadreRow(db, existing.id, input, now) : [];
      if (posting === 'insert' || posting === 'move') {
        const countyId = cached(`c|${r.county}`, () => ensureCounty(db, r.county));
        const townshipId = cached(`t|${r.county}|${r.township}`, () => ensureTownship(db, countyId, r.township));
        const villageId = r.village ? cached(`v|${townshipId}|${r.village}`, () => ensureVillage(db, townshipId, r.village!)) : null;
        const p = { townshipId, villageId, start: r.start, end: r.end };
        if (existing) insertPostingRow(db, cadreId, p);
        else insertPosting.run(cadreId, p.townshipId, p.villageId, p.start, p.end); // nothing to close
      } else if (posting !== 'none') {
        setEnd.run(r.end, posting.setEnd.postingId);
      }
      if (!existing) {
        inserted++;
        audit(db, 'import', 'cadre', cadreId, { row: r.row, created: true }, { after: cadreState(db, cadreId) });
      } else {
        updated++;
        if (changed.length || posting !== 'none') {
          audit(
            db,
            'import',
            'cadre',
            cadreId,
            { row: r.row, changed, posting: typeof posting === 'string' ? posting : 'end' },
            { before, after: cadreState(db, cadreId) },
          );
        }
      }
    }
    const result = { inserted, updated, skipped: p.bad.length };
    audit(db, 'import', 'roster', null, { file: path.basename(filePath), ...result });
    lastRead = null; // the staged file is discarded after a commit: free the parsed rows
    return result;
  })();
}

/** The cadre row with its postings, as the audit log records an imported cadre before/after. */
function cadreState(db: Db, id: number): Record<string, unknown> {
  const postings = db.prepare('SELECT * FROM postings WHERE cadre_id = ? ORDER BY start, id').all(id);
  return { ...snapshot(db, 'cadres', id), postings };
}
