/**
 * The demo county on a fresh data directory, loaded on the suite's today (TEST_TODAY):
 * organisation, 20 cadres with valid ID numbers and consistent gender/birth date, one posting
 * history, 4–8 materials per bag, every original stored content-addressed and intact, PDFs
 * with page counts and real Chinese text; the attendance year: certified months with the
 * sealed registers filed, the current month open, the cross-check cases, and alerts that are
 * only the deliberate ones (the list in main/demo/demo.ts).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreContext } from '../../main/core/runtime/context';
import type { ProgressEvent } from '../../shared/api';
import { DEMO_SEED, demoMaterialCount, loadDemo, type DemoSummary } from '../../main/demo/demo';
import { demoCadres, demoCalendar } from '../../main/demo/demoData';
import { computeAlerts } from '../../main/core/events/alerts';
import { planAlerts } from '../../main/core/work/planAlerts';
import { listVerifications } from '../../main/core/events/verifications';
import { FULL_YEAR, TEST_TODAY, TEST_YEAR } from '../fixtures/testToday';
import { BlobStore } from '../../main/files/blobStore';
import { openDatabase, type Db } from '../../main/store/db';
import { MATERIAL_CATEGORIES, POST_TYPES } from '../../shared/domain';
import { checkIdNumber } from '../../shared/idNumber';
import { AppError } from '../../shared/result';

let dir: string;
let db: Db;
let blobs: BlobStore;
let summary: DemoSummary;
let elapsed = 0;
const progress: ProgressEvent[] = [];

const count = (sql: string, ...args: unknown[]) =>
  db
    .prepare(sql)
    .pluck()
    .get(...args) as number;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onebag-demo-test-'));
  db = openDatabase(dir);
  blobs = new BlobStore(dir);
  const ctx: CoreContext = {
    db,
    dataDir: dir,
    host: { kind: 'cli', blobUrl: (s) => `blob:${s}`, progress: (e) => progress.push(e) },
  };
  const t = Date.now();
  summary = await loadDemo(ctx, blobs, { today: TEST_TODAY });
  elapsed = Date.now() - t;
}, 600_000);

afterAll(() => {
  db?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The demo's own 20 people, and the bag items that are not reports filed by the demo's work (demoReports.ts). */
const DEMO_NAMES = demoCadres(DEMO_SEED, demoCalendar(TEST_TODAY)).map((c) => c.name);
const NOT_FILED_REPORT = 'm.id NOT IN (SELECT material_id FROM report_submissions WHERE linked_at_intake = 0)';

