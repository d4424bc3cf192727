/**
 * The demo county's weak collective-economy villages (集体经济薄弱村) and every village's
 * collective income, through core/work/weak.ts and core/villages. Y is today's year.
 *
 * Five weak villages, bound to their first secretaries by posting; each township's 第一副书记
 * is named supporter of one:
 * - 石门镇东岗村 (listed Y-2): every milestone on time, 摘帽 in December Y-1.
 * - 石门镇后屯村 (listed Y-2): on time, 摘帽 in November Y-1.
 * - 柳河乡柳河村 (listed Y-1, income fell under 5万): 发展思路 on time in Y-1; 增收渠道 due at the
 *   end of Y (not yet due).
 * - 柳河乡三道沟村 (listed Y-2, 空壳村: no income in Y-2 or Y-1): 增收渠道 was due on the last day
 *   of February Y and is not found — the deliberate 薄弱村节点逾期 alert (约谈 required, none on
 *   record), shown once that day has passed.
 * - 杏林镇双庙村 (listed Y-2): 发展思路 missed (due end of February Y-1); the first secretary and
 *   the township's 第一副书记 were talked to (约谈) in March Y-1; the village found its 发展思路,
 *   late, in June Y-1 and its 增收渠道 in January Y. (No 召回调换 in the demo: a recall ends a
 *   posting the demo's certified registers already cover; the recall flow has its own tests.)
 *
 * Net change in weak villages: +4 in Y-2 (listed), -1 in Y-1 (one listed, two delisted).
 */
import type { MilestoneKind } from '../../shared/weakVillages';
import { saveIncomes } from '../core/villages/income';
import { recordAction, saveWeakVillage, setMilestone, setSupporters } from '../core/work/weak';
import { ymd, type WorkContext } from './demoWorkContext';

interface WeakStory {
  township: string;
  village: string;
  listedYear: (Y: number) => number;
  milestones: Array<{ kind: MilestoneKind; date: (Y: number) => string; description: string }>;
}

const STORIES: WeakStory[] = [
  {
    township: '石门镇',
    village: '东岗村',
    listedYear: (Y) => Y - 2,
    milestones: [
      {
        kind: '发展思路',
        date: (Y) => ymd(Y - 2, 11, 20),
        description: '经村“两委”会议和村民代表大会讨论，确定发展设施蔬菜和村集体光伏电站的思路',
      },
      { kind: '增收渠道', date: (Y) => ymd(Y - 1, 6, 15), description: '村集体光伏电站并网发电，蔬菜大棚对外租赁，形成稳定收入' },
      { kind: '摘帽', date: (Y) => ymd(Y - 1, 12, 18), description: '村集体经济年收入超过5万元，经乡镇审核、县级验收摘帽' },
    ],
  },
  {
    township: '石门镇',
    village: '后屯村',
    listedYear: (Y) => Y - 2,
    milestones: [
      { kind: '发展思路', date: (Y) => ymd(Y - 2, 10, 15), description: '确定盘活闲置校舍、发展农产品初加工的发展思路' },
      { kind: '增收渠道', date: (Y) => ymd(Y - 1, 5, 20), description: '闲置校舍改建为杂粮加工车间，村集体按年收取租金' },
      { kind: '摘帽', date: (Y) => ymd(Y - 1, 11, 28), description: '村集体经济年收入达到7万余元，经县级验收摘帽' },
    ],
  },
  {
    township: '柳河乡',
    village: '柳河村',
    listedYear: (Y) => Y - 1,
    milestones: [{ kind: '发展思路', date: (Y) => ymd(Y - 1, 9, 15), description: '确定流转河滩地发展特色养殖的发展思路，报乡党委审核' }],
  },
  {
    township: '柳河乡',
    village: '三道沟村',
    listedYear: (Y) => Y - 2,
    milestones: [{ kind: '发展思路', date: (Y) => ymd(Y - 2, 12, 10), description: '提出依托山地发展林下中药材种植的思路' }],
  },
  {
    township: '杏林镇',
    village: '双庙村',
    listedYear: (Y) => Y - 2,
    milestones: [
      { kind: '发展思路', date: (Y) => ymd(Y - 1, 6, 18), description: '接任第一书记走访全村后，确定发展小杂粮订单种植的思路' },
      { kind: '增收渠道', date: (Y) => ymd(Y, 1, 20), description: '与县供销社签订杂粮收购协议，村集体收取服务费' },
    ],
  },
];

