/**
 * Loads the demo county (岚川县) as a real year up to the day it is loaded on (Y = that
 * day's year, DemoOptions.today, default the clock's today): 3 townships, 12 villages, 10
 * dispatching units, 20 cadres posted from 1 March of Y-2 (one moved on 1 July of Y-1), a bag
 * of 4–8 materials per cadre made of real files (PDFs typeset in the bundled Chinese fonts and
 * scan-like JPEG/PNG images), then the attendance year (demoAttendance.ts): month grids,
 * approved leave, checks, 五必到 events, certifications with the sealed registers filed, work
 * logs and annual plans. Nothing is dated after today. Files are generated into a temp folder,
 * filed as files made here (demoBags.ts: read once into the content-addressed store with the
 * facts their maker states, no untrusted-file inspection; one batch for all bags), and the
 * temp folder is removed. The whole load
 * is one transaction. Progress counts every step (demoProgress.ts).
 *
 * Deliberate cases (the only attendance, check and plan alerts the demo raises; demoPlan.ts):
 * - Y-2: 吴建军 under 20 days on post in August (4 working days of 事假 approved by 县委组织部):
 *   月在岗不足.
 * - Y-1: 高明's 5 working days of 事假 approved by the township only: 请假越权审批.
 * - Y-1: 孙丽娟 found away by the township's May check while on approved 病假: 督查不在岗, 有因,
 *   caps nothing.
 * - Y-1: the county's September spot check finds 赵国庆 away on a day the certified register
 *   shows 在岗: 督查不在岗 (caps his grade: no 优秀) and a 核查 found 属实 — the secretary
 *   周振华 talked to (约谈), the month revoked, corrected to 缺勤 and certified again:
 *   考勤登记不实 ×2 (cadre and secretary).
 * - Y: the county's spot check two months before today finds 冯振宇 away on a day the certified
 *   register shows 在岗: 督查不在岗 and an open 核查 (待核查) for the clerk: 考勤登记不实 ×2.
 * - Y: 陈喆's plan item due 31 March still 推进中: 计划事项逾期.
 * - Y: the current month is entered to date and not certified (未认定; no alert until its
 *   deadline). The previous month is certified once its certification day (the 6th working day
 *   of the month, at the latest the 10th) has passed; before that it is open too, in time.
 * Every other month is certified on time, every township checked monthly and the county spot
 * checks monthly, every cadre has an annual plan: the attendance, check-cadence and plan
 * alerts stay quiet otherwise. (Reports, projects, villages, allowance and insurance: demoWork.)
 *
 * Deterministic: same seed and today, same rows and same file bytes.
 */
import { seededRandom } from '../../shared/random';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { MaterialInput } from '../../shared/api/bag';
import type { MaterialCategory } from '../../shared/domain';
import { AppError } from '../../shared/result';
import type { BlobStore } from '../files/blobStore';
import type { CoreContext } from '../core/runtime/context';
import {
  between,
  demoCalendar,
  DEMO_TOWNSHIPS,
  DEMO_UNITS,
  demoCadres,
  pick,
  postingOn,
  REPORT_TOPICS,
  type DemoCadre,
  type DemoCalendar,
  type Rng,
} from './demoData';
import type { RegisterRow } from './demoPdf';
import { DemoFileMaker } from './demoFileMaker';
import { fileDemoBags, type Planned } from './demoBags';
import { minutes, registerRow, summary, surveyReport, type Place } from './demoText';
import { demoLeaves, monthCodes, SHORT } from './demoPlan';
import { addDemoCadres } from './demoCadres';
import { addDemoOrg } from './demoOrg';
import { fixToday, localToday } from '../core/runtime/clock';
import { addDemoAttendance, demoAttendanceSteps } from './demoAttendance';
import { DemoProgress, type ProgressSink } from './demoProgress';
import { addDemoWork, DEMO_WORK_STEPS } from './demoWork';
import { withStatementCache } from '../store/statementCache';
import { inAsyncTransaction } from '../store/asyncTransaction';
import { archiveCounts } from '../core/archiveCounts';
import { hasImportedCounty } from '../core/lookup';
import { setReadOnlyGuard } from '../store/readOnlyGuards';

export const DEMO_SEED = 20240301;

export interface DemoSummary {
  counties: number;
  townships: number;
  villages: number;
  units: number;
  cadres: number;
  materials: number;
  files: number;
}

