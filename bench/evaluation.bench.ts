/**
 * Evaluation: a county of 300 cadres (8 townships, the three post types) under the villagers30
 * template with differentiated indicators, every score and ballot entered, some check absences,
 * short months and cadres without projects. Target from the issue: recomputing the county's
 * results ≤ 100 ms (p95). Figures: the full recompute from the SQLite file (roster, scores,
 * the records' facts through the alert rules, caps, quota, ranks) and the rules engine alone.
 */
import { computeResults } from '../main/core/evaluation/results';
import { activateScheme, createFromTemplate } from '../main/core/evaluation/schemes';
import { setBallots, setScores } from '../main/core/evaluation/scores';
import { setSetting } from '../main/core/runtime/settings';
import { POST_TYPES } from '../shared/domain';
import { evaluateCounty, type EngineCadre } from '../shared/evaluation/results';
import { gridColumns } from '../shared/evaluation/scoring';
import { p95, rng } from './measure';
import type { Bench } from './types';
import { withBenchDb } from './benchDb';

const YEAR = 2025;
const TODAY = '2026-01-15';

export const bench: Bench = async () => {
  return withBenchDb('eval', async (db) => {
    const rand = rng(20250601);
    const now = new Date().toISOString();
    setSetting(db, 'operator', '基准测试');
    const county = Number(db.prepare(`INSERT INTO counties (name, kind) VALUES ('基准县', '县')`).run().lastInsertRowid);
    const cadres: Array<{ id: number; post: (typeof POST_TYPES)[number]; township: number }> = [];
    db.transaction(() => {
      const check = db.prepare(
        `INSERT INTO checks (township_id, level, kind, date, checker, created_at, updated_at) VALUES (?, '县级', '县级抽查', ?, '县委组织部', ?, ?)`,
      );
      const result = db.prepare('INSERT INTO check_results (check_id, cadre_id, on_post, reason) VALUES (?, ?, ?, NULL)');
      const cell = db.prepare(
        `INSERT INTO attendance_cells (cadre_id, date, half, code, source, updated_at) VALUES (?, ?, ?, '事假', 'manual', ?)`,
      );
      const project = db.prepare(
        `INSERT INTO projects (cadre_id, village_id, name, kind, year, status, created_at, updated_at) VALUES (?, ?, ?, '产业发展', ?, '在建', ?, ?)`,
      );
      for (let ti = 0; ti < 8; ti++) {
        const t = Number(db.prepare('INSERT INTO townships (county_id, name) VALUES (?, ?)').run(county, `第${ti + 1}镇`).lastInsertRowid);
        const k = Number(check.run(t, `${YEAR}-06-1${ti}`, now, now).lastInsertRowid);
        for (let i = 0; i < 37 + (ti < 4 ? 1 : 0); i++) {
          const v = Number(
            db.prepare('INSERT INTO villages (township_id, name) VALUES (?, ?)').run(t, `第${ti + 1}镇${i + 1}村`).lastInsertRowid,
          );
          const post = i === 0 ? POST_TYPES[0] : i % 5 === 0 ? POST_TYPES[2] : POST_TYPES[1];
          const c = Number(
            db
              .prepare(
                `INSERT INTO cadres (name, gender, id_number, party_status, level, post_type, created_at, updated_at) VALUES (?, '男', ?, '中共党员', '县级', ?, ?, ?)`,
              )
              .run(`干部${ti}-${i}`, `1101011990${String(ti * 100 + i).padStart(8, '0')}`, post, now, now).lastInsertRowid,
          );
          db.prepare('INSERT INTO postings (cadre_id, township_id, village_id, start, "end") VALUES (?, ?, ?, ?, NULL)').run(
            c,
            t,
            v,
            '2024-03-01',
          );
          if (rand() < 0.9) project.run(c, v, `项目${c}`, YEAR, now, now);
          result.run(k, c, rand() < 0.05 ? 0 : 1);
          if (rand() < 0.1) for (let d = 1; d <= 12; d++) cell.run(c, `${YEAR}-05-${String(d).padStart(2, '0')}`, '全', now);
          cadres.push({ id: c, post, township: t });
        }
      }
    })();
    const scheme = activateScheme(db, createFromTemplate(db, county, YEAR, 'villagers30').id);
    db.transaction(() => {
      for (const c of cadres) {
        const cells = gridColumns(scheme, c.post)
          .filter((g) => g.source === 'score')
          .map((g) => ({
            cadreId: c.id,
            component: g.component,
            indicator: g.indicator,
            value: Math.round(g.max * (0.7 + rand() * 0.3) * 100) / 100,
          }));
        setScores(db, county, YEAR, cells);
        const n = 80 + Math.floor(rand() * 40);
        const s = Math.floor(n * (0.6 + rand() * 0.4));
        setBallots(db, {
          countyId: county,
          year: YEAR,
          cadreId: c.id,
          satisfied: s,
          basic: Math.floor((n - s) / 2),
          unsatisfied: 0,
          ballots: n,
        });
      }
    })();

    const full: number[] = [];
    let rows = 0;
    // two warm-up runs (statement preparation, JIT) are not counted
    for (let i = 0; i < 22; i++) {
      const t0 = performance.now();
      rows = computeResults(db, { countyId: county, year: YEAR, today: TODAY }).rows.length;
      if (i >= 2) full.push(performance.now() - t0);
    }
    if (rows !== cadres.length) throw new Error(`expected ${cadres.length} rows, got ${rows}`);

    const input: EngineCadre[] = cadres.map((c, i) => ({
      cadreId: c.id,
      postType: c.post,
      group: 'county',
      groupLabel: '基准县',
      values: Object.fromEntries(
        gridColumns(scheme, c.post)
          .filter((g) => g.source === 'score')
          .map((g) => [g.indicator ? `${g.component}.${g.indicator}` : g.component, g.max * 0.9]),
      ),
      ballots: { villagers: { satisfied: 80 + (i % 20), basic: 10, unsatisfied: 0, ballots: 110 } },
      facts: { checkAbsences: i % 23 === 0 ? 1 : 0, monthsShort: 0, projects: 1, missedMilestones: 0 },
    }));
    const engine: number[] = [];
    for (let i = 0; i < 30; i++) {
      const t0 = performance.now();
      evaluateCounty(scheme, input, { noExcellentAt: 1, maxBasicAt: 2, incompetentAt: 3 });
      engine.push(performance.now() - t0);
    }
    return [
      {
        name: 'recompute county results, 300 cadres (SQLite + records + rules), p95',
        value: p95(full),
        unit: 'ms',
        target: 100,
        better: 'lower',
      },
      { name: 'rules engine alone, 300 cadres, p95', value: p95(engine), unit: 'ms', target: 100, better: 'lower' },
    ];
  });
};
