/** `onebag alerts` as a real process over a real data directory. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlertJson } from '../../main/cli/commands/alerts';
import { setCells } from '../../main/core/attendance/grid';
import { saveCheck } from '../../main/core/events/checks';
import { saveEvent } from '../../main/core/events/mustAttend';
import { openDatabase } from '../../main/store/db';
import { onebagHere } from '../fixtures/cliHere';
import { insertCadre, insertCounty, insertTownship } from '../fixtures/sqlRows';

let tmp: string;
let dataDir: string;

/** Runs `tsx main/cli/index.ts --data TMP …` as a real process. */
const cli = (...args: string[]) => onebagHere(dataDir, args);

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'onebag-cli-alerts-'));
  dataDir = path.join(tmp, 'data');
  const db = openDatabase(dataDir);
  const county = insertCounty(db, '义县');
  db.prepare(`INSERT INTO counties (name, kind) VALUES ('北镇市', '市')`).run();
  const t = insertTownship(db, county, '七里河镇');
  const add = (name: string, idNumber: string) => insertCadre(db, name, idNumber);
  const zhang = add('张三', '110101199001011234');
  const li = add('李四', '110101199001012345');
  // Posted only in December 2023: one month of 2023, so the 2023 alerts are few and known.
  for (const c of [zhang, li])
    db.prepare(`INSERT INTO postings (cadre_id, township_id, start, "end") VALUES (?, ?, '2023-12-01', '2023-12-31')`).run(c, t);
  setCells(db, {
    townshipId: t,
    month: '2023-12',
    edits: Array.from({ length: 13 }, (_, i) => ({
      cadreId: zhang,
      date: `2023-12-${String(i + 1).padStart(2, '0')}`,
      code: '缺勤' as const,
    })),
  });
  saveEvent(db, {
    event: { townshipId: t, kind: '重要会议', title: '年终述职会', date: '2023-12-20', place: '镇会议室' },
    expected: [{ cadreId: li, present: false, absenceReason: '病假' }],
  });
  saveCheck(db, {
    check: { townshipId: t, level: '乡镇', kind: '乡镇月检', date: '2023-12-11', checker: '七里河镇党委' },
    results: [{ cadreId: zhang, onPost: false, reason: '无故离岗' }],
  });
  db.close();
});

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('onebag alerts', () => {
  it('--json lists every kind with stable keys and the full ID number', async () => {
    const r = await cli('alerts', '--year', '2023', '--json');
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as AlertJson[];
    expect(rows.map((a) => [a.kind, a.cadre, a.month, a.date])).toEqual([
      // No 月在岗不足: December 2023 was never certified (it is 考勤逾期未认定 instead).
      ['考勤逾期未认定', null, '2023-12', null],
      ['五必到缺席', '李四', '2023-12', '2023-12-20'],
      ['督查不在岗', '张三', '2023-12', '2023-12-11'],
      // Every kind is listed: the year's reports never submitted, and no project by year end.
      ['报告逾期', '李四', '2024-01', '2024-01-15'],
      ['报告逾期', '张三', '2024-01', '2024-01-15'],
      ['报告逾期', '李四', '2024-01', '2024-01-10'],
      ['报告逾期', '张三', '2024-01', '2024-01-10'],
      ['年度无项目', '李四', '2023-12', '2023-12-31'],
      ['年度无项目', '张三', '2023-12', '2023-12-31'],
      // The county held no 调度 for the quarter its cadres served in.
      ['季度未调度', null, '2023-12', '2023-12-31'],
      // No 2023 年度计划 (due 30 days after arriving on 1 December), and no county 抽查 in December
      // (the 乡镇月检 of 12月11日 was there).
      ['无年度计划', '李四', '2023-12', '2023-12-31'],
      ['无年度计划', '张三', '2023-12', '2023-12-31'],
      ['县级抽查缺失', null, '2023-12', null],
    ]);
    expect(Object.keys(rows[0]!)).toEqual(['kind', 'severity', 'cadre', 'idNumber', 'township', 'month', 'date', 'message']);
    expect(rows[2]!.idNumber).toBe('110101199001011234');
    expect(rows[0]!.message).toContain('2023年12月考勤尚未经乡镇党委签字盖章认定');
    expect(rows[0]!.idNumber).toBeNull();
    expect(rows[2]!.message).toContain('不得评为优秀');
  });

  it('prints a Chinese table with counts by kind, and filters by county', async () => {
    const r = await cli('alerts', '--year', '2023', '--county', '义县');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      '2023年度预警共 13 条：考勤逾期未认定 1，五必到缺席 1，督查不在岗 1，报告逾期 4，年度无项目 2，季度未调度 1，无年度计划 2，县级抽查缺失 1',
    );
    expect(r.stdout).toMatch(/督查不在岗\s+严重\s+七里河镇\s+张三\s+2023-12-11/);
    const other = await cli('alerts', '--year', '2023', '--county', '北镇市');
    expect(other.code).toBe(0);
    expect(other.stdout.trim()).toBe('2023年度没有预警');
    expect(JSON.parse((await cli('alerts', '--year', '2022', '--json')).stdout)).toEqual([]);
  });

  it('refuses an unknown county (exit 1) and a bad year or stray argument (exit 2)', async () => {
    const county = await cli('alerts', '--county', '不存在县');
    expect(county.code).toBe(1);
    expect(county.stderr).toContain('找不到县（市、区）“不存在县”');
    const year = await cli('alerts', '--year', '二〇二四');
    expect(year.code).toBe(2);
    expect(year.stderr).toContain('年度应为2000至2100之间的四位数字');
    expect((await cli('alerts', '2024')).code).toBe(2);
    expect((await cli('alerts', '--yaer', '2024')).stderr).toContain('不认识的选项：--yaer');
  });
});
