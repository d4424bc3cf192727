/**
 * One alerts list for every kind: attendance/events, overdue reports (worklog) and work
 * (projects, weak villages, support) all come out of the alerts.list handler and `onebag alerts`,
 * from real records on a real data directory.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore, type OpenCore } from '../../main/api/open';
import type { AlertJson } from '../../main/cli/commands/alerts';
import { allAlerts } from '../../main/core/alerts/all';
import { dispatch } from '../../main/core/runtime/dispatch';
import { computeAlerts } from '../../main/core/events/alerts';
import { saveCheck } from '../../main/core/events/checks';
import { schedulingAlerts } from '../../main/core/scheduling/alerts';
import { setSetting } from '../../main/core/runtime/settings';
import { workAlerts } from '../../main/core/work/alerts';
import { planAlerts } from '../../main/core/work/planAlerts';
import { saveProject } from '../../main/core/work/projects';
import { worklogAlerts } from '../../main/core/worklog/alerts';
import { ALERT_KINDS, type Alert } from '../../shared/alerts';
import { onebagHere } from '../fixtures/cliHere';
import { insertCadre, insertCounty, insertTownship, insertVillage } from '../fixtures/sqlRows';

/** A past year: every report of it is overdue and every work rule has come due, whatever today is. */
const YEAR = 2023;
let tmp: string;
let dataDir: string;
let core: OpenCore;
const ids = { county: 0, other: 0, t1: 0, tOther: 0, v1: 0, zhang: 0, li: 0, far: 0, project: 0 };

const cli = (...args: string[]) => onebagHere(dataDir, args);

async function list(input: unknown): Promise<Alert[]> {
  const r = await dispatch(core.handlers, 'alerts.list', input);
  if (!r.ok) throw new Error(r.error.message);
  return r.value as Alert[];
}

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'onebag-allalerts-'));
  dataDir = path.join(tmp, 'data');
  core = openCore({ dataDir, host: { kind: 'cli', blobUrl: (s) => `blob:${s}` } });
  const { db } = core.ctx;
  setSetting(db, 'operator', '组织部刘干事');
  ids.county = insertCounty(db, '义县');
  ids.other = insertCounty(db, '北镇市', '市');
  ids.t1 = insertTownship(db, ids.county, '七里河镇');
  ids.tOther = insertTownship(db, ids.other, '广宁乡');
  ids.v1 = insertVillage(db, ids.t1, '北村');
  const cadre = (name: string, idNo: string) => insertCadre(db, name, idNo);
  ids.zhang = cadre('张三', '110101199001011234');
  ids.li = cadre('李四', '110101199001012345');
  ids.far = cadre('孙八', '110101199001016789');
  const post = db.prepare('INSERT INTO postings (cadre_id, township_id, village_id, start, "end") VALUES (?, ?, ?, ?, ?)');
  post.run(ids.zhang, ids.t1, ids.v1, '2023-10-01', '2023-12-31');
  post.run(ids.li, ids.t1, ids.v1, '2023-10-01', '2023-12-31');
  post.run(ids.far, ids.tOther, null, '2023-10-01', '2023-12-31'); // other county: never in 义县's list
  // Attendance/events source: a township check finding 张三 off post.
  saveCheck(db, {
    check: { townshipId: ids.t1, level: '乡镇', kind: '乡镇月检', date: '2023-11-08', checker: '七里河镇党委' },
    results: [{ cadreId: ids.zhang, onPost: false, reason: '无故离岗' }],
  });
  // Work source: 张三's project of the year, never publicised (李四 has none at all).
  ids.project = saveProject(db, undefined, {
    cadreId: ids.zhang,
    villageId: ids.v1,
    name: '食用菌大棚',
    kind: '产业发展',
    year: YEAR,
    status: '在建',
    funds: [],
    inPark: false,
    notes: null,
  }).id;
  // Worklog source: no report of 2023 was ever submitted.
});

