/**
 * City leaders who contract counties (包县) on real SQLite files: the city department's archive
 * holds its own county and one imported from another department through the real records import.
 * Covers the record and its validation (Chinese refusals that change nothing), the audit trail,
 * naming the leader on 市级 checks (own and imported counties alike), the year's view from the
 * records, and that a county bundle neither carries the city's records nor overwrites them.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCadre } from '../../main/core/cadres/cadres';
import { removeCheck, saveCheck } from '../../main/core/events/checks';
import { linkCheckLeader } from '../../main/core/leaders/checkLeader';
import { leadersYear } from '../../main/core/leaders/leaderYear';
import { listLeaders, removeLeader, saveLeader } from '../../main/core/leaders/leaders';
import { addCounty, addTownship, addVillage } from '../../main/core/org/org';
import { exportCountyRecords } from '../../main/exchange/records/export';
import { applyImport } from '../../main/exchange/records/import';
import { openDatabase, type Db } from '../../main/store/db';
import { idCheckChar } from '../../shared/idNumber';
import type { CheckKind, CheckLevel } from '../../shared/events';
import { NO_CHECKS_TEXT } from '../../shared/leaders';
import type { CityStatsJson } from '../../main/cli/commands/stats';
import { onebagHere } from '../fixtures/cliHere';

const ORIGIN = 'QSXX-1234-5678-9ABC';
let dir: string;
let city: Db;
let src: Db;
const ids = { own: 0, ownT: 0, imported: 0, a1: 0, a2: 0, srcCadre: 0, srcSpring: 0, srcSummer: 0 };

const idNumber = (seq: number) => {
  const first17 = `21072719850101${String(seq).padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
};
const cadre = (db: Db, name: string, seq: number, townshipId: number, villageId: number) =>
  createCadre(
    db,
    {
      name,
      gender: '男',
      birthDate: '1985-01-01',
      idNumber: idNumber(seq),
      partyStatus: '中共党员',
      phone: null,
      unitId: null,
      level: '县级',
      postType: '村党组织第一书记',
    },
    { townshipId, villageId, start: '2023-03-01', end: null },
  ).id;
const check = (
  db: Db,
  townshipId: number,
  date: string,
  results: Array<{ cadreId: number; onPost: boolean; reason: string | null }>,
  kind: CheckKind = '市级暗访',
  findings: string | null = '随机入户，群众反映良好',
  id?: number,
) =>
  saveCheck(db, {
    ...(id ? { id } : {}),
    check: { townshipId, level: (kind === '县级抽查' ? '县级' : '市级') as CheckLevel, kind, date, checker: '市委组织部督查组', findings },
    results,
  }).id;
const count = (db: Db, sql: string) => db.prepare(sql).pluck().get() as number;
const auditCount = () => count(city, 'SELECT COUNT(*) FROM audit_log');
const newestAudit = () =>
  city.prepare('SELECT action, entity, entity_id AS entityId, detail, before, after FROM audit_log ORDER BY id DESC LIMIT 1').get() as {
    action: string;
    entity: string;
    entityId: number;
    detail: string;
    before: string | null;
    after: string | null;
  };
const reimport = (bundleId: string) =>
  applyImport(city, exportCountyRecords(src, { countyId: ids.imported, year: 2024, origin: ORIGIN }), {
    self: 'CITY-0000-0000-0000',
    bundleId,
    bundleSha256: 'b'.repeat(64),
    signerName: '中共青石县委组织部',
    hasBlob: () => true,
  });

/** Refused with the message, and nothing written (no row, no audit entry). */
function refuses(run: () => unknown, message: string | RegExp) {
  const before = [
    auditCount(),
    count(city, 'SELECT COUNT(*) FROM city_leaders'),
    count(city, 'SELECT COUNT(*) FROM city_leader_contracts'),
  ];
  expect(run).toThrow(message);
  expect([
    auditCount(),
    count(city, 'SELECT COUNT(*) FROM city_leaders'),
    count(city, 'SELECT COUNT(*) FROM city_leader_contracts'),
  ]).toEqual(before);
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onebag-leaders-'));
  city = openDatabase(path.join(dir, 'city'));
  src = openDatabase(path.join(dir, 'qingshi'));
  // The city's own county: one township, two villages, two cadres.
  ids.own = addCounty(city, { name: '岚川县', kind: '县' }).id;
  ids.ownT = addTownship(city, { countyId: ids.own, name: '柳河乡' }).id;
  const v1 = addVillage(city, { townshipId: ids.ownT, name: '三道沟村' }).id;
  const v2 = addVillage(city, { townshipId: ids.ownT, name: '河口村' }).id;
  ids.a1 = cadre(city, '赵国庆', 1, ids.ownT, v1);
  ids.a2 = cadre(city, '钱卫东', 3, ids.ownT, v2);
  // 青石县 keeps its own archive and records the city's checks from the city's reports.
  const qs = addCounty(src, { name: '青石县', kind: '县' }).id;
  const t = addTownship(src, { countyId: qs, name: '松岭镇' }).id;
  ids.srcCadre = cadre(src, '许晓燕', 5, t, addVillage(src, { townshipId: t, name: '松岭村' }).id);
  ids.srcSpring = check(src, t, '2024-03-12', [{ cadreId: ids.srcCadre, onPost: true, reason: null }]);
  ids.srcSummer = check(src, t, '2024-08-20', [{ cadreId: ids.srcCadre, onPost: true, reason: null }]);
  ids.imported = qs;
  reimport('first');
});

