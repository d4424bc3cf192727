/**
 * The evaluation channels through the ONE handler table over a real SQLite file: a scheme from
 * a template, keyboard-style batch scores and ballots, results where a check absence caps one
 * cadre and the 10% quota pushes another from 优秀 (with the reason), finalising locks the year,
 * reopening needs a reason and is logged, and editing the active scheme makes a new version
 * while the finalised snapshot keeps the version it was computed with. Outcomes and evidence.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore, type OpenCore } from '../../main/api/open';
import { handlerCalls } from '../fixtures/handlerCalls';
import { ballotSheet, buildEvalFixture, cellsFor, T1_NAMES, YEAR, type EvalIds } from './evaluationFixture';
import { REQUIRED_CATEGORIES } from '../../shared/domain';
import { certify } from './certifyFixture';

let dir: string;
let core: OpenCore;
let ids: EvalIds;
let schemeId = 0;

const { ok, refused } = handlerCalls(() => core);
const count = (sql: string, ...args: unknown[]) => (core.ctx.db.prepare(sql).get(...args) as { n: number }).n;
const cy = () => ({ countyId: ids.county, year: YEAR });
const SCORES: Record<string, number> = { 张伟: 96, 王芳: 95, 李娜: 98 };

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onebag-eval-'));
  core = openCore({ dataDir: dir, host: { kind: 'cli', blobUrl: (s) => `blob:${s}` } });
  ids = buildEvalFixture(core);
});
afterAll(() => {
  core.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('evaluation', () => {
  it('creates a draft from a template and activates it', async () => {
    const templates = await ok('evaluation.schemes.templates', {});
    expect(templates.map((t) => t.name)).toEqual(['蒲县方案（70/20/10）', '“五评”方案（各20%）', '群众评议30%方案（一述两评一查）']);
    expect(await refused('evaluation.sheet.save', { ballots: [], ...cy(), cells: cellsFor(ids.deputy, '乡镇党委第一副书记', 80) })).toBe(
      '义县2024年度尚未启用考核方案，请先在“考核方案”中选择模板并启用',
    );
    const empty = await ok('evaluation.results.compute', cy());
    expect([empty.scheme, empty.rows.length]).toEqual([null, 0]);
    expect(await refused('evaluation.print.countyTable', cy())).toBe('义县2024年度尚未启用考核方案');
    const s = await ok('evaluation.schemes.createFromTemplate', { ...cy(), template: 'villagers30' });
    expect([s.version, s.status, s.excellentQuota]).toEqual([1, 'draft', 10]);
    const bad = JSON.parse(JSON.stringify(s)) as typeof s;
    bad.components[0]!.weight = 25;
    expect(await refused('evaluation.schemes.saveDraft', { id: s.id, body: bad })).toBe('各考核项目权重之和应为100%，现为105%');
    schemeId = (await ok('evaluation.schemes.activate', { id: s.id })).id;
    expect((await ok('evaluation.schemes.list', cy())).map((x) => [x.version, x.status])).toEqual([[1, 'active']]);
  });

  it('shows the grid with differentiated columns and takes batch scores and ballots', async () => {
    const grid = await ok('evaluation.scores.grid', { ...cy(), townshipId: ids.t1 });
    expect(grid.rows).toHaveLength(10);
    expect(grid.columns['村党组织第一书记'].map((c) => c.label)).toEqual([
      '述职',
      '建强村党组织',
      '推进强村富民',
      '提升治理水平',
      '为民办事服务',
      '群众评议',
      '实地核查',
    ]);
    expect(grid.columns['乡镇党委第一副书记'].map((c) => c.label)).toContain('统筹驻村工作');
    for (const name of T1_NAMES) {
      const x = SCORES[name] ?? 80;
      await ok('evaluation.sheet.save', { ballots: [], ...cy(), cells: cellsFor(ids.cadres[name]!, '村党组织第一书记', x) });
      await ok(
        'evaluation.sheet.save',
        ballotSheet({
          ...cy(),
          cadreId: ids.cadres[name]!,
          satisfied: x,
          basic: 0,
          unsatisfied: 100 - x,
          ballots: 100,
        }),
      );
    }
    const { rows } = await ok('evaluation.sheet.save', { ballots: [], ...cy(), cells: cellsFor(ids.deputy, '乡镇党委第一副书记', 80) });
    expect(rows[0]!.total).toBeNull(); // ballots still missing
    const [row] = (
      await ok(
        'evaluation.sheet.save',
        ballotSheet({
          ...cy(),
          cadreId: ids.deputy,
          satisfied: 70,
          basic: 20,
          unsatisfied: 5,
          ballots: 100,
        }),
      )
    ).rows;
    // (70 + 12) / 100 = 82 → 16 + 24 + 24.6 + 16 = 80.60
    expect(row!.componentScores.villagers).toBe(82);
    expect(row!.total).toBe(80.6);
  });

  it('refuses bad cells as a whole, in Chinese, and changes nothing', async () => {
    const before = count('SELECT COUNT(*) AS n FROM eval_scores');
    const zhang = ids.cadres['张伟']!;
    const msg = await refused('evaluation.sheet.save', {
      ballots: [],
      ...cy(),
      cells: [
        { cadreId: zhang, component: 'report', indicator: null, value: 10 },
        { cadreId: zhang, component: 'org', indicator: 'party', value: 31 },
      ],
    });
    expect(msg).toBe('张伟的“建强村党组织”最高30分，录入了31分');
    expect(
      await refused('evaluation.sheet.save', {
        ballots: [],
        ...cy(),
        cells: [{ cadreId: zhang, component: 'org', indicator: 'lead', value: 10 }],
      }),
    ).toBe('张伟（村党组织第一书记）的考核方案中没有这一评分项，请刷新后重试');
    expect(
      await refused(
        'evaluation.sheet.save',
        ballotSheet({ ...cy(), cadreId: zhang, satisfied: 90, basic: 20, unsatisfied: 0, ballots: 100 }),
      ),
    ).toBe('张伟的“群众评议”：满意、基本满意、不满意票数之和不能超过总票数');
    expect(
      await refused('evaluation.sheet.save', {
        ballots: [],
        ...cy(),
        cells: [{ cadreId: zhang, component: 'report', indicator: null, value: 80.123 }],
      }),
    ).toContain('两位小数');
    expect(count('SELECT COUNT(*) AS n FROM eval_scores')).toBe(before);
    expect((await ok('evaluation.scores.grid', cy())).rows.find((r) => r.cadreId === zhang)!.total).toBe(96);
  });

  it('saves a score sheet — scores and ballots — all or nothing', async () => {
    const zhang = ids.cadres['张伟']!;
    const stored = () =>
      JSON.stringify(core.ctx.db.prepare('SELECT cell, hundredths FROM eval_scores WHERE cadre_id = ? ORDER BY cell').all(zhang));
    const before = stored();
    // A valid score with an impossible ballot count: the score must not be kept either.
    const msg = await refused('evaluation.sheet.save', {
      ...cy(),
      cells: [{ cadreId: zhang, component: 'report', indicator: null, value: 11 }],
      ballots: [{ cadreId: zhang, satisfied: 90, basic: 20, unsatisfied: 0, ballots: 100 }],
    });
    expect(msg).toBe('张伟的“群众评议”：满意、基本满意、不满意票数之和不能超过总票数');
    expect(stored()).toBe(before);
    expect(await refused('evaluation.sheet.save', { ...cy(), cells: [], ballots: [] })).toBe('没有要保存的分数');
  });

  it('caps the absent cadre and lets the 10% quota push one cadre from 优秀, saying why', async () => {
    const res = await ok('evaluation.results.compute', cy());
    const by = (n: string) => res.rows.find((r) => r.name === n)!;
    expect([by('李娜').total, by('李娜').scoreGrade, by('李娜').grade, by('李娜').rank]).toEqual([98, '优秀', '称职', 1]);
    expect(by('李娜').caps.map((c) => c.reason)).toEqual(['本年度督查1次不在岗（达到1次），不得评为优秀']);
    expect([by('张伟').grade, by('张伟').rank, by('张伟').quotaNote]).toEqual(['优秀', 2, null]);
    expect([by('王芳').scoreGrade, by('王芳').grade]).toEqual(['优秀', '称职']);
    expect(by('王芳').quotaNote).toBe('义县参评11人，优秀比例10%，名额1名（向下取整），名额已满；本人排名第3名（95.00分），评为称职');
    expect(res.groups).toEqual([{ key: 'county', label: '义县（全县统一）', size: 11, slots: 1, excellent: 1, pushed: 1, note: null }]);
    expect(res.counts).toEqual({ 优秀: 1, 称职: 10, 基本称职: 0, 不称职: 0 });
    const east = await ok('evaluation.results.compute', { ...cy(), townshipId: ids.t2 });
    expect(east.rows.map((r) => r.name)).toEqual(['孙丽']);
  });

  it('caps a cadre without a project of the year (the same records the alerts read)', async () => {
    const zhou = ids.cadres['周强']!;
    const saved = core.ctx.db.prepare('SELECT * FROM projects WHERE cadre_id = ?').get(zhou) as Record<string, unknown>;
    core.ctx.db.prepare('DELETE FROM projects WHERE cadre_id = ?').run(zhou);
    try {
      const r = (await ok('evaluation.results.compute', cy())).rows.find((x) => x.cadreId === zhou)!;
      expect(r.caps.map((c) => c.reason)).toEqual(['本年度无实施项目，不得评为优秀']);
      const ev = await ok('evaluation.evidence', { cadreId: zhou, year: YEAR });
      expect(ev.projects).toEqual([]);
    } finally {
      const cols = Object.keys(saved);
      core.ctx.db
        .prepare(`INSERT INTO projects (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`)
        .run(...cols.map((c) => saved[c]));
    }
  });

  it('shows the evidence beside a cadre: checks, projects, alerts, bag', async () => {
    const ev = await ok('evaluation.evidence', { cadreId: ids.cadres['李娜']!, year: YEAR });
    expect(ev.checkAbsences).toBe(1);
    expect(ev.projects.map((p) => p.name)).toEqual(['李娜帮扶项目']);
    expect(ev.alerts).toBeGreaterThanOrEqual(1);
    // 完整性, never a count: the required categories still empty for the year, in the bag's order.
    expect(ev).not.toHaveProperty('bag');
    const filed = new Set(
      (
        core.ctx.db
          .prepare('SELECT DISTINCT category FROM materials WHERE cadre_id = ? AND year = ?')
          .all(ids.cadres['李娜']!, YEAR) as Array<{ category: string }>
      ).map((r) => r.category),
    );
    expect(ev.bagMissing).toEqual(REQUIRED_CATEGORIES.filter((c) => !filed.has(c)));
  });

  it('finalises: the snapshot is stored and every edit is refused until reopened with a reason', async () => {
    const st = await ok('evaluation.results.finalise', cy());
    expect([st.finalised, st.schemeVersion]).toEqual([true, 1]);
    expect(count('SELECT COUNT(*) AS n FROM eval_results WHERE county_id = ? AND year = ?', ids.county, YEAR)).toBe(11);
    const lockedMsg = '2024年度考核已定档，不能修改；如确需修改，请先重新打开并说明原因';
    expect(await refused('evaluation.sheet.save', { ballots: [], ...cy(), cells: cellsFor(ids.deputy, '乡镇党委第一副书记', 99) })).toBe(
      lockedMsg,
    );
    expect(
      await refused(
        'evaluation.sheet.save',
        ballotSheet({ ...cy(), cadreId: ids.deputy, satisfied: 100, basic: 0, unsatisfied: 0, ballots: 100 }),
      ),
    ).toBe(lockedMsg);
    expect(await refused('evaluation.results.finalise', cy())).toBe('2024年度考核已经定档');
    expect(await refused('evaluation.results.reopen', { ...cy(), reason: ' ' })).toBe('请填写重新打开的原因');
    // the deputy's scores did not move
    expect((await ok('evaluation.results.compute', cy())).rows.find((r) => r.cadreId === ids.deputy)!.total).toBe(80.6);
    const reopened = await ok('evaluation.results.reopen', { ...cy(), reason: '乡镇党委复核后更正王芳实地核查分数' });
    expect(reopened.finalised).toBe(false);
    const log = await ok('evaluation.results.history', cy());
    expect(log.map((l) => [l.action, l.reason, l.operator, l.schemeVersion])).toEqual([
      ['finalise', null, '组织部王干事', 1],
      ['reopen', '乡镇党委复核后更正王芳实地核查分数', '组织部王干事', 1],
    ]);
  });

  it('editing the active scheme makes a new version; the old snapshot keeps version 1', async () => {
    const v1 = await ok('evaluation.schemes.get', { id: schemeId });
    const body = { ...v1, excellentQuota: 20 };
    const v2 = await ok('evaluation.schemes.saveDraft', { id: schemeId, body });
    expect([v2.id !== schemeId, v2.version, v2.status]).toEqual([true, 2, 'draft']);
    expect((await ok('evaluation.schemes.get', { id: schemeId })).excellentQuota).toBe(10);
    // the snapshot of the finalised run still names version 1
    expect(count('SELECT COUNT(*) AS n FROM eval_results WHERE scheme_id = ?', schemeId)).toBe(11);
    await ok('evaluation.schemes.activate', { id: v2.id });
    expect((await ok('evaluation.schemes.list', cy())).map((x) => [x.version, x.status])).toEqual([
      [2, 'active'],
      [1, 'superseded'],
    ]);
    expect(await refused('evaluation.schemes.activate', { id: schemeId })).toBe(
      '第1版方案已被替代，不能再启用；如需沿用，请在其基础上保存为新版本',
    );
    const live = await ok('evaluation.results.compute', cy());
    expect(live.scheme!.version).toBe(2);
    expect(live.rows.find((r) => r.name === '王芳')!.grade).toBe('优秀'); // 2 slots now
    await ok('evaluation.results.finalise', cy());
    const fin = await ok('evaluation.results.compute', cy());
    expect([fin.finalised, fin.scheme!.version]).toEqual([true, 2]);
    expect((await ok('evaluation.results.history', cy())).map((l) => l.schemeVersion)).toEqual([1, 1, 2]);
    expect(await refused('evaluation.schemes.activate', { id: (await ok('evaluation.schemes.saveDraft', { id: v2.id, body })).id })).toBe(
      '已定档，不能更换考核方案；如确需调整，请先重新打开',
    );
  });

  it('records outcomes (表彰 / 提拔重用) and refuses bad ones', async () => {
    const o = await ok('evaluation.outcomes.save', {
      cadreId: ids.cadres['张伟']!,
      year: YEAR,
      kind: '表彰',
      date: '2025-01-20',
      note: '全县优秀第一书记',
    });
    expect([o.name, o.township, o.kind]).toEqual(['张伟', '东乡', '表彰']);
    await ok('evaluation.outcomes.save', { cadreId: ids.deputy, year: YEAR, kind: '提拔重用', date: '2025-03-01', note: '' });
    expect((await ok('evaluation.outcomes.list', { year: YEAR, countyId: ids.county })).map((x) => x.name)).toEqual(['张伟', '孙丽']);
    expect(await refused('evaluation.outcomes.save', { cadreId: ids.deputy, year: YEAR, kind: '记功', date: '2025-03-01' })).toBe(
      '请选择结果运用类别：表彰、提拔重用',
    );
    expect(await refused('evaluation.outcomes.save', { cadreId: ids.deputy, year: YEAR, kind: '表彰', date: '2023-12-01' })).toBe(
      '表彰日期不能早于考核年度2024年',
    );
    await ok('evaluation.outcomes.remove', { id: o.id });
    expect((await ok('evaluation.outcomes.list', { year: YEAR })).map((x) => x.name)).toEqual(['孙丽']);
  });
});

describe('evidence and certification', () => {
  it('counts only months the township certified before saying they meet the minimum', async () => {
    const cadreId = ids.cadres['李娜']!;
    const before = await ok('evaluation.evidence', { cadreId, year: YEAR });
    // No month of the year is certified: the panel may not say "均达到要求".
    expect([before.certifiedMonths, before.uncertifiedMonths]).toEqual([0, 12]);
    const { township_id } = core.ctx.db.prepare('SELECT township_id FROM postings WHERE cadre_id = ?').get(cadreId) as {
      township_id: number;
    };
    certify(core.ctx.db, township_id, `${YEAR}-03`, `${YEAR + 1}-01-15`);
    const after = await ok('evaluation.evidence', { cadreId, year: YEAR });
    expect([after.certifiedMonths, after.uncertifiedMonths]).toEqual([1, 11]);
  });
});
