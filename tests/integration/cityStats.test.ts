/**
 * The city view on one real SQLite file holding two counties — this department's own and one
 * imported from another department (origin set, as an import leaves it). Each county's row is
 * exactly its own view's figures; the city total is their sum, shares recomputed from the summed
 * numerators and denominators; the all-county scope and its drill-down agree with the rows.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CityStatsJson } from '../../main/cli/commands/stats';
import { setCells } from '../../main/core/attendance/grid';
import { setCountySettings } from '../../main/core/attendance/settings';
import { certifyMonths } from './certifyFixture';
import { createCadre } from '../../main/core/cadres/cadres';
import { addCounty, addTownship, addVillage } from '../../main/core/org/org';
import { computeCityStats, computeStats, drillStats } from '../../main/core/stats';
import { saveProject } from '../../main/core/work/projects';
import { saveWeakVillage, setMilestone, setVillageIncome } from '../../main/core/work/weak';
import { openDatabase, type Db } from '../../main/store/db';
import { idCheckChar } from '../../shared/idNumber';
import { FIGURE_KEYS, FIGURE_META, percent, type CityStatsResult } from '../../shared/stats';
import { onebagHere } from '../fixtures/cliHere';

const TODAY = '2025-06-15';
const ORIGIN = 'ABCD-1234-EF56-7890';
let dir: string;
let db: Db;
let city: CityStatsResult;
const ids = { own: 0, imported: 0 };

const idNumber = (seq: number) => {
  const first17 = `21072719850101${String(seq).padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
};

/** A county built through the core functions: townships, villages, cadres posted from `start`. */
function county(
  name: string,
  kind: '县' | '市',
  start: string,
  seq: number,
  plan: { absentMay: number; delisted: string; incomeFen: number; fundsFen: number },
) {
  const countyId = addCounty(db, { name, kind }).id;
  const t1 = addTownship(db, { countyId, name: `${name}一镇` }).id;
  const t2 = addTownship(db, { countyId, name: `${name}二镇` }).id;
  const v1 = addVillage(db, { townshipId: t1, name: `${name}东村` }).id;
  const v2 = addVillage(db, { townshipId: t2, name: `${name}西村` }).id;
  const cadre = (i: number, t: number, v: number) =>
    createCadre(
      db,
      {
        name: `${name.slice(0, 1)}干部${i}`,
        gender: '男',
        birthDate: '1985-01-01',
        idNumber: idNumber(seq + 2 * i - 1),
        partyStatus: '中共党员',
        phone: null,
        unitId: null,
        level: '县级',
        postType: '村党组织第一书记',
      },
      { townshipId: t, villageId: v, start, end: null },
    ).id;
  const a = cadre(1, t1, v1);
  cadre(2, t2, v2);
  setCells(db, {
    townshipId: t1,
    month: '2024-05',
    edits: Array.from({ length: plan.absentMay }, (_, i) => ({
      cadreId: a,
      date: `2024-05-${String(i + 1).padStart(2, '0')}`,
      code: '缺勤' as const,
    })),
  });
  // Calendar days count (the county setting) and every month of 2024 is certified: only certified months count.
  setCountySettings(db, countyId, { restDaysCount: true });
  certifyMonths(
    db,
    [t1, t2],
    Array.from({ length: 12 }, (_, i) => `2024-${String(i + 1).padStart(2, '0')}`),
    TODAY,
  );
  saveWeakVillage(db, { villageId: v1, listedYear: 2022, notes: null });
  setMilestone(db, { villageId: v1, kind: '摘帽', date: plan.delisted, description: '集体收入达标，县验收摘帽' }, [], TODAY);
  setVillageIncome(db, v2, 2024, plan.incomeFen);
  saveProject(db, undefined, {
    cadreId: a,
    villageId: v1,
    name: `${name}香菇大棚`,
    kind: '产业发展',
    year: 2024,
    status: '在建',
    funds: [{ source: '派出单位资金', amountFen: plan.fundsFen }],
    inPark: false,
    notes: null,
  });
  return countyId;
}

