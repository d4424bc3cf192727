/**
 * The demo is a real year relative to the day it is loaded on: loaded on the suite's today
 * (early June, the prepared folder) and on 12 January of the next year, nothing is dated after
 * that day, and the year before it is complete — every cadre posted all of it has 12 certified
 * months, and the current month is not certified.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore } from '../../main/api/open';
import { registerMonths } from '../../main/core/attendance/register';
import { useRealClock } from '../../main/core/runtime/clock';
import { loadDemo } from '../../main/demo/demo';
import { openDatabase, type Db } from '../../main/store/db';
import { copyLoadedDemo } from '../fixtures/demoFolder';
import { TEST_TODAY } from '../fixtures/testToday';
import { ownTownshipIds } from '../fixtures/ownTownships';

/** After the December certification day and deadline of the year before. */
const LATER = '2027-01-12';
const dirs: string[] = [];
const dbs = new Map<string, Db>();

beforeAll(async () => {
  const a = fs.mkdtempSync(path.join(os.tmpdir(), 'onebag-demoyear-'));
  dirs.push(a);
  await copyLoadedDemo(a);
  dbs.set(TEST_TODAY, openDatabase(a));
  const b = fs.mkdtempSync(path.join(os.tmpdir(), 'onebag-demoyear-'));
  dirs.push(b);
  const core = openCore({ dataDir: b, host: { kind: 'cli', blobUrl: (s) => s } });
  try {
    // The files on this thread: the same demo, without a worker thread's start-up under tsx (test time).
    await loadDemo(core.ctx, core.blobs, { today: LATER, worker: false });
  } finally {
    core.close();
  }
  dbs.set(LATER, openDatabase(b));
}, 600_000);

afterAll(() => {
  for (const db of dbs.values()) db.close();
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  useRealClock();
});

/** Every business date the demo writes, table by table. */
const DATED: Array<[string, string]> = [
  ['postings', 'start'],
  ['materials', 'date'],
  ['attendance_cells', 'date'],
  ['leave_requests', 'end_date'],
  ['leave_requests', 'approved_on'],
  ['attendance_certifications', 'certified_on'],
  ['checks', 'date'],
  ['must_attend_events', 'date'],
  ['register_verifications', 'concluded_on'],
  ['worklog_entries', 'date'],
];

describe.each([TEST_TODAY, LATER])('the demo loaded on %s', (today) => {
  const db = () => dbs.get(today)!;
  const y = Number(today.slice(0, 4));

  it('dates nothing after today, and the postings start on 1 March two years back', () => {
    for (const [table, column] of DATED) {
      const n = db().prepare(`SELECT COUNT(*) FROM ${table} WHERE ${column} > ?`).pluck().get(today) as number;
      expect(n, `${table}.${column}`).toBe(0);
      expect(
        db().prepare(`SELECT COUNT(*) FROM ${table} WHERE ${column} IS NOT NULL`).pluck().get() as number,
        `${table} has rows`,
      ).toBeGreaterThan(0);
    }
    expect(db().prepare('SELECT MIN(start) FROM postings').pluck().get()).toBe(`${y - 2}-03-01`);
  });

  it('makes the year before today complete: 12 certified months for every cadre posted all year', () => {
    // The demo county's registers (the imported county's are its department's).
    const own = new Set(ownTownshipIds(db()));
    const months = registerMonths(db(), { from: `${y - 1}-01`, to: `${y - 1}-12`, today }).filter((m) => own.has(m.townshipId));
    const cadres = new Set(months.map((m) => m.cadreId));
    // The 20 (the moved cadre is posted all year too, in two villages).
    expect(cadres.size).toBe(20);
    let allYear = 0;
    for (const id of cadres) {
      const mine = new Set(months.filter((m) => m.cadreId === id).map((m) => m.month));
      const certified = new Set(months.filter((m) => m.cadreId === id && m.certification !== null).map((m) => m.month));
      expect(certified, `cadre ${id}`).toEqual(mine);
      if (certified.size === 12) allYear++;
    }
    expect(allYear).toBe(20);
  });

  it('leaves the current month uncertified and entered to date only', () => {
    const month = today.slice(0, 7);
    expect(db().prepare('SELECT COUNT(*) FROM attendance_certifications WHERE month >= ?').pluck().get(month)).toBe(0);
  });
});
