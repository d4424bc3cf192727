/**
 * Issue 11 B, "every sentence from records": the demo county is loaded once under an injected
 * clock and every volume of it is printed in one county batch per year. Each volume is read back
 * with pdftotext and every number of its attendance and report sections is checked against the
 * database: certified months, days on post, leave and absence (certified months only), the months
 * 未认定, the short months, the reports owed, submitted, linked at intake (待确认) and overdue.
 * No figure of the demo is written here: the expectations are read from the tables (certifications
 * and report submissions straight from SQL, a month's day counts from the one counting rule,
 * getMonthGrid), so the demo may change without this test changing.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openCore, type OpenCore } from '../../main/api/open';
import { localToday } from '../../main/core/runtime/clock';
import { getMonthGrid } from '../../main/core/attendance/grid';
import { getCadre } from '../../main/core/cadres/cadres';
import { listReports } from '../../main/core/worklog/reports';
import { loadDemo } from '../../main/demo/demo';
import { runCountyBatch } from '../../main/dossier/batch/county';
import { getDossierSettings } from '../../main/dossier/fromDb/settings';
import { certify } from './certifyFixture';
import { volumeNumberAssigner } from '../../main/core/archive/numbers';
import { ownCountyIds } from '../../main/core/lookup';
import { ownTownshipIds } from '../fixtures/ownTownships';

/** The clerk's clock for the whole test: the demo's months are then past but the last, which is running. */
const CLOCK = new Date(2025, 11, 20, 10, 0, 0);
/** Months certified through the real use case in every township (the demo's first ones), so a volume holds both kinds. */
const CERTIFIED_MONTHS = 6;

const squash = (s: string) => s.replace(/\s+/g, '');
const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));
const monthLast = (m: string) => {
  const [y, mm] = m.split('-').map(Number) as [number, number];
  return `${m}-${String(new Date(Date.UTC(y, mm, 0)).getUTCDate()).padStart(2, '0')}`;
};
const nextMonth = (m: string) => {
  const [y, mm] = m.split('-').map(Number) as [number, number];
  return mm === 12 ? `${y + 1}-01` : `${y}-${String(mm + 1).padStart(2, '0')}`;
};

let dir: string;
let core: OpenCore;
let today: string;
interface Volume {
  cadreId: number;
  name: string;
  year: number;
  text: string;
}
const volumes: Volume[] = [];

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'], now: CLOCK, shouldAdvanceTime: true });
  today = localToday();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onebag-consistency-'));
  core = openCore({ dataDir: path.join(dir, 'data'), host: { kind: 'cli', blobUrl: (s) => s } });
  await loadDemo(core.ctx, core.blobs);
  const { db } = core.ctx;
  const first = db.prepare('SELECT MIN(start) FROM postings').pluck().get() as string;
  const active = db.prepare('SELECT 1 FROM attendance_certifications WHERE township_id = ? AND month = ? AND revoked_at IS NULL');
  const months: string[] = [];
  for (let m = first.slice(0, 7); months.length < CERTIFIED_MONTHS; m = nextMonth(m)) months.push(m);
  for (const t of ownTownshipIds(db)) for (const m of months) if (!active.get(t, m)) certify(db, t, m, today);
  const settings = getDossierSettings(db);
  // the demo's own county (its second county is an imported, read-only copy)
  const counties = ownCountyIds(db);
  // every year some posting of the demo touches, up to the clock's year
  for (let year = Number(first.slice(0, 4)); year <= Number(today.slice(0, 4)); year++) {
    for (const countyId of counties) {
      const hasCadres = db
        .prepare(
          `SELECT 1 FROM postings p JOIN townships t ON t.id = p.township_id
            WHERE t.county_id = ? AND p.start <= ? AND (p."end" IS NULL OR p."end" >= ?) LIMIT 1`,
        )
        .get(countyId, `${year}-12-31`, `${year}-01-01`);
      if (!hasCadres) continue;
      const outDir = path.join(dir, `out-${countyId}-${year}`);
      const r = await runCountyBatch(db, core.blobs, { numbers: volumeNumberAssigner(db), countyId, year, outDir, pdfa: false }, settings, {
        progress: () => {},
        cancelled: () => false,
      });
      for (const v of r.results) {
        expect(v.error, `${v.name} ${year}`).toBeNull();
        volumes.push({
          cadreId: v.cadreId,
          name: v.name,
          year,
          text: squash(execFileSync('pdftotext', [v.file!, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 })),
        });
      }
    }
  }
}, 300_000);