/** What an import leaves behind: origin set. The read-only guard (when present) is off while the import writes, as it is here. */
function markImported(countyId: number): void {
  const guard = !!db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'exchange_guard'`).get();
  db.transaction(() => {
    if (guard) db.prepare('UPDATE exchange_guard SET enabled = 0 WHERE id = 1').run();
    db.prepare('UPDATE counties SET origin = ? WHERE id = ?').run(ORIGIN, countyId);
    if (guard) db.prepare('UPDATE exchange_guard SET enabled = 1 WHERE id = 1').run();
  })();
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onebag-city-'));
  db = openDatabase(dir);
  // 义县 since March 2024: 北村 de-listed in 2023 is before its term. 北镇市 since 2023: the same date is in its term.
  ids.own = county('义县', '县', '2024-03-01', 100, { absentMay: 12, delisted: '2023-12-01', incomeFen: 6_000_000, fundsFen: 10_000_000 });
  ids.imported = county('北镇市', '市', '2023-06-01', 200, {
    absentMay: 0,
    delisted: '2023-12-01',
    incomeFen: 4_000_000,
    fundsFen: 25_000_050,
  });
  markImported(ids.imported);
  city = computeCityStats(db, { year: 2024, today: TODAY });
});

afterAll(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('computeCityStats', () => {
  it('gives each county the figures of its own view, the imported one marked by its origin', () => {
    expect(city.counties.map((c) => [c.county, c.origin])).toEqual([
      ['义县', null],
      ['北镇市', ORIGIN],
    ]);
    for (const row of city.counties) {
      const own = computeStats(db, { year: 2024, countyId: row.countyId, today: TODAY });
      expect(row.figures, row.county).toEqual(own.county);
      expect(row.notes, row.county).toEqual(own.notes);
    }
    // The term differs by county: the same de-listing counts for 北镇市 only.
    expect(city.counties.map((c) => c.figures.weakDelistedTerm.value)).toEqual([0, 1]);
    expect(city.notes.weakDelistedTerm).toContain('义县自2024年3月1日起');
    expect(city.notes.weakDelistedTerm).toContain('北镇市自2023年6月1日起');
  });

  it('totals the counties: counts and money summed, shares from summed numerators and denominators', () => {
    for (const k of FIGURE_KEYS) {
      const sum = (pick: 'value' | 'of') => city.counties.reduce((n, c) => n + (c.figures[k][pick] ?? 0), 0);
      // A figure some county cannot give (e.g. no programme start year) has no city total.
      if (city.counties.some((c) => c.figures[k].value === null)) {
        expect(city.county[k].value, k).toBeNull();
        continue;
      }
      expect(city.county[k].value, k).toBe(sum('value'));
      if (FIGURE_META[k].share) expect(city.county[k].of, k).toBe(sum('of'));
    }
    expect(city.county.projectFunds.value).toBe(35_000_050);
    expect(city.county.villagesIncome50k.value).toBe(1);
    // 义县: 2 cadres × 10 months, one short month; 北镇市: 2 × 12, none short → 43/44, not the mean of 95% and 100%.
    const [own, imported] = city.counties;
    expect(own!.figures.attendance).toEqual({ value: 19, of: 20 });
    expect(imported!.figures.attendance).toEqual({ value: 24, of: 24 });
    expect(city.county.attendance).toEqual({ value: 43, of: 44 });
    expect(percent(city.county.attendance)).toBe('97.7%');
    expect(city.charts.fundingBySource).toEqual([{ source: '派出单位资金', fen: 35_000_050 }]);
    expect(city.charts.attendanceByMonth.find((m) => m.month === '2024-05')).toEqual({ month: '2024-05', met: 3, posted: 4 });
    expect(city.townships).toHaveLength(4);
  });

  it('agrees with the all-county scope and its drill-down', () => {
    const all = computeStats(db, { year: 2024, today: TODAY });
    expect(all.county).toEqual(city.county);
    const term = drillStats(db, { year: 2024, figure: 'weakDelistedTerm', today: TODAY });
    expect(term.records.map((r) => r.village)).toEqual(['北镇市东村']);
    const att = drillStats(db, { year: 2024, figure: 'attendance', today: TODAY });
    expect([att.records.filter((r) => r.counted).length, att.records.length]).toEqual([43, 44]);
  });
});

describe('onebag stats --city', () => {
  it('prints a row per county and the city total; --json has the same figures', async () => {
    db.close();
    try {
      const r = await onebagHere(dir, ['stats', '--city', '--year', '2024']);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain('全市 2024年度统计');
      expect(r.stdout).toMatch(/义县\s/);
      expect(r.stdout).toContain(`北镇市（导入 · ${ORIGIN}）`);
      expect(r.stdout).toMatch(/全市合计.*97\.7%（43\/44）/);
      const j = JSON.parse((await onebagHere(dir, ['stats', '--city', '--year', '2024', '--json'])).stdout) as CityStatsJson;
      expect(Object.keys(j)).toEqual(['year', 'scope', 'asOf', 'total', 'counties', 'notes', 'charts', 'leaders']);
      expect(j.counties.map((c) => [c.county, c.origin])).toEqual([
        ['义县', null],
        ['北镇市', ORIGIN],
      ]);
      expect(j.total.projects.value).toBe(2);
      const both = await onebagHere(dir, ['stats', '--city', '--county', '义县']);
      expect(both.code).toBe(2);
      expect(both.stderr).toContain('--city 与 --county 不能同时使用');
    } finally {
      db = openDatabase(dir);
    }
  });
});