afterAll(() => {
  city.close();
  src.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const importedCountyId = () => count(city, "SELECT id FROM counties WHERE name = '青石县'");
const importedCheck = (date: string) => count(city, `SELECT id FROM checks WHERE date = '${date}'`);

describe('the leaders record', () => {
  it('refuses bad input in Chinese and writes nothing', () => {
    refuses(() => saveLeader(city, { name: ' ', title: '市委组织部副部长', contracts: [] }), '请填写姓名');
    refuses(() => saveLeader(city, { name: '王建国', title: '', contracts: [] }), '请填写职务');
    refuses(
      () =>
        saveLeader(city, { name: '王建国', title: '副部长', contracts: [{ countyId: ids.own, start: '2024-05-01', end: '2024-04-30' }] }),
      '承包结束日期不能早于开始日期',
    );
    refuses(
      () => saveLeader(city, { name: '王建国', title: '副部长', contracts: [{ countyId: ids.own, start: '2024-02-30', end: null }] }),
      '日期格式应为 YYYY-MM-DD，且须是有效日期',
    );
    refuses(
      () => saveLeader(city, { name: '王建国', title: '副部长', contracts: [{ countyId: 9999, start: '2024-01-01', end: null }] }),
      '所选县（市、区）不存在',
    );
    refuses(
      () =>
        saveLeader(city, {
          name: '王建国',
          title: '副部长',
          contracts: [
            { countyId: ids.own, start: '2024-01-01', end: null },
            { countyId: ids.own, start: '2023-01-01', end: '2024-01-01' },
          ],
        }),
      '岚川县的两段承包期重叠（2024-01-01 至今、2023-01-01 至 2024-01-01），请合并为一段',
    );
  });

  it('records leaders contracting own and imported counties, each change audited', () => {
    const q = importedCountyId();
    const wang = saveLeader(city, {
      name: '王建国',
      title: '市委组织部副部长',
      contracts: [
        { countyId: ids.own, start: '2024-01-01', end: null },
        { countyId: q, start: '2024-01-01', end: '2024-06-30' },
      ],
    });
    expect(wang.contracts.map((c) => [c.county, c.origin, c.start, c.end])).toEqual([
      ['岚川县', null, '2024-01-01', null],
      ['青石县', ORIGIN, '2024-01-01', '2024-06-30'],
    ]);
    let a = newestAudit();
    expect([a.action, a.entity, a.entityId]).toEqual(['create', 'city_leader', wang.id]);
    expect(JSON.parse(a.after!)).toEqual({
      name: '王建国',
      position: '市委组织部副部长',
      contracts: '岚川县 2024-01-01 至今；青石县 2024-01-01 至 2024-06-30',
    });
    // 青石县 changes hands on 1 July: the leader may change.
    const li = saveLeader(city, {
      name: '李红梅',
      title: '市委组织部部务委员',
      contracts: [{ countyId: q, start: '2024-07-01', end: null }],
    });
    const sun = saveLeader(city, {
      name: '孙立平',
      title: '市委组织部副部长',
      contracts: [{ countyId: ids.own, start: '2023-01-01', end: null }],
    });
    saveLeader(city, { id: sun.id, name: '孙立平', title: '市委组织部常务副部长', contracts: sun.contracts });
    a = newestAudit();
    expect([a.action, a.entity]).toEqual(['update', 'city_leader']);
    expect(JSON.parse(a.before!).position).toBe('市委组织部副部长');
    expect(JSON.parse(a.after!).position).toBe('市委组织部常务副部长');
    refuses(
      () => saveLeader(city, { name: '李红梅', title: '市委组织部部务委员', contracts: [] }),
      '已有“市委组织部部务委员 李红梅”的记录',
    );
    // Listed by name, never by activity.
    expect(listLeaders(city).map((l) => l.name)).toEqual(['李红梅', '孙立平', '王建国']);
    expect(li.id).toBeGreaterThan(0);
  });
});

describe('checks name the leader who made them', () => {
  it('links 市级 checks of own and imported counties; refuses other levels; audits each change', () => {
    const [li, , wang] = listLeaders(city);
    const own = check(city, ids.ownT, '2024-05-08', [
      { cadreId: ids.a1, onPost: true, reason: null },
      { cadreId: ids.a2, onPost: false, reason: '回县城办事未请假' },
    ]);
    const county = check(city, ids.ownT, '2024-05-09', [{ cadreId: ids.a1, onPost: true, reason: null }], '县级抽查');
    const before = auditCount();
    expect(() => linkCheckLeader(city, { checkId: county, leaderId: wang!.id })).toThrow(
      '该督查为县级督查（县级抽查），只有市级督查才能记为市委组织部领导的督查',
    );
    expect(() => linkCheckLeader(city, { checkId: 999999, leaderId: wang!.id })).toThrow('该督查记录不存在');
    expect(() => linkCheckLeader(city, { checkId: own, leaderId: 999999 })).toThrow('该领导不存在');
    expect(auditCount()).toBe(before);

    linkCheckLeader(city, { checkId: own, leaderId: wang!.id });
    const a = newestAudit();
    expect([a.action, a.entity, a.entityId]).toEqual(['update', 'check_leader', own]);
    expect([JSON.parse(a.before!), JSON.parse(a.after!)]).toEqual([{ leader: null }, { leader: '王建国' }]);
    // Checks of the imported (read-only) county: the county's records stay read-only, the city's link is its own.
    expect(() => city.prepare("UPDATE checks SET findings = 'x' WHERE id = ?").run(importedCheck('2024-08-20'))).toThrow(/只读/);
    linkCheckLeader(city, { checkId: importedCheck('2024-08-20'), leaderId: li!.id });
    // A check outside the leader's contracted period still counts as theirs, listed apart.
    linkCheckLeader(city, { checkId: importedCheck('2024-03-12'), leaderId: li!.id });
    // The same link again changes nothing and writes no entry.
    const n = auditCount();
    linkCheckLeader(city, { checkId: own, leaderId: wang!.id });
    expect(auditCount()).toBe(n);
    // A leader who made checks cannot be removed.
    expect(() => removeLeader(city, li!.id)).toThrow('李红梅已关联2次督查记录，不能删除；如已不再承包，请填写承包结束日期');
  });
});

describe('the year view', () => {
  it('shows each leader, the counties contracted that year and the checks made there, from records only', () => {
    const v = leadersYear(city, 2024);
    expect(v.leaders.map((l) => [l.name, l.checkCount])).toEqual([
      ['李红梅', 2],
      ['孙立平', 0],
      ['王建国', 1],
    ]);
    const [li, sun, wang] = v.leaders;
    expect(wang!.counties.map((c) => [c.county, c.checks.length])).toEqual([
      ['岚川县', 1],
      ['青石县', 0],
    ]);
    expect(wang!.counties[0]!.checks[0]).toMatchObject({
      date: '2024-05-08',
      kind: '市级暗访',
      township: '柳河乡',
      villages: '三道沟村、河口村',
      checked: 2,
      notOnPost: 1,
      notOnPostNames: '钱卫东',
      findings: '随机入户，群众反映良好',
    });
    expect(li!.counties.map((c) => [c.county, c.origin, c.checks.map((k) => k.date)])).toEqual([['青石县', ORIGIN, ['2024-08-20']]]);
    expect(li!.elsewhere.map((k) => [k.county, k.date])).toEqual([['青石县', '2024-03-12']]);
    // No recorded check: nothing invented, the view says 本年度未录入督查记录.
    expect(sun!.counties.map((c) => [c.county, c.checks.length])).toEqual([['岚川县', 0]]);
    expect(v.unlinked).toEqual([]);
    // 2023: only the contract that reached into 2023 is listed; no check was recorded then.
    const y23 = leadersYear(city, 2023);
    expect(y23.leaders.map((l) => [l.name, l.counties.map((c) => c.county), l.checkCount])).toEqual([['孙立平', ['岚川县'], 0]]);
  });

  it('lists 市级 checks that name no leader, and forgets a link when its check is deleted', () => {
    const k = check(city, ids.ownT, '2024-10-15', [{ cadreId: ids.a1, onPost: true, reason: null }], '市级暗访', null);
    expect(leadersYear(city, 2024).unlinked.map((u) => [u.checkId, u.county, u.checker, u.villages])).toEqual([
      [k, '岚川县', '市委组织部督查组', '三道沟村'],
    ]);
    const wang = listLeaders(city).find((l) => l.name === '王建国')!;
    linkCheckLeader(city, { checkId: k, leaderId: wang.id });
    expect(leadersYear(city, 2024).leaders.find((l) => l.name === '王建国')!.checkCount).toBe(2);
    linkCheckLeader(city, { checkId: k, leaderId: null });
    expect(JSON.parse(newestAudit().after!)).toEqual({ leader: null });
    linkCheckLeader(city, { checkId: k, leaderId: wang.id });
    removeCheck(city, k);
    expect(count(city, `SELECT COUNT(*) FROM check_leaders WHERE check_id = ${k}`)).toBe(0);
    expect(leadersYear(city, 2024).leaders.find((l) => l.name === '王建国')!.checkCount).toBe(1);
  });
});

describe('bundles and the city records', () => {
  it('a county bundle neither carries nor overwrites them', () => {
    const doc = exportCountyRecords(city, { countyId: ids.own, year: 2024, origin: 'CITY-0000-0000-0000' });
    for (const t of ['city_leaders', 'city_leader_contracts', 'check_leaders']) expect(Object.keys(doc.tables)).not.toContain(t);
    const snapshot = () => [
      city.prepare('SELECT * FROM city_leader_contracts ORDER BY id').all(),
      city.prepare('SELECT * FROM check_leaders ORDER BY check_id').all(),
    ];
    const before = snapshot();
    // 青石县 corrects its summer check and sends a new bundle: the check is updated, the city's records stay.
    const t = count(src, 'SELECT id FROM townships');
    check(src, t, '2024-08-20', [{ cadreId: ids.srcCadre, onPost: true, reason: null }], '市级暗访', '入户走访5户', ids.srcSummer);
    const plan = reimport('second');
    expect(plan.updated).toBeGreaterThan(0);
    expect(count(city, `SELECT COUNT(*) FROM checks WHERE findings = '入户走访5户'`)).toBe(1);
    expect(snapshot()).toEqual(before);
    const li = leadersYear(city, 2024).leaders.find((l) => l.name === '李红梅')!;
    expect(li.counties[0]!.checks.map((k) => k.findings)).toEqual(['入户走访5户']);
  });

  it('`onebag stats --city` lists the leaders, their counties and checks; --json carries the view', async () => {
    city.close();
    try {
      const r = await onebagHere(path.join(dir, 'city'), ['stats', '--city', '--year', '2024']);
      expect(r.code, r.stderr).toBe(0);
      const lines = r.stdout.split('\n');
      const at = lines.indexOf('市委组织部领导包县督查（按督查记录列出，不作排名）');
      expect(at).toBeGreaterThan(0);
      const row = (start: string) => lines.slice(at).find((l) => l.startsWith(start)) ?? '';
      expect(row('王建国（市委组织部副部长）')).toMatch(
        /岚川县\s+2024-01-01 至今\s+1次\s+2024-05-08\s+柳河乡：三道沟村、河口村\s+随机入户，群众反映良好；1人不在岗（钱卫东）/,
      );
      expect(lines.slice(at).join('\n')).toMatch(/青石县（导入）\s+2024-01-01 至 2024-06-30\s+该县本年度未录入/);
      expect(row('孙立平（市委组织部常务副部长）')).toContain(NO_CHECKS_TEXT);
      const j = JSON.parse(
        (await onebagHere(path.join(dir, 'city'), ['stats', '--city', '--year', '2024', '--json'])).stdout,
      ) as CityStatsJson;
      expect(j.leaders.leaders.map((l) => [l.name, l.checkCount])).toEqual([
        ['李红梅', 2],
        ['孙立平', 0],
        ['王建国', 1],
      ]);
    } finally {
      city = openDatabase(path.join(dir, 'city'));
    }
  });

  it('removes a leader without checks, audited', () => {
    const sun = listLeaders(city).find((l) => l.name === '孙立平')!;
    removeLeader(city, sun.id);
    const a = newestAudit();
    expect([a.action, a.entity, a.entityId, a.after]).toEqual(['delete', 'city_leader', sun.id, null]);
    expect(JSON.parse(a.before!).name).toBe('孙立平');
    expect(count(city, `SELECT COUNT(*) FROM city_leader_contracts WHERE leader_id = ${sun.id}`)).toBe(0);
  });
});