afterAll(() => {
  vi.useRealTimers();
  core?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** What the database says about one cadre's attendance in one year, month by month. */
function attendanceFacts(cadreId: number, year: number) {
  const { db } = core.ctx;
  const cadre = getCadre(db, cadreId);
  const certified = db.prepare('SELECT 1 FROM attendance_certifications WHERE township_id = ? AND month = ? AND revoked_at IS NULL');
  const facts = {
    months: 0,
    certifiedMonths: 0,
    onPost: 0,
    leave: 0,
    absent: 0,
    short: [] as string[],
    uncertified: [] as string[],
    running: [] as string[],
  };
  const last = [`${year}-12`, today.slice(0, 7)].sort()[0]!;
  for (let month = `${year}-01`; month <= last; month = nextMonth(month)) {
    const townships = new Set(
      cadre.postings.filter((p) => p.start.slice(0, 7) <= month && (p.end === null || p.end.slice(0, 7) >= month)).map((p) => p.townshipId),
    );
    for (const t of townships) {
      const row = getMonthGrid(db, t, month, today).rows.find((r) => r.cadreId === cadreId);
      if (!row) continue;
      facts.months++;
      const label = `${Number(month.slice(5))}月`;
      if (certified.get(t, month)) {
        facts.certifiedMonths++;
        facts.onPost += row.counts.onPost;
        facts.leave += row.counts.leave;
        facts.absent += row.counts.absent;
        if (!row.counts.meetsMinimum) facts.short.push(`${label}（${fmt(row.counts.onPost)}天）`);
      } else if (monthLast(month) < today) facts.uncertified.push(label);
      else facts.running.push(label);
    }
  }
  return facts;
}

/** What the database says about one cadre's reports owed in one year. */
function reportFacts(cadreId: number, year: number) {
  const { db } = core.ctx;
  const owed = listReports(db, cadreId, year, today).filter((r) => r.periodEnd >= `${year}-01-01`);
  const stored = db
    .prepare(
      `SELECT period, linked_at_intake AS auto, confirmed_at AS confirmedAt, m.title FROM report_submissions s
         JOIN materials m ON m.id = s.material_id WHERE s.cadre_id = ? AND s.period LIKE ?`,
    )
    .all(cadreId, `${year}-%`) as Array<{ period: string; auto: number; confirmedAt: string | null; title: string }>;
  const byPeriod = new Map(stored.map((s) => [s.period, s]));
  const mine = owed.map((r) => ({ ...r, stored: byPeriod.get(r.period) }));
  const reportsInBag = db
    .prepare(`SELECT COUNT(*) FROM materials WHERE cadre_id = ? AND category IN ('工作汇报', '工作总结') AND date BETWEEN ? AND ?`)
    .pluck()
    .get(cadreId, `${year}-01-01`, `${year}-12-31`) as number;
  return {
    owed: mine.length,
    submitted: mine.filter((r) => r.stored).length,
    toConfirm: mine.filter((r) => r.stored?.auto === 1 && r.stored.confirmedAt === null).length,
    overdue: mine.filter((r) => !r.stored && r.dueDate < today),
    titles: mine.flatMap((r) => (r.stored ? [r.stored.title] : [])),
    reportsInBag,
  };
}

describe('every demo volume agrees with the database (issue 11 B)', () => {
  it('prints at least one volume per cadre', () => {
    // the demo county's own cadres (the imported county's are printed by their own department)
    const cadres = core.ctx.db
      .prepare(
        `SELECT COUNT(DISTINCT p.cadre_id) FROM postings p JOIN townships t ON t.id = p.township_id
          JOIN counties c ON c.id = t.county_id WHERE c.origin IS NULL`,
      )
      .pluck()
      .get() as number;
    expect(new Set(volumes.map((v) => v.cadreId)).size).toBe(cadres);
  });

  it('attendance: certified months, days on post, leave, absence, short and 未认定 months', () => {
    let checked = 0;
    for (const v of volumes) {
      const f = attendanceFacts(v.cadreId, v.year);
      const where = `${v.name} ${v.year}`;
      if (f.months === 0) {
        expect(v.text, where).not.toContain('年度考勤情况');
        continue;
      }
      checked++;
      if (f.certifiedMonths === 0) {
        expect(v.text, where).toContain('期内各月考勤均未经乡镇党委认定，在岗天数未认定，不作统计。');
        expect(v.text, where).not.toMatch(/经乡镇党委认定的\d+个月中/);
      } else {
        const m = /经乡镇党委认定的(\d+)个月中，在岗([\d.]+)天，请假([\d.]+)天，缺勤([\d.]+)天。/.exec(v.text);
        expect(m, where).not.toBeNull();
        expect(Number(m![1]), where).toBe(f.certifiedMonths);
        expect(m![2], where).toBe(fmt(f.onPost));
        expect(m![3], where).toBe(fmt(f.leave));
        expect(m![4], where).toBe(fmt(f.absent));
        if (f.short.length) expect(v.text, where).toContain(`在岗不足规定天数的月份：${f.short.join('、')}。`);
        else expect(v.text, where).toContain('已认定各月在岗天数均达到规定。');
      }
      const uncertified = /(?:尚未经乡镇党委认定的月份（未认定，不计入上述天数）|未认定的月份)：([^。]*)。/.exec(v.text);
      if (f.uncertified.length) expect(uncertified?.[1], where).toBe(f.uncertified.join('、'));
      else expect(uncertified, where).toBeNull();
      if (f.running.length) expect(v.text, where).toContain(`${f.running.join('、')}尚未结束，不作统计。`);
      // a volume of a year after the clock counts no day after today
      expect(v.text, where).not.toMatch(/在岗(\d{4,})天/);
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('reports: owed, submitted, linked at intake (待确认) and overdue; no volume says 0 submitted beside a filed report', () => {
    let checked = 0;
    for (const v of volumes) {
      const f = reportFacts(v.cadreId, v.year);
      const where = `${v.name} ${v.year}`;
      if (f.owed === 0) continue;
      checked++;
      const m = /期内应报送季度报告和半年总结(\d+)次，已提交(\d+)次(?:（其中(\d+)次为报告归档时自动关联，待确认）)?/.exec(v.text);
      expect(m, where).not.toBeNull();
      expect(Number(m![1]), where).toBe(f.owed);
      expect(Number(m![2]), where).toBe(f.submitted);
      expect(Number(m![3] ?? 0), where).toBe(f.toConfirm);
      if (f.reportsInBag > 0) expect(f.submitted, `${where}: a report is filed in the bag`).toBeGreaterThan(0);
      const label = (r: (typeof f.overdue)[number]) => `${r.periodLabel}${r.kind === '季度报告' ? '报告' : '总结'}`;
      if (f.overdue.length === 0) expect(v.text, where).not.toMatch(/已提交\d+次(?:（[^）]*）)?，逾期未交/);
      else if (f.overdue.length <= 3) expect(v.text, where).toContain(`，逾期未交：${f.overdue.map(label).join('、')}`);
      else expect(v.text, where).toContain(`，逾期未交${f.overdue.length}次`);
      expect(v.text, where).toContain(`状态截至${Number(today.slice(0, 4))}年${Number(today.slice(5, 7))}月${Number(today.slice(8))}日`);
      for (const t of f.titles) expect(v.text, where).toContain(squash(`《${t}》`));
    }
    expect(checked).toBeGreaterThan(0);
  });
});