afterAll(() => {
  core.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('every alert kind in one list', () => {
  it('alerts.list returns the five sources merged in ALERT_KINDS order', async () => {
    const rows = await list({ year: YEAR, countyId: ids.county });
    const kinds = rows.map((a) => a.kind);
    expect(kinds).toContain('督查不在岗');
    expect(kinds).toContain('报告逾期');
    expect(kinds).toContain('项目未公示');
    expect(kinds).toContain('年度无项目');
    const rank = kinds.map((k) => ALERT_KINDS.indexOf(k));
    expect(rank).toEqual([...rank].sort((a, b) => a - b));
    // Nothing lost, nothing added: exactly the five sources, in order.
    const { db } = core.ctx;
    const q = { year: YEAR, countyId: ids.county };
    expect(rows).toEqual([
      ...computeAlerts(db, q),
      ...worklogAlerts(db, q),
      ...workAlerts(db, q),
      ...schedulingAlerts(db, q),
      ...planAlerts(db, q),
    ]);
    expect(kinds).toContain('季度未调度');
    expect(rows).toEqual(allAlerts(db, q));

    const report = rows.find((a) => a.kind === '报告逾期' && a.cadreId === ids.li)!;
    expect(report).toMatchObject({
      severity: 'high',
      cadreName: '李四',
      township: '七里河镇',
      link: { view: 'worklog', cadreId: ids.li, tab: 'reports' },
    });
    expect(report.message).toContain('李四2023年');
    const project = rows.find((a) => a.kind === '项目未公示')!;
    expect(project).toMatchObject({
      severity: 'high',
      cadreName: '张三',
      link: { view: 'work', tab: 'projects', cadreId: ids.zhang, projectId: ids.project },
    });
    expect(project.message).toBe('张三的2023年项目“食用菌大棚”（北村）尚未在村公示栏公示');
    expect(rows.filter((a) => a.kind === '年度无项目').map((a) => a.cadreName)).toEqual(['李四']);
    expect(rows.some((a) => a.cadreName === '孙八')).toBe(false);

    // Without a county: the other county's cadre too.
    const all = await list({ year: YEAR });
    expect(all.some((a) => a.kind === '报告逾期' && a.cadreName === '孙八')).toBe(true);
    expect(all.some((a) => a.kind === '年度无项目' && a.cadreName === '孙八')).toBe(true);
  });

  it('`onebag alerts --json` lists the worklog and work kinds with the same keys', async () => {
    core.close();
    const r = await cli('alerts', '--year', String(YEAR), '--county', '义县', '--json');
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as AlertJson[];
    for (const a of rows) expect(Object.keys(a)).toEqual(['kind', 'severity', 'cadre', 'idNumber', 'township', 'month', 'date', 'message']);
    expect(rows.find((a) => a.kind === '项目未公示')).toMatchObject({
      severity: 'high',
      cadre: '张三',
      idNumber: '110101199001011234',
      township: '七里河镇',
      month: null,
      date: null,
      message: '张三的2023年项目“食用菌大棚”（北村）尚未在村公示栏公示',
    });
    const reports = rows.filter((a) => a.kind === '报告逾期');
    expect(reports.map((a) => a.cadre).sort()).toEqual(['张三', '张三', '李四', '李四'].sort());
    expect(reports.find((a) => a.cadre === '李四')).toMatchObject({ idNumber: '110101199001012345', township: '七里河镇' });
    expect(reports.every((a) => a.date && a.month === a.date.slice(0, 7))).toBe(true);
    expect(rows.find((a) => a.kind === '年度无项目')).toMatchObject({ cadre: '李四', date: '2023-12-31', month: '2023-12' });
    expect(rows.map((a) => a.kind)).toContain('督查不在岗');

    const table = await cli('alerts', '--year', String(YEAR), '--county', '义县');
    expect(table.code).toBe(0);
    expect(table.stdout).toContain(
      `${YEAR}年度预警共 ${rows.length} 条：考勤逾期未认定 3，督查不在岗 1，报告逾期 4，年度无项目 1，项目未公示 1`,
    );
    expect(table.stdout).toMatch(/项目未公示\s+严重\s+七里河镇\s+张三/);
  });
});
