/**
 * 定稿 with scores missing (issue 14, item 8) through the ONE handler table over a real SQLite
 * file: refused without a written reason (and with a too-short one), accepted with one; the
 * unscored stay without total and grade in the snapshot; the reason is in the year's log, the
 * audit entry, the results and the printed county table (read back with pdftotext).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore, type OpenCore } from '../../main/api/open';
import { activateScheme, createFromTemplate } from '../../main/core/evaluation/schemes';
import { setBallots, setScores } from '../../main/core/evaluation/scores';
import { handlerCalls } from '../fixtures/handlerCalls';
import { buildEvalFixture, cellsFor, SCORES, T1_NAMES, YEAR, type EvalIds } from './evaluationFixture';

let dir: string;
let core: OpenCore;
let ids: EvalIds;
const { ok, refused } = handlerCalls(() => core);
const cy = () => ({ countyId: ids.county, year: YEAR });
const REASON = '吴刚已于10月调回原单位，群众评议无法组织';

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onebag-evalfin-'));
  core = openCore({ dataDir: dir, host: { kind: 'cli', blobUrl: (s) => `blob:${s}` } });
  ids = buildEvalFixture(core);
  const db = core.ctx.db;
  activateScheme(db, createFromTemplate(db, ids.county, YEAR, 'villagers30').id);
  // Everyone scored but 吴刚.
  for (const n of T1_NAMES.filter((x) => x !== '吴刚')) {
    const x = SCORES[n] ?? 80;
    setScores(db, ids.county, YEAR, cellsFor(ids.cadres[n]!, '村党组织第一书记', x));
    setBallots(db, {
      countyId: ids.county,
      year: YEAR,
      cadreId: ids.cadres[n]!,
      satisfied: x,
      basic: 0,
      unsatisfied: 100 - x,
      ballots: 100,
    });
  }
  setScores(db, ids.county, YEAR, cellsFor(ids.deputy, '乡镇党委第一副书记', 80));
  setBallots(db, { countyId: ids.county, year: YEAR, cadreId: ids.deputy, satisfied: 80, basic: 0, unsatisfied: 20, ballots: 100 });
});
afterAll(() => {
  core.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('finalising with scores missing', () => {
  it('is refused without a written reason and changes nothing', async () => {
    expect(await refused('evaluation.results.finalise', cy())).toBe('还有1名干部的分数未录全（吴刚），不能定档；如确需定档，请写明原因');
    expect(await refused('evaluation.results.finalise', { ...cy(), incompleteReason: ' 调走 ' })).toBe(
      '请写明分数未录全仍要定稿的原因（至少5个字）',
    );
    expect((await ok('evaluation.results.state', cy())).finalised).toBe(false);
    expect(await ok('evaluation.results.history', cy())).toEqual([]);
  });

  it('is accepted with a reason kept in the log, the audit entry and the results', async () => {
    const st = await ok('evaluation.results.finalise', { ...cy(), incompleteReason: `  ${REASON} ` });
    expect([st.finalised, st.incompleteReason]).toEqual([true, REASON]);
    const res = await ok('evaluation.results.compute', cy());
    expect(res.incompleteReason).toBe(REASON);
    const wu = res.rows.find((r) => r.name === '吴刚')!;
    expect([wu.total, wu.grade, wu.rank]).toEqual([null, null, null]);
    expect(res.rows.filter((r) => r.total !== null)).toHaveLength(10);
    expect((await ok('evaluation.results.history', cy())).map((l) => [l.action, l.reason])).toEqual([['finalise', REASON]]);
    const a = core.ctx.db
      .prepare(`SELECT detail FROM audit_log WHERE action = 'finalise' AND entity = 'eval_year' ORDER BY id DESC LIMIT 1`)
      .get() as { detail: string };
    expect(JSON.parse(a.detail)).toMatchObject({ reason: REASON, unscored: '吴刚' });
    const stored = core.ctx.db
      .prepare('SELECT total_hundredths AS t, grade FROM eval_results WHERE cadre_id = ?')
      .get(ids.cadres['吴刚']) as { t: number | null; grade: string | null };
    expect(stored).toEqual({ t: null, grade: null });
  });

  it('prints the reason on the county table', async () => {
    const pdf = await ok('evaluation.print.countyTable', cy());
    const t = execFileSync('pdftotext', [core.blobs.pathOf(pdf.sha256), '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(t).toContain(`定档说明：1人分数未录全（吴刚），经确认定档。原因：${REASON}`);
  });

  it('a full year keeps no reason: there is nothing to explain', async () => {
    await ok('evaluation.results.reopen', { ...cy(), reason: '补录吴刚的分数' });
    setScores(core.ctx.db, ids.county, YEAR, cellsFor(ids.cadres['吴刚']!, '村党组织第一书记', 80));
    setBallots(core.ctx.db, {
      countyId: ids.county,
      year: YEAR,
      cadreId: ids.cadres['吴刚']!,
      satisfied: 80,
      basic: 0,
      unsatisfied: 20,
      ballots: 100,
    });
    const st = await ok('evaluation.results.finalise', { ...cy(), incompleteReason: '不需要的原因说明' });
    expect(st.incompleteReason).toBeNull();
    expect((await ok('evaluation.results.history', cy())).map((l) => [l.action, l.reason])).toEqual([
      ['finalise', REASON],
      ['reopen', '补录吴刚的分数'],
      ['finalise', null],
    ]);
  });
});