function villageId(w: WorkContext, township: string, village: string): number {
  const t = w.townships.find((x) => x.township === township);
  const v = t?.villages.find((x) => x.name === village);
  if (!v) throw new Error(`demo: no village ${township}${village}`);
  return v.id;
}

function firstSecretaryOf(w: WorkContext, villageIdOf: number, date: string) {
  const c = w.cadres.find(
    (x) =>
      x.postType === '村党组织第一书记' &&
      x.postings.some((p) => p.villageId === villageIdOf && p.start <= date && (p.end === null || p.end >= date)),
  );
  if (!c) throw new Error('demo: a weak village without its first secretary');
  return c;
}

const deputyOf = (w: WorkContext, township: string) =>
  w.cadres.find((c) => c.postType === '乡镇党委第一副书记' && c.postings.some((p) => p.townshipName === township))!;

/**
 * Lists the weak villages, names the supporters, records milestones and the 约谈.
 */
export function addDemoWeakVillages(w0: WorkContext): void {
  const { db, today, Y } = w0;
  db.transaction(() => {
    for (const s of STORIES)
      saveWeakVillage(db, {
        villageId: villageId(w0, s.township, s.village),
        listedYear: s.listedYear(Y),
        notes: '村集体经济年收入不足5万元',
      });
    setSupporters(db, villageId(w0, '石门镇', '东岗村'), [deputyOf(w0, '石门镇').id]);
    setSupporters(db, villageId(w0, '柳河乡', '柳河村'), [deputyOf(w0, '柳河乡').id]);
    const north = villageId(w0, '杏林镇', '双庙村');
    setSupporters(db, north, [deputyOf(w0, '杏林镇').id]);

    // 双庙村: 发展思路 missed (due end of February Y-1) → 约谈 of both; found late, in June Y-1.
    const secretary = firstSecretaryOf(w0, north, ymd(Y - 1, 3, 1));
    const by = '县委组织部';
    recordAction(
      db,
      {
        villageId: north,
        cadreId: secretary.id,
        milestone: '发展思路',
        action: '约谈',
        date: ymd(Y - 1, 3, 5),
        by,
        notes: '未能一年内形成发展思路，县委组织部约谈并限期整改',
      },
      today,
    );
    recordAction(
      db,
      {
        villageId: north,
        cadreId: deputyOf(w0, '杏林镇').id,
        milestone: '发展思路',
        action: '约谈',
        date: ymd(Y - 1, 3, 5),
        by,
        notes: '包扶双庙村未能一年内形成发展思路，一并约谈',
      },
      today,
    );
    // Milestones in date order (the 约谈 above is dated before 双庙村's).
    const w = w0;
    for (const s of STORIES) {
      for (const m of s.milestones) {
        const date = m.date(Y);
        if (date > today) continue;
        setMilestone(db, { villageId: villageId(w, s.township, s.village), kind: m.kind, date, description: m.description }, [], today);
      }
    }
  })();
}

/** Income (万元 × 100 = fen per 万元 / 100): weak villages under 5万, one 空壳村, the rest above. */
const INCOME_WAN: Record<string, [number, number]> = {
  东岗村: [3.2, 6.4],
  前屯村: [8.5, 9.7],
  后屯村: [3.8, 7.3],
  马家沟村: [12.6, 14.1],
  柳河村: [5.3, 3.9],
  三道沟村: [0, 0],
  王家堡村: [6.8, 7.2],
  新立村: [21.5, 24.8],
  杏林村: [9.1, 10.6],
  北山村: [5.6, 6.1],
  双庙村: [1.6, 2.4],
  大营子村: [15.2, 16.9],
};

/**
 * Every village's collective income for Y-2 and Y-1 (a year's income is known once the year is
 * closed, so Y has none yet), saved per year through the county's income table.
 */
export function addDemoIncome(w: WorkContext): void {
  for (const [i, year] of [w.Y - 2, w.Y - 1].entries()) {
    const entries = w.townships.flatMap((t) =>
      t.villages.map((v) => {
        const wan = INCOME_WAN[v.name];
        if (!wan) throw new Error(`demo: no income for ${v.name}`);
        return { villageId: v.id, incomeFen: Math.round(wan[i]! * 1_000_000) };
      }),
    );
    saveIncomes(w.db, w.countyId, year, entries);
  }
}
