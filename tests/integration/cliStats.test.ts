/** `onebag stats` as a real process over a real data directory. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StatsJson } from '../../main/cli/commands/stats';
import { setCells } from '../../main/core/attendance/grid';
import { setCountySettings } from '../../main/core/attendance/settings';
import { certifyMonths } from './certifyFixture';
import { openDatabase } from '../../main/store/db';
import { FIGURE_KEYS } from '../../shared/stats';
import { onebagHere } from '../fixtures/cliHere';
import { insertCadre, insertCounty, insertTownship, insertVillage } from '../fixtures/sqlRows';

let tmp: string;
let dataDir: string;

/** Runs `tsx main/cli/index.ts --data TMP …` as a real process. */
const cli = (...args: string[]) => onebagHere(dataDir, args);

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'onebag-cli-stats-'));
  dataDir = path.join(tmp, 'data');
  const db = openDatabase(dataDir);
  const now = new Date().toISOString();
  const run = (sql: string, ...a: unknown[]) => Number(db.prepare(sql).run(...a).lastInsertRowid);
  const county = insertCounty(db, '义县');
  const other = insertCounty(db, '北镇市', '市');
  const t1 = insertTownship(db, county, '七里河镇');
  const t2 = insertTownship(db, county, '大榆树堡镇');
  const t3 = insertTownship(db, other, '广宁乡');
  const v1 = insertVillage(db, t1, '北村');
  const v2 = insertVillage(db, t2, '东村');
  const cadre = (name: string, idn: string) => insertCadre(db, name, idn);
  const zhang = cadre('张三', '110101199001011234');
  const li = cadre('李四', '110101199001012345');
  const sun = cadre('孙七', '110101199001015678');
  // 2023, Oct–Dec: 3 months each, long past.
  run(`INSERT INTO postings (cadre_id, township_id, village_id, start, "end") VALUES (?, ?, ?, '2023-10-01', '2023-12-31')`, zhang, t1, v1);
  run(`INSERT INTO postings (cadre_id, township_id, village_id, start, "end") VALUES (?, ?, ?, '2023-10-01', '2023-12-31')`, li, t2, v2);
  run(`INSERT INTO postings (cadre_id, township_id, start, "end") VALUES (?, ?, '2023-10-01', '2023-12-31')`, sun, t3);
  setCells(db, {
    townshipId: t1,
    month: '2023-11',
    edits: Array.from({ length: 15 }, (_, i) => ({
      cadreId: zhang,
      date: `2023-11-${String(i + 1).padStart(2, '0')}`,
      code: '缺勤' as const,
    })),
  });
  // Calendar days count here (the county setting) and every month is certified: only certified months count.
  for (const c of [county, other]) setCountySettings(db, c, { restDaysCount: true });
  certifyMonths(db, [t1, t2, t3], ['2023-10', '2023-11', '2023-12'], '2024-06-01');
  const p = run(
    `INSERT INTO projects (cadre_id, village_id, name, kind, year, status, created_at, updated_at) VALUES (?, ?, '香菇大棚', '产业发展', 2023, '在建', ?, ?)`,
    zhang,
    v1,
    now,
    now,
  );
  db.prepare(`INSERT INTO project_funds (project_id, source, amount_fen) VALUES (?, '派出单位资金', 12345600)`).run(p);
  db.close();
});

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('onebag stats', () => {
  it('prints the county figures and the township rows with their total', async () => {
    const r = await cli('stats', '--year', '2023', '--county', '义县');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('义县 2023年度统计');
    expect(r.stdout).toMatch(/月在岗达标率（%）\s+83\.3%（5\/6）/);
    expect(r.stdout).toMatch(/评先评优（人）\s+0\s+本年度受到表彰的选派干部人数/);
    expect(r.stdout).toMatch(/七里河镇.*66\.7%（2\/3）/);
    expect(r.stdout).toMatch(/大榆树堡镇.*100\.0%（3\/3）/);
    expect(r.stdout).toMatch(/合计.*83\.3%（5\/6）/);
    expect(r.stdout).not.toContain('广宁乡');
  });

  it('--json has stable camelCase keys and rows that add up to the total', async () => {
    const r = await cli('stats', '--year', '2023', '--county', '义县', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as StatsJson;
    expect(Object.keys(j)).toEqual(['year', 'county', 'asOf', 'total', 'townships', 'notes', 'charts']);
    expect(Object.keys(j.total)).toEqual([...FIGURE_KEYS]);
    expect(j.total.attendance).toEqual({ value: 5, of: 6, display: '83.3%' });
    expect(j.total.projectFunds).toEqual({ value: 12_345_600, display: '12.35' });
    expect(j.townships.map((t) => t.township)).toEqual(['七里河镇', '大榆树堡镇']);
    for (const k of FIGURE_KEYS) {
      // A figure the county cannot give (e.g. cumulative since an unset programme year) is null everywhere.
      if (j.total[k].value === null)
        expect(
          j.townships.map((t) => t.figures[k].value),
          k,
        ).toEqual(j.townships.map(() => null));
      else
        expect(
          j.townships.reduce((n, t) => n + (t.figures[k].value ?? 0), 0),
          k,
        ).toBe(j.total[k].value);
    }
    expect(j.charts.projectsByKind).toEqual([{ kind: '产业发展', count: 1 }]);
  });

  it('without --county sums every county', async () => {
    const j = JSON.parse((await cli('stats', '--year', '2023', '--json')).stdout) as StatsJson;
    expect(j.county).toBe('全部');
    expect(j.total.attendance.of).toBe(9);
  });

  it('refuses an unknown county (exit 1) and a bad year (exit 2), in Chinese', async () => {
    const bad = await cli('stats', '--year', '2023', '--county', '不存在县');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('找不到县（市、区）“不存在县”');
    const y = await cli('stats', '--year', '23');
    expect(y.code).toBe(2);
    expect(y.stderr).toContain('年度应为2000至2100之间的四位数字');
    expect((await cli('stats', '--yaer', '2023')).code).toBe(2);
  });
});