describe('loadDemo', () => {
  it('reports progress over every step (load time is measured by the bench, not here)', () => {
    expect(elapsed).toBeGreaterThan(0);
    // Organisation, cadres, each file made and filed, each month of the attendance year (from
    // March of Y-2 to today's month) and its logs and plans, the year's work in 7 parts: not only files.
    const months = (TEST_YEAR - (TEST_YEAR - 2)) * 12 + Number(TEST_TODAY.slice(5, 7)) - 3 + 1;
    const total = progress[0]!.total;
    expect(total).toBe(1 + summary.cadres + 2 * summary.materials + months + 1 + 7);
    expect(progress.every((e, i) => e.total === total && (i === 0 || e.done >= progress[i - 1]!.done))).toBe(true);
    // Truthful: the planned steps are all counted before the end is announced (the bar never jumps at the end).
    expect(progress.at(-2)!.done).toBe(total);
    expect(progress.at(-1)).toMatchObject({ done: total, finished: true, label: '示例数据已载入' });
    expect(progress.some((e) => e.label.startsWith('正在归档示例材料'))).toBe(true);
    const monthSteps = progress.filter((e) => e.label.startsWith('正在录入考勤、督查与认定记录：'));
    expect(monthSteps).toHaveLength(months);
    expect(monthSteps.at(-1)!.label).toBe(`正在录入考勤、督查与认定记录：${TEST_YEAR}年${Number(TEST_TODAY.slice(5, 7))}月`);
    expect(progress.some((e) => e.label === '正在导入青石县的年度数据包')).toBe(true);
  });

  it('creates the organisation: 1 county, 3 townships, 12 villages, the units', () => {
    // ... and the second county, imported as another department's signed bundle (demoSecondCounty.ts).
    expect(count('SELECT COUNT(*) FROM counties WHERE origin IS NULL')).toBe(1);
    expect(count('SELECT COUNT(*) FROM counties WHERE origin IS NOT NULL')).toBe(1);
    expect(count('SELECT COUNT(*) FROM townships t JOIN counties c ON c.id = t.county_id WHERE c.origin IS NULL')).toBe(3);
    expect(
      count(
        'SELECT COUNT(*) FROM villages v JOIN townships t ON t.id = v.township_id JOIN counties c ON c.id = t.county_id WHERE c.origin IS NULL',
      ),
    ).toBe(12);
    for (const t of db.prepare('SELECT t.id FROM townships t JOIN counties c ON c.id = t.county_id WHERE c.origin IS NULL').pluck().all()) {
      expect(count('SELECT COUNT(*) FROM villages WHERE township_id = ?', t)).toBe(4);
    }
    expect(count("SELECT COUNT(*) FROM units WHERE level = '市级'")).toBeGreaterThan(0);
    expect(count("SELECT COUNT(*) FROM units WHERE level = '县级'")).toBeGreaterThan(0);
    expect(summary).toMatchObject({ counties: 1, townships: 3, villages: 12, cadres: 20 });
  });

  it('creates 20 cadres with valid ID numbers, consistent gender and birth date', () => {
    const all = db.prepare('SELECT * FROM cadres').all() as Array<Record<string, string | null>>;
    for (const r of all) expect(checkIdNumber(r.id_number!).valid, `${r.name} ${r.id_number}`).toBe(true);
    // The demo's 20 people (the imported county's come with the work, demoWork.ts).
    const demoNames = new Set<string>(DEMO_NAMES);
    const rows = all.filter((r) => demoNames.has(r.name!));
    expect(rows).toHaveLength(20);
    for (const r of rows) {
      const id = checkIdNumber(r.id_number!);
      expect(id.valid, `${r.name} ${r.id_number}`).toBe(true);
      if (!id.valid) continue;
      expect(r.gender).toBe(id.gender);
      expect(r.birth_date).toBe(id.birthDate);
      expect(r.phone).toMatch(/^1[3-9]\d{9}$/);
      expect(POST_TYPES).toContain(r.post_type);
      expect(r.unit_id).not.toBeNull();
    }
    const byPost = (p: string) => rows.filter((r) => r.post_type === p).length;
    expect(byPost('乡镇党委第一副书记')).toBe(3);
    expect(byPost('村党组织第一书记')).toBe(12);
    expect(byPost('驻村工作队员')).toBe(5);
    // one township first deputy secretary per township, posted to the township (no village)
    expect(
      count(
        `SELECT COUNT(DISTINCT p.township_id) FROM postings p JOIN cadres c ON c.id = p.cadre_id
         JOIN townships t ON t.id = p.township_id JOIN counties k ON k.id = t.county_id
         WHERE c.post_type = '乡镇党委第一副书记' AND p.village_id IS NULL AND k.origin IS NULL`,
      ),
    ).toBe(3);
    // deterministic: the same seed gives the same people
    const names = rows.map((r) => r.name).sort();
    expect(names).toEqual(
      demoCadres(DEMO_SEED, demoCalendar(TEST_TODAY))
        .map((c) => c.name)
        .sort(),
    );
  });

  it('keeps a posting history for the cadre who moved in July of the full year', () => {
    const moved = db.prepare('SELECT cadre_id FROM postings GROUP BY cadre_id HAVING COUNT(*) > 1').pluck().all() as number[];
    expect(moved).toHaveLength(1);
    const ps = db.prepare('SELECT start, "end", village_id FROM postings WHERE cadre_id = ? ORDER BY start').all(moved[0]) as Array<{
      start: string;
      end: string | null;
      village_id: number;
    }>;
    expect(ps).toHaveLength(2);
    expect(ps[0]!.start).toBe(`${TEST_YEAR - 2}-03-01`);
    expect(ps[0]!.end).toBe(`${FULL_YEAR}-06-30`);
    expect(ps[1]!.start).toBe(`${FULL_YEAR}-07-01`);
    expect(ps[1]!.end).toBeNull();
    expect(ps[1]!.village_id).not.toBe(ps[0]!.village_id);
    expect(count('SELECT MIN(start) FROM postings') as unknown).toBe(`${TEST_YEAR - 2}-03-01`);
  });

  it('fills every bag with 4–8 materials across the categories (besides the filed registers)', () => {
    const perCadre = db
      .prepare(`SELECT c.id, COUNT(m.id) AS n FROM cadres c LEFT JOIN materials m ON m.cadre_id = c.id AND m.certification_id IS NULL AND ${NOT_FILED_REPORT}
                 WHERE c.name IN (${DEMO_NAMES.map((n) => `'${n}'`).join(', ')}) GROUP BY c.id ORDER BY c.id`)
      .all() as Array<{ id: number; n: number }>;
    expect(perCadre).toHaveLength(20);
    perCadre.forEach((r, i) => {
      expect(r.n).toBeGreaterThanOrEqual(4);
      expect(r.n).toBeLessThanOrEqual(8);
      expect(r.n).toBe(demoMaterialCount(i));
    });
    const total = perCadre.reduce((s, r) => s + r.n, 0);
    expect(total).toBe(summary.materials);
    expect(
      count(
        `SELECT COUNT(*) FROM material_files f JOIN materials m ON m.id = f.material_id JOIN cadres c ON c.id = m.cadre_id
          WHERE m.certification_id IS NULL AND ${NOT_FILED_REPORT} AND c.name IN (${DEMO_NAMES.map((n) => `'${n}'`).join(', ')})`,
      ),
    ).toBe(total);
    const cats = db.prepare('SELECT DISTINCT category FROM materials').pluck().all() as string[];
    for (const c of ['调研报告', '会议记录', '月考勤登记表', '工作总结', '年度工作日志', '工作汇报', '村情民情台账']) {
      expect(cats).toContain(c);
    }
    for (const c of cats) expect(MATERIAL_CATEGORIES).toContain(c);
    expect(count('SELECT COUNT(*) FROM materials WHERE date < ? OR date > ?', `${TEST_YEAR - 2}-03-01`, TEST_TODAY)).toBe(0);
    // A filed register belongs to its month's year, though certified early the next year.
    // (a report filed for a period belongs to the period's year, e.g. a Q4 report sent in January: not counted here)
    expect(
      count(
        `SELECT COUNT(*) FROM materials m JOIN cadres c ON c.id = m.cadre_id
          WHERE m.certification_id IS NULL AND m.year != CAST(substr(m.date, 1, 4) AS INTEGER) AND ${NOT_FILED_REPORT} AND c.name IN (${DEMO_NAMES.map((n) => `'${n}'`).join(', ')})`,
      ),
    ).toBe(0);
  });

  it('stores every original on disk with a matching SHA-256', () => {
    const rows = db.prepare('SELECT sha256, kind, size, page_count, width, height FROM blobs').all() as Array<{
      sha256: string;
      kind: string;
      size: number;
      page_count: number | null;
      width: number | null;
      height: number | null;
    }>;
    expect(rows.length).toBeGreaterThan(60);
    const kinds = new Set(rows.map((r) => r.kind));
    expect([...kinds].sort()).toEqual(['jpeg', 'pdf', 'png', 'text']); // text: the reports the demo's work filed
    for (const r of rows) {
      const file = blobs.pathOf(r.sha256);
      expect(fs.existsSync(file), r.sha256).toBe(true);
      const bytes = fs.readFileSync(file);
      expect(bytes.length).toBe(r.size);
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(r.sha256);
      if (r.kind === 'pdf') expect(r.page_count).toBeGreaterThanOrEqual(1);
      else if (r.kind !== 'text') expect(r.width! * r.height!).toBeGreaterThan(100_000);
    }
  });

  it('typesets meeting minutes in real Chinese text (no tofu)', () => {
    const sha = db
      .prepare(
        `SELECT f.sha256 FROM materials m JOIN material_files f ON f.material_id = m.id
         WHERE m.category = '会议记录' ORDER BY m.id LIMIT 1`,
      )
      .pluck()
      .get() as string;
    const file = blobs.pathOf(sha);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1])).toBeGreaterThanOrEqual(1);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    for (const s of ['会议记录', '会议名称', '参会人员', '记录人', '会议决定']) expect(text).toContain(s);
    const han = text.match(/\p{Script=Han}/gu) ?? [];
    expect(han.length).toBeGreaterThan(200);
    expect(text).not.toMatch(/[\uFFFD\u25A1]/); // no replacement characters or boxes
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' });
    expect(fonts).toMatch(/\+NotoSerifSC-Regular/);
  });

  it('certifies every township month up to the last one due, files the sealed register, leaves the current month open', () => {
    const cal = demoCalendar(TEST_TODAY);
    const months: string[] = [];
    for (let i = 0; ; i++) {
      const [y, m] = cal.monthAt(i);
      const month = `${y}-${String(m).padStart(2, '0')}`;
      if (month >= TEST_TODAY.slice(0, 7)) break;
      months.push(month);
    }
    // Early June: every month from March two years back to April is certified, by the 10th of the
    // next month; May waits for its certification day (still in time: no alert).
    expect(months.pop()).toBe(`${TEST_YEAR}-05`);
    expect(months[0]).toBe(`${TEST_YEAR - 2}-03`);
    expect(months.at(-1)).toBe(`${TEST_YEAR}-04`);
    const active = db
      .prepare(
        `SELECT t.name, a.month, a.certified_on AS on_, a.secretary_name AS who, a.scan_sha256 AS scan FROM attendance_certifications a
           JOIN townships t ON t.id = a.township_id JOIN counties c ON c.id = t.county_id WHERE a.revoked_at IS NULL AND c.origin IS NULL`,
      )
      .all() as Array<{ name: string; month: string; on_: string; who: string; scan: string }>;
    expect(active).toHaveLength(3 * months.length);
    for (const a of active) {
      expect(months).toContain(a.month);
      expect(a.on_ > a.month && a.on_ <= TEST_TODAY, `${a.name} ${a.month} ${a.on_}`).toBe(true);
      expect(a.who).toMatch(/^\p{Script=Han}{2,3}$/u);
    }
    // filed in every posted cadre's bag: a cadre posted all of the full year has its 12 registers
    const filed = count(
      `SELECT COUNT(DISTINCT substr(a.month, 1, 7)) FROM materials m JOIN attendance_certifications a ON a.id = m.certification_id
        WHERE m.cadre_id = (SELECT id FROM cadres WHERE name = '王立新') AND a.month LIKE ? AND a.revoked_at IS NULL`,
      `${FULL_YEAR}-%`,
    );
    expect(filed).toBe(12);
    expect(count('SELECT COUNT(*) FROM attendance_certifications WHERE month >= ?', `${TEST_YEAR}-05`)).toBe(0);
    expect(count('SELECT COUNT(*) FROM attendance_cells WHERE date > ?', TEST_TODAY)).toBe(0);
    expect(count("SELECT COUNT(*) FROM leave_requests WHERE status = '已批准' AND (approver IS NULL OR approval_level IS NULL)")).toBe(0);
  });

  it('tells the cross-check stories: one 核查 closed 属实 (revoked, corrected, recertified), one open this year', () => {
    const all = listVerifications(db, {});
    expect(all).toHaveLength(2);
    const closed = all.find((v) => v.outcome === '属实')!;
    const open = all.find((v) => v.outcome === null)!;
    expect(closed.date.slice(0, 4)).toBe(String(FULL_YEAR));
    expect(closed.action).toContain('约谈');
    expect(open.date.slice(0, 4)).toBe(String(TEST_YEAR));
    const month = closed.date.slice(0, 7);
    const certs = db
      .prepare('SELECT revoked_at AS r FROM attendance_certifications WHERE township_id = ? AND month = ? ORDER BY id')
      .all(closed.townshipId, month) as Array<{ r: string | null }>;
    expect(certs.map((c) => c.r !== null)).toEqual([true, false]);
    const cell = db.prepare('SELECT code FROM attendance_cells WHERE cadre_id = ? AND date = ?').pluck().get(closed.cadreId, closed.date);
    expect(cell).toBe('缺勤');
  });

  it('raises only the deliberate attendance, check and plan alerts', () => {
    // The demo county's own (the imported county's records are its department's).
    const countyId = count('SELECT id FROM counties WHERE origin IS NULL');
    const kinds = (year: number) =>
      [...computeAlerts(db, { year, countyId, today: TEST_TODAY }), ...planAlerts(db, { year, countyId, today: TEST_TODAY })]
        .map((a) => `${a.kind}:${a.cadreName ?? ''}`)
        .sort();
    expect(kinds(TEST_YEAR)).toEqual(['督查不在岗:冯振宇', '考勤登记不实:', '考勤登记不实:冯振宇', '计划事项逾期:陈喆'].sort());
    expect(kinds(FULL_YEAR)).toEqual(
      ['请假越权审批:高明', '督查不在岗:孙丽娟', '督查不在岗:赵国庆', '考勤登记不实:', '考勤登记不实:赵国庆'].sort(),
    );
    expect(kinds(TEST_YEAR - 2)).toEqual(['月在岗不足:吴建军']);
  });

  it('leaves nothing behind when filing fails, so it can be retried', async () => {
    const dir2 = fs.mkdtempSync(path.join(os.tmpdir(), 'onebag-demo-test-'));
    const db2 = openDatabase(dir2);
    try {
      const failing = Object.create(new BlobStore(dir2)) as BlobStore;
      // Intake copies each original once and then commits the batch into the store: fail there.
      failing.commitMany = async () => {
        throw new AppError('DISK_FULL', '磁盘空间不足');
      };
      const ctx: CoreContext = { db: db2, dataDir: dir2, host: { kind: 'cli', blobUrl: (s) => s } };
      // Files made on this thread (the worker's start-up under tsx is test time; the load above used it).
      await expect(loadDemo(ctx, failing, { worker: false })).rejects.toThrow('磁盘空间不足');
      for (const t of ['counties', 'townships', 'villages', 'units', 'cadres', 'postings', 'materials']) {
        expect(db2.prepare(`SELECT COUNT(*) FROM ${t}`).pluck().get(), t).toBe(0);
      }
    } finally {
      db2.close();
      fs.rmSync(dir2, { recursive: true, force: true });
    }
  });

  it('refuses to load twice', async () => {
    const ctx: CoreContext = { db, dataDir: dir, host: { kind: 'cli', blobUrl: (s) => s } };
    await expect(loadDemo(ctx, blobs)).rejects.toThrow('已有干部数据');
  });
});
