/**
 * The demo's projects (乡村振兴项目) with 公示, and the 市级 cadres' allowance and accident
 * insurance, through core/work/projects.ts and core/work/support.ts. Y is today's year.
 *
 * - Every cadre posted at the end of Y-1 has a Y-1 project (每名驻村干部年底前至少1个), publicised
 *   in spring; one of them lies in the 第一书记产业园 with its Y-1 revenue split 50/50.
 * - In Y a third of the cadres have a project so far (publicised); from 1 October of Y, when the
 *   rule comes due, every cadre has one.
 * - Allowance: each ended quarter of Y-2, Y-1 and Y paid in full in its last week (the amount the
 *   quarter owes from the posting dates); insurance: a policy per posted year.
 */
import { addDays } from '../../shared/attendance';
import { seededRandom } from '../../shared/random';
import { DEFAULT_INSURANCE_COVER_FEN } from '../../shared/support';
import type { FundSource, ProjectKind } from '../../shared/work';
import { addPayment, savePolicy, supportOverview } from '../core/work/support';
import { publiciseProject, saveProject, setParkRevenue } from '../core/work/projects';
import { between, pick } from './demoData';
import { postingInYear, postingOnDate, villageOfYear, ymd, type WorkContext } from './demoWorkContext';

const IDEAS: ReadonlyArray<{ name: string; kind: ProjectKind; park?: boolean }> = [
  { name: '设施蔬菜大棚', kind: '产业发展' },
  { name: '村集体光伏电站', kind: '集体经济', park: true },
  { name: '小杂粮加工车间', kind: '产业发展' },
  { name: '村内道路硬化', kind: '基础设施' },
  { name: '农田灌溉机井', kind: '基础设施' },
  { name: '村卫生室改造', kind: '公共服务' },
  { name: '垃圾集中收集点', kind: '人居环境' },
  { name: '林下中药材种植基地', kind: '产业发展' },
  { name: '肉牛养殖合作社', kind: '集体经济' },
];

function funds(rng: () => number): Array<{ source: FundSource; amountFen: number }> {
  const wan = (lo: number, hi: number) => between(rng, lo, hi) * 1_000_000;
  const out: Array<{ source: FundSource; amountFen: number }> = [{ source: '派出单位资金', amountFen: wan(2, 15) }];
  if (rng() < 0.6) out.push({ source: '财政衔接资金', amountFen: wan(10, 60) });
  if (rng() < 0.4) out.push({ source: '村集体自筹', amountFen: wan(1, 5) });
  return out;
}

export function addDemoProjects(w: WorkContext, seed: number): number {
  const { db, today, Y } = w;
  const rng = seededRandom(seed + 7001);
  let made = 0;
  let parked = false;
  db.transaction(() => {
    const add = (year: number, cadreIndex: number, publicisedOn: string) => {
      const c = w.cadres[cadreIndex]!;
      const v = villageOfYear(w, c, year);
      if (!v || publicisedOn > today) return;
      const idea = IDEAS[(cadreIndex + year) % IDEAS.length]!;
      const inPark = idea.park === true && !parked && year === Y - 1;
      const p = saveProject(db, undefined, {
        cadreId: c.id,
        villageId: v.id,
        name: `${v.name}${idea.name}`,
        kind: idea.kind,
        year,
        status: year < Y ? pick(rng, ['已建成', '已运营'] as const) : '在建',
        funds: funds(rng),
        inPark,
        notes: null,
      });
      publiciseProject(db, p.id, publicisedOn, `${v.name}村务公开栏`, today);
      if (inPark) {
        setParkRevenue(db, p.id, year, between(rng, 8, 20) * 1_000_000, 5000);
        parked = true;
      }
      made++;
    };
    w.cadres.forEach((c, i) => {
      if (postingOnDate(c, ymd(Y - 1, 12, 31))) add(Y - 1, i, ymd(Y - 1, 4, between(rng, 8, 28)));
    });
    const fullYear = today >= ymd(Y, 10, 1);
    w.cadres.forEach((c, i) => {
      if (!postingOnDate(c, today)) return;
      if (i % 3 === 0) add(Y, i, ymd(Y, 3, between(rng, 10, 28)));
      else if (fullYear) add(Y, i, ymd(Y, 9, between(rng, 5, 25)));
    });
  })();
  return made;
}

const quarterLastDay = (year: number, q: number) => ymd(year, q * 3, q === 1 || q === 4 ? 31 : 30);

/** 市级 cadres: every ended quarter paid in full in its last week; a policy for each posted year. */
export function addDemoSupport(w: WorkContext): number {
  const { db, today, Y } = w;
  let records = 0;
  db.transaction(() => {
    for (const year of [Y - 2, Y - 1, Y]) {
      const overview = supportOverview(db, { year, countyId: w.countyId }, today);
      for (const row of overview.rows) {
        if (!row.cityLevel) continue;
        for (const q of row.quarters) {
          const left = q.owedFen - q.paidFen;
          if (!q.ended || left <= 0) continue;
          addPayment(
            db,
            {
              cadreId: row.cadreId,
              year,
              quarter: q.quarter,
              amountFen: left,
              paidOn: addDays(quarterLastDay(year, q.quarter), -3),
              notes: '按季度统一发放',
            },
            today,
          );
          records++;
        }
      }
      for (const c of w.cadres) {
        if (c.level !== '市级') continue;
        const p = postingInYear(c, year);
        if (!p) continue;
        const first = c.postings.filter((x) => x.start <= ymd(year, 12, 31) && (x.end === null || x.end >= ymd(year, 1, 1)))[0]!;
        const start = first.start > ymd(year, 1, 1) ? first.start : ymd(year, 1, 1);
        savePolicy(db, {
          cadreId: c.id,
          insurer: '中国人民财产保险股份有限公司',
          policyNo: `PICC${year}${String(c.id).padStart(4, '0')}`,
          coverFen: DEFAULT_INSURANCE_COVER_FEN,
          start,
          end: ymd(year, 12, 31),
        });
        records++;
      }
    }
  })();
  return records;
}