export interface DemoOptions {
  seed?: number;
  /** Where to generate files before filing them (default: a fresh folder in the OS temp dir). */
  tmpDir?: string;
  /** The day the demo is dated from, YYYY-MM-DD (default: the clock's today, core/runtime/clock.ts). */
  today?: string;
  /** Also told of progress (e.g. the CLI), besides ctx.host.progress. */
  onProgress?: ProgressSink;
  /**
   * Make the bag's files and the second county's bundle on a worker thread beside the filing
   * (default true; demoFileMaker.ts). false: one after the other on this thread, same result.
   */
  worker?: boolean;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Fills an empty archive with the demo county. Refuses when cadres already exist, so it
 * never mixes with real data. Reports progress through ctx.host.progress when present.
 */
export async function loadDemo(ctx: CoreContext, blobs: BlobStore, opts: DemoOptions = {}): Promise<DemoSummary> {
  const { db } = ctx;
  if (archiveCounts(db).cadreCount > 0) throw new AppError('CONFLICT', '档案中已有干部数据，不能再载入示例数据');

  const seed = opts.seed ?? DEMO_SEED;
  const today = opts.today ?? localToday();
  const cal = demoCalendar(today);
  const cadres = demoCadres(seed, cal);

  // The files are generated into this folder before they are filed; it is removed at the end.
  const dir = opts.tmpDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'onebag-demo-'));
  // The core refuses records dated after the clock's today: the load happens on the demo's today.
  const restoreClock = today === localToday() ? () => undefined : fixToday(today);
  // ONE transaction for the whole load (each core function's own transaction becomes a savepoint
  // in it): one commit instead of ~2,000, and a failed load rolls back to the empty archive, so
  // the user can try again (only unreferenced, content-addressed blobs may stay). Statements are
  // compiled once each (statementCache.ts) instead of on every call.
  try {
    return await inAsyncTransaction(db, async () => {
      // The read-only guard's triggers (readOnlyGuards.ts) look up, on every row written, whether
      // the row belongs to an imported county. There is none before the demo imports 青石县 (the
      // archive holds no cadres, and an imported county comes with its cadres), so the guard is
      // off for the demo's own rows; the import turns it on again when it has written its rows,
      // and it is on when the load commits (or, on a rollback, as it was).
      if (!hasImportedCounty(db)) setReadOnlyGuard(db, false);
      const summary = await withStatementCache(db, () => fill(ctx, blobs, cadres, seed, opts, cal, dir));
      setReadOnlyGuard(db, true);
      return summary;
    });
  } finally {
    restoreClock();
    if (!opts.tmpDir) fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function fill(
  ctx: CoreContext,
  blobs: BlobStore,
  cadres: DemoCadre[],
  seed: number,
  opts: DemoOptions,
  cal: DemoCalendar,
  dir: string,
): Promise<DemoSummary> {
  const { db } = ctx;
  const plans = bagPlans(cadres, seed, dir, cal);
  const total = plans.reduce((s, p) => s + p.length, 0);
  const progress = new DemoProgress(`demo-${seed}`, ctx.host.progress, opts.onProgress);
  // organisation, cadres, the attendance year's months and its logs and plans, each file made
  // and each material filed (reported as the bags are filed: a file the worker made earlier
  // counts when its bag is filed, so the figure never runs ahead), the year's work in its parts
  progress.plan(1 + cadres.length + 2 * total + demoAttendanceSteps(cal) + DEMO_WORK_STEPS);

  // --- the bags' files are made in a worker thread (demoFileMaker.ts), and after them the second
  // county's bundle, from the start, while this thread enters the organisation, the cadres and
  // the attendance year (which needs no bag); then it files each bag as one batch as soon as its
  // files are made (the files are ready by then, or nearly), then enters the year's work (its
  // reports are linked to the bags' reports, so they come after them). On two cores the making
  // and the entering overlap instead of following each other. ---
  fs.mkdirSync(dir, { recursive: true });
  const county2Dir = path.join(dir, 'county2');
  fs.mkdirSync(county2Dir, { recursive: true });
  const maker = new DemoFileMaker(
    plans.flat().map((p) => p.spec),
    { today: cal.today, seed, dir: county2Dir },
    opts.worker ?? true,
  );
  try {
    // --- organisation, then cadres and postings ---
    const org = addDemoOrg(db);
    const { townshipIds } = org;
    progress.step('正在建立组织机构');
    const cadreIds = addDemoCadres(db, cadres, org, progress);

    progress.announce('正在录入考勤、督查与认定记录');
    await addDemoAttendance(ctx, blobs, { cadres, cadreIds, townshipIds, seed, cal, progress });
    await fileDemoBags(db, blobs, { plans, cadres, cadreIds }, maker, progress);
    progress.announce('正在录入项目、村集体经济、调度与考核');
    await addDemoWork(ctx, blobs, cal.today, seed, progress, () => maker.secondCountyBundle());
  } finally {
    await maker.close();
    fs.rmSync(county2Dir, { recursive: true, force: true });
  }
  progress.finish('示例数据已载入');

  return {
    counties: 1,
    townships: DEMO_TOWNSHIPS.length,
    villages: DEMO_TOWNSHIPS.reduce((s, t) => s + t.villages.length, 0),
    units: DEMO_UNITS.length,
    cadres: cadres.length,
    materials: total,
    files: total,
  };
}

/** Materials per cadre: 4 always, plus `i % 5` extras (so bags hold 4–8 items, 120 in all). */
export function demoMaterialCount(index: number): number {
  return 4 + (index % 5);
}

function material(
  category: MaterialCategory,
  title: string,
  date: string,
  responsible: string,
  notes: string | null = null,
): MaterialInput {
  return {
    category,
    title,
    date,
    year: Number(date.slice(0, 4)),
    responsible,
    docNumber: null,
    secrecy: category === '会议记录' ? '内部' : '公开',
    notes,
  };
}

/** Cadres of the township on a date, in register order (township post first), with their day codes (demoPlan.ts). */
function townshipRows(all: DemoCadre[], township: string, y: number, m: number, cal: DemoCalendar): RegisterRow[] {
  const date = cal.iso(y, m, 15);
  const leaves = demoLeaves(cal);
  return all
    .map((c, i) => ({ c, i }))
    .filter(({ c }) => postingOn(c, date).township === township && c.postings[0]!.start <= date)
    .sort((a, b) => Number(b.c.postType === '乡镇党委第一副书记') - Number(a.c.postType === '乡镇党委第一副书记'))
    .map(({ c, i }) => registerRow(c, postingOn(c, date), monthCodes(c, leaves, i, y, m, cal, true)));
}

/** The demo bags' materials and the specs of their files, per cadre (deterministic for a seed and a calendar). */
export function planDemoBags(seed: number, cal: DemoCalendar, dir: string): Planned[][] {
  return bagPlans(demoCadres(seed, cal), seed, dir, cal);
}

/** Each cadre's bag plan, from a random stream of its own: the loading thread and the file maker plan the same. */
const bagPlans = (cadres: DemoCadre[], seed: number, dir: string, cal: DemoCalendar): Planned[][] =>
  cadres.map((c, i) => planBag(seededRandom(seed + 1000 + i), c, i, cadres, dir, cal));

function planBag(rng: Rng, c: DemoCadre, i: number, all: DemoCadre[], dir: string, cal: DemoCalendar): Planned[] {
  const out: Planned[] = [];
  const { iso, monthAt, first, full } = cal;
  const at = (date: string): Place => postingOn(c, date);
  const file = (ext: string) => path.join(dir, `c${pad(i)}-${out.length}.${ext}`);

  // 1. 调研报告 (spring of Y-2, after arriving)
  {
    const date = iso(first, 4, between(rng, 10, 28));
    const r = surveyReport(rng, c, at(date), REPORT_TOPICS[i % REPORT_TOPICS.length]!);
    const f = file('pdf');
    out.push({
      input: material('调研报告', r.title, date, c.name),
      file: f,
      name: `${r.title}.pdf`,
      spec: { kind: 'textDoc', file: f, doc: { ...r, author: c.name, date } },
    });
  }
  // 2. 会议记录 (the moved cadre's is after the move, at the new village)
  {
    const [y, m] = i === 15 ? [full, 9] : monthAt(between(rng, 2, 20));
    const date = iso(y, m, between(rng, 5, 25));
    const here = at(date);
    const colleagues = all.filter((o) => o !== c && postingOn(o, date).township === here.township).map((o) => o.name);
    const mm = minutes(rng, c, here, date, i, colleagues);
    const f = file('pdf');
    out.push({
      input: material('会议记录', mm.title, date, mm.recorder),
      file: f,
      name: `${mm.title}.pdf`,
      spec: { kind: 'minutes', file: f, minutes: mm },
    });
  }
  // 3. 月考勤登记表 of the township for one month; one cadre in one register is short of 20 days
  const [ry, rm] = i === SHORT.cadreIndex ? [first, SHORT.month] : monthAt(between(rng, 1, 19));
  const township = at(iso(ry, rm, 15)).township;
  {
    const short = all[SHORT.cadreIndex]!;
    const shortFor = ry === first && rm === SHORT.month && postingOn(short, iso(ry, rm, 15)).township === township ? short.name : null;
    const rows = townshipRows(all, township, ry, rm, cal);
    const date = iso(rm === 12 ? ry + 1 : ry, (rm % 12) + 1, between(rng, 1, 5));
    const title = `${township}选派干部${ry}年${rm}月考勤登记表`;
    const f = file('pdf');
    out.push({
      input: material('月考勤登记表', title, date, `${township}党委`, shortFor ? `${shortFor}本月在岗不足20天（事假已审批）` : null),
      file: f,
      name: `${title}.pdf`,
      spec: { kind: 'register', file: f, register: { township, year: ry, month: rm, rows, date, author: `${township}党委` } },
    });
  }
  // 4. 工作总结 (Y-2 annual or Y-1 first half)
  {
    const annual = i % 2 === 0;
    const date = annual ? iso(first, 12, between(rng, 20, 28)) : iso(full, 6, between(rng, 20, 28));
    const s = summary(rng, c, at(date), annual ? `${first}年度` : `${full}年上半年`, '总结');
    const f = file('pdf');
    out.push({
      input: material('工作总结', s.title, date, c.name),
      file: f,
      name: `${c.name}${s.title}.pdf`,
      spec: { kind: 'textDoc', file: f, doc: { ...s, author: c.name, date } },
    });
  }

  const extras = demoMaterialCount(i) - 4;
  // 5. 年度工作日志: a scanned handwritten page
  if (extras >= 1) {
    const m = between(rng, 1, 10);
    const date = iso(full, m, between(rng, 25, 28));
    const f = file('jpg');
    const seed = rng() * 2 ** 31;
    out.push({
      input: material('年度工作日志', `${full}年工作日志（${m}月）`, date, c.name, '手写日志扫描件'),
      file: f,
      name: `工作日志${full}年${m}月扫描件.jpg`,
      spec: { kind: 'scanJpeg', file: f, scan: 'worklog', seed, comment: `OneBag demo worklog c${i} ${full}-${pad(m)}` },
    });
  }
  // 6. The signed and sealed paper register of the same month, scanned
  if (extras >= 2) {
    const date = iso(rm === 12 ? ry + 1 : ry, (rm % 12) + 1, 8);
    const f = file('jpg');
    const seed = rng() * 2 ** 31;
    out.push({
      input: material(
        '月考勤登记表',
        `${township}选派干部${ry}年${rm}月考勤登记表（签字盖章）`,
        date,
        `${township}党委`,
        '乡镇党委书记签字、党委盖章后扫描',
      ),
      file: f,
      name: `${ry}年${rm}月考勤表签章扫描件.jpg`,
      spec: { kind: 'scanJpeg', file: f, scan: 'sealedRegister', seed, comment: `OneBag demo register c${i} ${ry}-${pad(rm)}` },
    });
  }
  // 7. 工作汇报: a quarterly report
  if (extras >= 3) {
    const q = pick(rng, [1, 2, 3]);
    const date = iso(full, q * 3 + 1, between(rng, 3, 9));
    const s = summary(rng, c, at(date), `${full}年第${'一二三'[q - 1]}季度`, '汇报');
    const f = file('pdf');
    out.push({
      input: material('工作汇报', s.title, date, c.name),
      file: f,
      name: `${s.title}.pdf`,
      spec: { kind: 'textDoc', file: f, doc: { ...s, author: c.name, date } },
    });
  }
  // 8. 村情民情台账: a scanned household ledger page (PNG)
  if (extras >= 4) {
    const date = iso(first, 3, between(rng, 20, 30));
    const where = at(date).village ?? at(date).township;
    const f = file('png');
    const seed = rng() * 2 ** 31;
    out.push({
      input: material('村情民情台账', `${where}村情民情台账（户情登记）`, date, c.name, '入户走访登记表扫描件'),
      file: f,
      name: `${where}户情登记表.png`,
      spec: { kind: 'scanPng', file: f, scan: 'ledger', seed },
    });
  }
  return out;
}
