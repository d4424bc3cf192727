/**
 * Issue 11 B: a 工作汇报/工作总结 filed in the bag counts as submitted — linked at intake,
 * confirmable. Through the real channels (zod + handler table) and the CLI in-process on a real
 * data folder: the link shows on the material and in the report list as 待确认, confirming and
 * withdrawing are audited, bad input changes nothing, and the printed dossier says which links
 * wait for confirmation (pdftotext).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore, type OpenCore } from '../../main/api/open';
import { addMaterial } from '../../main/core/bag/bag';
import { dispatch } from '../../main/core/runtime/dispatch';
import { setSetting } from '../../main/core/runtime/settings';
import type { MaterialReportLink, ReportRow } from '../../shared/worklog';
import { pdfLibPdf } from '../fixtures/makeFiles';
import { insertCadre, insertCounty, insertPosting, insertTownship } from '../fixtures/sqlRows';
import { printDossier } from '../fixtures/printDossier';
import { onebagLines } from '../fixtures/cliHere';

const ID_NUMBER = '110101199001011234';
let dir: string;
let core: OpenCore;
let cadreId: number;
let pdf: string;

const call = async <T>(channel: string, input: unknown): Promise<T> => {
  const r = await dispatch(core.handlers, channel, input);
  if (!r.ok) throw new Error(r.error.message);
  return r.value as T;
};
const refusal = async (channel: string, input: unknown) => {
  const r = await dispatch(core.handlers, channel, input);
  expect(r.ok).toBe(false);
  return r.ok ? '' : r.error.message;
};
const auditCount = () => core.ctx.db.prepare(`SELECT COUNT(*) FROM audit_log WHERE entity = 'report_submission'`).pluck().get() as number;
const lastAudit = () =>
  core.ctx.db
    .prepare(`SELECT action, detail, before, after FROM audit_log WHERE entity = 'report_submission' ORDER BY id DESC LIMIT 1`)
    .get() as { action: string; detail: string; before: string; after: string };
const file = (category: '工作汇报' | '工作总结', title: string, date: string) =>
  addMaterial(
    core.ctx.db,
    core.blobs,
    cadreId,
    { category, title, date, year: Number(date.slice(0, 4)), responsible: null, docNumber: null, secrecy: '公开', notes: null },
    [{ path: pdf, name: `${title}.pdf` }],
  );
const cli = (...args: string[]) => onebagLines(core.ctx.dataDir, args);
const printed = async (name: string) => {
  const out = path.join(dir, name);
  await printDossier(core, cadreId, 2025, out);
  return execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
};

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onebag-reportlinks-'));
  core = openCore({ dataDir: path.join(dir, 'data'), host: { kind: 'cli', blobUrl: (s) => s } });
  const { db } = core.ctx;
  setSetting(db, 'operator', '组织部刘干事');
  const county = insertCounty(db, '岚川县');
  const township = insertTownship(db, county, '石门镇');
  cadreId = insertCadre(db, '张三', ID_NUMBER);
  insertPosting(db, cadreId, township, null, '2025-01-01', '2025-12-31');
  pdf = path.join(dir, 'report.pdf');
  fs.writeFileSync(pdf, await pdfLibPdf(1));
});
afterAll(() => {
  core?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('reports linked at intake', () => {
  it('shows the link on the material and in the list as 待确认; the dossier says so; confirming is audited once', async () => {
    const m = await file('工作汇报', '一季度驻村工作汇报', '2025-04-05');
    const link = await call<MaterialReportLink>('reports.linkOfMaterial', { materialId: m.id });
    expect(link).toMatchObject({
      cadreId,
      kind: '季度报告',
      period: '2025-Q1',
      submittedOn: '2025-04-05',
      linkedAtIntake: true,
      toConfirm: true,
      confirmedAt: null,
    });
    const q1 = async () =>
      (await call<ReportRow[]>('reports.list', { cadreId, year: 2025, today: '2025-12-20' })).find((r) => r.period === '2025-Q1')!;
    expect(await q1()).toMatchObject({ status: '已提交', materialId: m.id, linkToConfirm: true });

    const before = await printed('before.pdf');
    expect(before).toContain('已提交1次（其中1次为报告归档时自动关联，待确认）');
    expect(before).toContain('（归档时自动关联，待确认）');

    const audits = auditCount();
    const row = await call<ReportRow>('reports.confirmLink', { cadreId, period: '2025-Q1' });
    expect(row).toMatchObject({ period: '2025-Q1', status: '已提交', linkToConfirm: false });
    expect(auditCount()).toBe(audits + 1);
    const a = lastAudit();
    expect(a.action).toBe('update');
    expect(JSON.parse(a.detail)).toMatchObject({ period: '2025-Q1', confirmed: true });
    expect(JSON.parse(a.before)).toMatchObject({ confirmed_at: null, linked_at_intake: 1 });
    expect(JSON.parse(a.after)).toMatchObject({ confirmed_by: '组织部刘干事' });
    expect(await call<MaterialReportLink>('reports.linkOfMaterial', { materialId: m.id })).toMatchObject({
      toConfirm: false,
      confirmedBy: '组织部刘干事',
    });
    await call('reports.confirmLink', { cadreId, period: '2025-Q1' }); // twice: nothing new
    expect(auditCount()).toBe(audits + 1);

    const after = await printed('after.pdf');
    expect(after).toContain('已提交1次');
    expect(after).not.toContain('待确认');
    expect(after).toContain('《一季度驻村工作汇报》');
  });

  it('refuses bad input in Chinese and changes nothing', async () => {
    const audits = auditCount();
    expect(await refusal('reports.confirmLink', { cadreId, period: '2025-Q9' })).toMatch(/[\u4e00-\u9fff]/);
    expect(await refusal('reports.confirmLink', { cadreId, period: '2025-Q2' })).toBe('2025年第二季度尚无关联的报告材料，无需确认');
    expect(await refusal('reports.confirmLink', { cadreId, period: '2024-Q4' })).toContain('在2024年第四季度不在任职期内，无需报送');
    expect(await refusal('reports.linkOfMaterial', { materialId: -1 })).toMatch(/[\u4e00-\u9fff]/);
    expect(auditCount()).toBe(audits);
  });

  it('the CLI lists, confirms and withdraws a link; the material stays in the bag', async () => {
    const m = await file('工作总结', '上半年驻村工作总结', '2025-07-05');
    const list = await cli('reports', '--cadre', ID_NUMBER, '--year', '2025');
    expect(list.code).toBe(0);
    expect(list.out).toMatch(/2025-H1\s+半年总结\s+\S+\s+已提交，待确认\s+《上半年驻村工作总结》/);

    const confirmed = await cli('reports', '--cadre', ID_NUMBER, '--confirm', '2025-H1', '--json');
    expect(confirmed.code).toBe(0);
    expect(confirmed.out.split('\n')[0]).toBe('已确认：张三2025年上半年半年总结为《上半年驻村工作总结》');
    const rows = JSON.parse(confirmed.out.split('\n').slice(1).join('\n')) as ReportRow[];
    expect(rows.find((r) => r.period === '2025-H1')).toMatchObject({ status: '已提交', linkToConfirm: false, materialId: m.id });

    const audits = auditCount();
    const unlinked = await cli('reports', '--cadre', ID_NUMBER, '--unlink', '2025-H1');
    expect(unlinked.code).toBe(0);
    expect(unlinked.out).toContain('已取消：张三2025-H1的报告关联');
    expect(auditCount()).toBe(audits + 1);
    expect(lastAudit().action).toBe('delete');
    expect(await call('reports.linkOfMaterial', { materialId: m.id })).toBeNull();
    expect(core.ctx.db.prepare('SELECT 1 FROM materials WHERE id = ?').get(m.id)).toBeDefined();

    const bad = await cli('reports', '--cadre', ID_NUMBER, '--confirm', '2025-Q5');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('报告期次格式应为 2025-Q1 或 2025-H1');
    const gone = await cli('reports', '--cadre', ID_NUMBER, '--confirm', '2025-H1');
    expect(gone.code).toBe(1);
    expect(gone.err).toContain('2025年上半年尚无关联的报告材料，无需确认');
    expect(auditCount()).toBe(audits + 1);
  });
});
