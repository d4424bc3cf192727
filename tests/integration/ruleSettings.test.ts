/**
 * Rule settings per county and year (issue 13 item 4) on a real SQLite file: versions with an
 * effective year, the rules in force for each year, refusals in Chinese that store nothing, and
 * the thresholds actually read by the alerts (certification deadline), the report due dates and
 * the check-absence caps. `onebag settings rules` runs in-process over the same data folder.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore, type OpenCore } from '../../main/api/open';
import { createCadre } from '../../main/core/cadres/cadres';
import { computeAlerts } from '../../main/core/events/alerts';
import { candidates } from '../../main/core/events/common';
import { addCounty, addTownship, addVillage } from '../../main/core/org/org';
import { rulesInForce } from '../../main/core/rules/settings';
import { listReports } from '../../main/core/worklog/reports';
import type { RulesView } from '../../shared/rules';
import { handlerCalls } from '../fixtures/handlerCalls';
import { makeIdNumber } from '../fixtures/makeRoster';
import { onebagLines } from '../fixtures/cliHere';
import { closeTestCore, openTestCore } from '../fixtures/testDb';

let dir: string;
let core: OpenCore;
let county: number;
let township: number;
let cadre: number;
const { ok, refused } = handlerCalls(() => core);
const rows = () => (core.ctx.db.prepare('SELECT COUNT(*) AS n FROM rule_settings').get() as { n: number }).n;

async function cli(...args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  core.close();
  try {
    return await onebagLines(dir, args);
  } finally {
    core = openCore({ dataDir: dir, host: { kind: 'cli', blobUrl: (s) => `blob:${s}` } });
  }
}

beforeAll(() => {
  ({ dir, core } = openTestCore('rules', '组织部规则测试员'));
  const db = core.ctx.db;
  county = addCounty(db, { name: '凌河县', kind: '县' }).id;
  township = addTownship(db, { countyId: county, name: '石山镇' }).id;
  const village = addVillage(db, { townshipId: township, name: '前屯村' }).id;
  cadre = createCadre(
    db,
    {
      name: '赵立新',
      gender: '男',
      birthDate: '1986-04-02',
      idNumber: makeIdNumber('210701', '1986-04-02', 21, true),
      partyStatus: '中共党员',
      phone: null,
      unitId: null,
      level: '县级',
      postType: '村党组织第一书记',
    },
    { townshipId: township, villageId: village, start: '2024-01-01', end: null },
  ).id;
});
afterAll(() => closeTestCore(core, dir));

describe('rule settings per county and year', () => {
  it('start from the defaults, then each save is a version in force from its year on, never rewriting one', async () => {
    const first = await ok('rules.get', { countyId: county, year: 2025 });
    expect([first.source, first.settings.monthlyMinimum, first.settings.certifyDeadlineDays, first.history]).toEqual([
      'default',
      20,
      10,
      [],
    ]);

    const v1 = await ok('rules.set', {
      countyId: county,
      year: 2025,
      patch: { certifyDeadlineDays: 5, quarterDueDays: 7 },
      note: '县委组织部2025年1号文',
    });
    expect([v1.source, v1.effectiveYear, v1.version, v1.settings.certifyDeadlineDays, v1.settings.quarterDueDays]).toEqual([
      'version',
      2025,
      1,
      5,
      7,
    ]);
    const v2 = await ok('rules.set', { countyId: county, year: 2025, patch: { monthlyMinimum: 22 } });
    expect([v2.version, v2.settings.monthlyMinimum, v2.settings.certifyDeadlineDays]).toEqual([2, 22, 5]);

    const db = core.ctx.db;
    // Before its effective year a version does not apply; after, the newest one does until the next.
    expect(rulesInForce(db, county, 2024).source).toBe('default');
    expect(rulesInForce(db, county, 2024).settings.monthlyMinimum).toBe(20);
    expect([rulesInForce(db, county, 2026).effectiveYear, rulesInForce(db, county, 2026).version]).toEqual([2025, 2]);
    await ok('rules.set', { countyId: county, year: 2027, patch: { monthlyMinimum: 21 } });
    expect(rulesInForce(db, county, 2026).settings.monthlyMinimum).toBe(22);
    expect(rulesInForce(db, county, 2027).settings).toMatchObject({ monthlyMinimum: 21, certifyDeadlineDays: 5 });

    const view = await ok('rules.get', { countyId: county, year: 2025 });
    expect(view.history.map((h) => [h.effectiveYear, h.version, h.note, h.operator])).toEqual([
      [2027, 1, null, '组织部规则测试员'],
      [2025, 2, null, '组织部规则测试员'],
      [2025, 1, '县委组织部2025年1号文', '组织部规则测试员'],
    ]);
    // The first version still holds what it held.
    expect(view.history[2]!.settings.monthlyMinimum).toBe(20);
    const audit = db.prepare(`SELECT action, before, after FROM audit_log WHERE entity = 'rule_settings' ORDER BY id`).all() as Array<{
      action: string;
      before: string;
      after: string;
    }>;
    expect(audit).toHaveLength(3);
    expect(JSON.parse(audit[1]!.before).monthlyMinimum).toBe(20);
    expect(JSON.parse(audit[1]!.after).monthlyMinimum).toBe(22);
    // Saving what is already in force stores nothing.
    const n = rows();
    await ok('rules.set', { countyId: county, year: 2025, patch: { monthlyMinimum: 22 } });
    expect(rows()).toBe(n);
  });

  it('refuses bad values with a Chinese message and stores nothing', async () => {
    const n = rows();
    const bad = async (patch: object, message: RegExp) =>
      expect(await refused('rules.set', { countyId: county, year: 2025, patch })).toMatch(message);
    await bad({ monthlyMinimum: 40 }, /每月最少在岗天数不能超过31天/);
    await bad({ certifyDeadlineDays: -1 }, /考勤认定期限不能为负数/);
    await bad({ quarterDueDays: 1.5 }, /季度报告期限应为整数天/);
    await bad({ checkAbsence: { noExcellentAt: 3, maxBasicAt: 2, incompetentAt: 4 } }, /督查不在岗次数门槛应依次不减/);
    await bad({ printRankOnSheet: 'yes' }, /考核登记表是否打印组内排名/);
    await bad({ quotaPercent: 20 }, /.+/);
    expect(rows()).toBe(n);
  });

  it('drive the certification-deadline alert, the report due dates and the check caps of their year', async () => {
    const db = core.ctx.db;
    // 2025: certification within 5 days of the month's end (set above). March is due 04-05.
    const overdue = (today: string) =>
      computeAlerts(db, { year: 2025, countyId: county, today }).filter((a) => a.kind === '考勤逾期未认定' && a.month === '2025-03');
    expect(overdue('2025-04-05')).toEqual([]);
    expect(overdue('2025-04-06')[0]!.message).toContain('认定期限为2025年4月5日（月末后5天），已逾期1天');
    // 2024 keeps the default 10 days.
    const late2024 = computeAlerts(db, { year: 2024, countyId: county, today: '2024-04-10' }).filter(
      (a) => a.kind === '考勤逾期未认定' && a.month === '2024-03',
    );
    expect(late2024).toEqual([]);

    // Report due dates: Q1 2025 is due 7 days after the quarter, Q1 2024 after the default 10.
    expect(listReports(db, cadre, 2025, '2025-05-01').find((r) => r.period === '2025-Q1')!.dueDate).toBe('2025-04-07');
    expect(listReports(db, cadre, 2024, '2024-05-01').find((r) => r.period === '2024-Q1')!.dueDate).toBe('2024-04-10');

    // Check-absence caps read by the checks screen follow the year of the check.
    await ok('rules.set', { countyId: county, year: 2026, patch: { checkAbsence: { noExcellentAt: 2, maxBasicAt: 3, incompetentAt: 4 } } });
    expect(candidates(db, { townshipId: township, date: '2026-05-01' }).thresholds).toEqual({
      noExcellentAt: 2,
      maxBasicAt: 3,
      incompetentAt: 4,
    });
    expect(candidates(db, { townshipId: township, date: '2025-05-01' }).thresholds).toEqual({
      noExcellentAt: 1,
      maxBasicAt: 2,
      incompetentAt: 3,
    });
  });
});

describe('onebag settings rules', () => {
  it('shows the rules in force for a year with where they come from, and the quota rule’s home', async () => {
    const r = await cli('settings', 'rules', '--county', '凌河县', '--year', '2024');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('凌河县2024年度执行的规则：默认设置（本县未另行设置）');
    expect(r.out).toContain('每月最少在岗天数：20天');
    expect(r.out).toContain('优秀名额：2024年度尚未启用考核方案');
    expect(r.out).toContain('2025年起 第1版');
  });

  it('stores a change as a new version and prints it as JSON', async () => {
    const r = await cli(
      'settings',
      'rules',
      '--county',
      '凌河县',
      '--year',
      '2028',
      '--rest-days-count',
      'yes',
      '--half-due-days',
      '20',
      '--check-max-basic',
      '5',
      '--check-incompetent',
      '6',
      '--print-rank',
      '否',
      '--json',
    );
    expect(r.code).toBe(0);
    const v = JSON.parse(r.out) as RulesView;
    expect([
      v.effectiveYear,
      v.version,
      v.settings.restDaysCount,
      v.settings.halfDueDays,
      v.settings.checkAbsence,
      v.settings.printRankOnSheet,
    ]).toEqual([2028, 1, true, 20, { noExcellentAt: 1, maxBasicAt: 5, incompetentAt: 6 }, false]);
  });

  it('refuses bad values in Chinese and changes nothing', async () => {
    const n = rows();
    for (const [args, message] of [
      [['--monthly-minimum', '二十'], '每月最少在岗天数应为数字，收到“二十”'],
      [['--rest-days-count', 'maybe'], '休息日计入在岗天数应为 yes（是）或 no（否），收到“maybe”'],
      [['--certify-deadline-days', '100'], '考勤认定期限不能超过月末后90天'],
      [['--year', '1999', '--monthly-minimum', '18'], '年度应为2000至2100之间的整数'],
      [['--county', '不存在县', '--monthly-minimum', '18'], '找不到县（市、区）“不存在县”'],
    ] as Array<[string[], string]>) {
      const r = await cli(
        'settings',
        'rules',
        ...(args.includes('--county') ? [] : ['--county', '凌河县']),
        ...(args.includes('--year') ? [] : ['--year', '2025']),
        ...args,
      );
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.err).toContain(message);
    }
    expect(rows()).toBe(n);
    const usage = await cli('settings', 'rules', '--no-such-flag', '1');
    expect(usage.code).toBe(2);
  });
});
