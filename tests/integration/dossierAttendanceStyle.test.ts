/**
 * The dossier's monthly attendance table read back from a real PDF (issue 11, K): set at
 * ≥ 9 pt (measured with pdftotext -bbox against the 3号 legend under it, so it holds with
 * any fonts) and a half day shown as two marks, morning above afternoon.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenCore } from '../../main/api/open';
import { setCells } from '../../main/core/attendance/grid';
import { revokeCertification } from '../../main/core/attendance/certify';
import { BODY_SIZE } from '../../main/dossier/typeset/layout';
import { words } from '../fixtures/pdfWords';
import { openDemoCopy, removeDemoCopy } from '../fixtures/demoCopy';
import { printDossier } from '../fixtures/printDossier';

let dir: string;
let core: OpenCore;

beforeAll(async () => {
  ({ dir, core } = await openDemoCopy('attstyle')); // the demo county, prepared once per run
}, 180_000);

afterAll(() => removeDemoCopy(core, dir));

describe('monthly attendance table in the dossier', () => {
  it('is set at 9 pt or more and shows a half day as two marks', async () => {
    const db = core.ctx.db;
    const p = db
      .prepare(
        'SELECT cadre_id AS cadreId, township_id AS townshipId FROM postings WHERE start <= \'2024-03-01\' AND ("end" IS NULL OR "end" >= \'2024-03-31\') ORDER BY cadre_id LIMIT 1',
      )
      .get() as { cadreId: number; townshipId: number };
    // 2024-03-05 (a Tuesday): morning 事假, afternoon on post (the demo's certification revoked first)
    revokeCertification(db, { townshipId: p.townshipId, month: '2024-03', reason: '更正半天事假' });
    setCells(db, {
      townshipId: p.townshipId,
      month: '2024-03',
      edits: [{ cadreId: p.cadreId, date: '2024-03-05', half: '上', code: '事假' }],
    });
    const out = path.join(dir, 'att.pdf');
    await printDossier(core, p.cadreId, 2024, out);
    const all = words(out);
    const page = all.find((w) => w.text.includes('考勤情况（按月）'))!.page;
    const on = all.filter((w) => w.page === page);
    // size: a cell word against the 3号 legend word (same body face)
    const legend = on.find((w) => w.text.includes('说明'))!;
    const cell = on.find((w) => w.text === '未认定' || w.text === '本月未结束')!;
    const size = ((cell.yMax - cell.yMin) / (legend.yMax - legend.yMin)) * BODY_SIZE;
    expect(size).toBeGreaterThanOrEqual(8.9);
    // the half day: 事 with √ right below it in the same day column
    const shi = on.filter((w) => w.text === '事');
    const half = shi.find((s) =>
      on.some((w) => w.text === '√' && Math.abs(w.xMin - s.xMin) < 2 && w.yMin > s.yMax - 1 && w.yMin - s.yMin < 1.6 * size),
    );
    expect(half, '事 above √ in one cell').toBeDefined();
  });
});
