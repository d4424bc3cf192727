/**
 * The city's leaders who contract counties (包县) and the unannounced checks they made, for the
 * city view's 包县督查 section: 王建国 contracts 岚川县 and 青石县 since the postings began; 李红梅
 * contracted 岚川县 until 30 June Y-1 and 青石县 since. Their 市级暗访 checks in 岚川县 (every cadre
 * met on post, so no cap and no cross-check) name them; 青石县's bundle carries no 市级 check, so
 * its rows say 未录入 — the truth, not a zero. In year Y only 王建国 has a check (after 26
 * February), so 李红梅 shows 本年度未录入督查记录 there.
 */
import type { CoreContext } from '../core/runtime/context';
import { saveCheck } from '../core/events/checks';
import { postedCadres } from '../core/events/common';
import { linkCheckLeader } from '../core/leaders/checkLeader';
import { saveLeader } from '../core/leaders/leaders';
import { orgTree } from '../core/org/org';
import { SECOND_COUNTY } from './demoSecondCounty';
import { DEMO_COUNTY } from './demoData';

/** In one transaction: a failure leaves no leader behind (the demo's undo removes counties). */
export function addDemoLeaders(ctx: CoreContext, today: string): { leaders: number; checks: number } {
  return ctx.db.transaction(() => fill(ctx, today))();
}

function fill(ctx: CoreContext, today: string): { leaders: number; checks: number } {
  const { db } = ctx;
  const Y = Number(today.slice(0, 4));
  const tree = orgTree(db).counties;
  const ownCounty = tree.find((c) => c.name === DEMO_COUNTY.name);
  const other = tree.find((c) => c.name === SECOND_COUNTY.name)?.id;
  if (ownCounty === undefined) return { leaders: 0, checks: 0 };
  const own = ownCounty.id;
  const since = `${Y - 2}-03-01`;
  const wang = saveLeader(db, {
    name: '王建国',
    title: '市委组织部副部长',
    contracts: [{ countyId: own, start: since, end: null }, ...(other ? [{ countyId: other, start: since, end: null }] : [])],
  });
  const li = saveLeader(db, {
    name: '李红梅',
    title: '市委组织部部务委员',
    contracts: [
      { countyId: own, start: since, end: `${Y - 1}-06-30` },
      ...(other ? [{ countyId: other, start: `${Y - 1}-07-01`, end: null }] : []),
    ],
  });
  const townships = ownCounty.townships.map((t) => t.id).sort((a, b) => a - b);
  const visits: Array<{ leaderId: number; township: number; date: string; findings: string }> = [
    { leaderId: wang.id, township: 0, date: `${Y - 1}-04-16`, findings: '不打招呼直接进村，随机入户走访，选派干部均在村' },
    { leaderId: li.id, township: 1, date: `${Y - 1}-06-11`, findings: '随机走访农户，群众对驻村工作评价较好' },
    { leaderId: wang.id, township: 2, date: `${Y - 1}-09-23`, findings: '查阅驻村日志并入户核实，干部在岗在位' },
    { leaderId: wang.id, township: 1, date: `${Y}-02-26`, findings: '节后到岗情况抽查，选派干部均已返岗' },
  ];
  let checks = 0;
  for (const v of visits) {
    const townshipId = townships[v.township % townships.length];
    if (townshipId === undefined || v.date > today) continue;
    const met = postedCadres(db, townshipId, v.date).slice(0, 3);
    if (met.length === 0) continue;
    const { id } = saveCheck(db, {
      check: { townshipId, level: '市级', kind: '市级暗访', date: v.date, checker: '市委组织部督查组', findings: v.findings },
      results: met.map((p) => ({ cadreId: p.cadreId, onPost: true, reason: null })),
    });
    linkCheckLeader(db, { checkId: id, leaderId: v.leaderId });
    checks++;
  }
  return { leaders: 2, checks };
}
