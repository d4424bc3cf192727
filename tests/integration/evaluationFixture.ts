/**
 * A small county on a real SQLite file for the evaluation tests: 义县 with 东乡 (10 first
 * secretaries, one village each) and 西乡 (one first deputy secretary), all posted for 2024,
 * each with a 2024 project (so the "no project" cap stays quiet unless a test removes one).
 * 李娜 was found not on post once at a county check (→ not 优秀).
 */
import type { OpenCore } from '../../main/api/open';
import { finaliseYear } from '../../main/core/evaluation/results';
import { activateScheme, createFromTemplate } from '../../main/core/evaluation/schemes';
import { setBallots, setScores } from '../../main/core/evaluation/scores';
import { setSetting } from '../../main/core/runtime/settings';

export const YEAR = 2024;
export const T1_NAMES = ['张伟', '王芳', '李娜', '刘洋', '陈静', '杨帆', '赵磊', '黄敏', '周强', '吴刚'] as const;

export interface EvalIds {
  county: number;
  t1: number;
  t2: number;
  cadres: Record<string, number>;
  deputy: number;
}

export function buildEvalFixture(core: OpenCore): EvalIds {
  const db = core.ctx.db;
  const now = new Date().toISOString();
  const ins = (sql: string, ...args: unknown[]) => Number(db.prepare(sql).run(...args).lastInsertRowid);
  setSetting(db, 'operator', '组织部王干事');
  const county = ins(`INSERT INTO counties (name, kind) VALUES ('义县', '县')`);
  const t1 = ins(`INSERT INTO townships (county_id, name) VALUES (?, '东乡')`, county);
  const t2 = ins(`INSERT INTO townships (county_id, name) VALUES (?, '西乡')`, county);
  const cadres: Record<string, number> = {};
  const cadre = (name: string, i: number, postType: string, township: number, village: number | null, projectVillage: number) => {
    const id = ins(
      `INSERT INTO cadres (name, gender, birth_date, id_number, party_status, level, post_type, created_at, updated_at)
       VALUES (?, '男', '1988-05-01', ?, '中共党员', '县级', ?, ?, ?)`,
      name,
      `11010119880501${String(1000 + i)}`,
      postType,
      now,
      now,
    );
    ins(
      'INSERT INTO postings (cadre_id, township_id, village_id, start, "end") VALUES (?, ?, ?, ?, NULL)',
      id,
      township,
      village,
      '2024-01-01',
    );
    ins(
      `INSERT INTO projects (cadre_id, village_id, name, kind, year, status, created_at, updated_at) VALUES (?, ?, ?, '产业发展', ?, '已建成', ?, ?)`,
      id,
      projectVillage,
      `${name}帮扶项目`,
      YEAR,
      now,
      now,
    );
    cadres[name] = id;
    return id;
  };
  T1_NAMES.forEach((name, i) => {
    const v = ins(`INSERT INTO villages (township_id, name) VALUES (?, ?)`, t1, `${name.slice(1)}家村`);
    cadre(name, i, '村党组织第一书记', t1, v, v);
  });
  const v2 = ins(`INSERT INTO villages (township_id, name) VALUES (?, '西坡村')`, t2);
  const deputy = cadre('孙丽', 20, '乡镇党委第一副书记', t2, null, v2);
  const check = ins(
    `INSERT INTO checks (township_id, level, kind, date, checker, created_at, updated_at) VALUES (?, '县级', '县级抽查', '2024-06-12', '县委组织部', ?, ?)`,
    t1,
    now,
    now,
  );
  ins('INSERT INTO check_results (check_id, cadre_id, on_post, reason) VALUES (?, ?, 0, NULL)', check, cadres['李娜']);
  return { county, t1, t2, cadres, deputy };
}

/**
 * One cadre's villagers' ballots as the score screen saves them (evaluation.sheet.save, the one
 * entry channel): `ballotSheet({ ...cy(), cadreId, satisfied, basic, unsatisfied, ballots })`.
 */
export function ballotSheet<B extends { countyId: number; year: number; cadreId: number }>({ countyId, year, ...ballots }: B) {
  return { countyId, year, cells: [], ballots: [ballots] };
}

/** The cells (villagers30 template) that give a cadre exactly `x` on every component, so total = x. */
export function cellsFor(cadreId: number, postType: '村党组织第一书记' | '乡镇党委第一副书记', x: number) {
  const org =
    postType === '村党组织第一书记'
      ? ([
          ['party', 0.3],
          ['income', 0.3],
          ['govern', 0.2],
          ['serve', 0.2],
        ] as const)
      : ([
          ['lead', 0.4],
          ['coord', 0.3],
          ['funds', 0.3],
        ] as const);
  return [
    { cadreId, component: 'report', indicator: null, value: x },
    { cadreId, component: 'verify', indicator: null, value: x },
    ...org.map(([indicator, share]) => ({ cadreId, component: 'org', indicator, value: Math.round(x * share * 100) / 100 })),
  ];
}

/** 张伟 96, 王芳 95, 李娜 98 (capped), everyone else 80, under the villagers30 template (10%). */
export const SCORES: Record<string, number> = { 张伟: 96, 王芳: 95, 李娜: 98 };

export function scoreAll(core: OpenCore, ids: EvalIds, opts: { finalise: boolean }): void {
  const db = core.ctx.db;
  activateScheme(db, createFromTemplate(db, ids.county, YEAR, 'villagers30').id);
  const people: Array<[number, '村党组织第一书记' | '乡镇党委第一副书记', number]> = [
    ...T1_NAMES.map((n) => [ids.cadres[n]!, '村党组织第一书记', SCORES[n] ?? 80] as [number, '村党组织第一书记', number]),
    [ids.deputy, '乡镇党委第一副书记', 80],
  ];
  for (const [cadreId, post, x] of people) {
    setScores(db, ids.county, YEAR, cellsFor(cadreId, post, x));
    setBallots(db, { countyId: ids.county, year: YEAR, cadreId, satisfied: x, basic: 0, unsatisfied: 100 - x, ballots: 100 });
  }
  if (opts.finalise) finaliseYear(db, ids.county, YEAR);
}
