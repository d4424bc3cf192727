/**
 * The demo county's attendance year, through the core functions a clerk's actions call: for
 * every township and month from the postings' start to today, the month grid (demoPlan.ts day
 * codes), the approved leave with approver and level, the township's monthly check and the
 * county's spot check, a 五必到 event each quarter with attendance, and the certification by
 * the township secretary with the sealed register filed in every cadre's bag. The current
 * month is entered to date and not certified; the month before it is certified only once its
 * certification day has come. The deliberate cases are listed in demoPlan.ts; work logs and
 * plans follow (demoLogs.ts).
 */
import { seededRandom } from '../../shared/random';
import crypto from 'node:crypto';
import { addDays, monthLast } from '../../shared/attendance';
import type { CellEditInput, CertifyWarning } from '../../shared/api/attendance';
import { EVENT_KINDS } from '../../shared/events';
import type { BlobStore } from '../files/blobStore';
import type { FileFacts } from '../files/inspect';
import { commitOriginals } from '../files/intake';
import { stageMadeHere, type MadeHereFile } from '../files/madeHere';
import { certifyAndFileRegister } from '../core/attendance/certify';
import { getMonthGrid, setCells } from '../core/attendance/grid';
import { addLeave, approveLeave } from '../core/attendance/leave';
import type { CoreContext } from '../core/runtime/context';
import { saveCheck } from '../core/events/checks';
import { postedCadres } from '../core/events/common';
import { saveEvent } from '../core/events/mustAttend';
import { concludeVerification } from '../core/events/verificationOutcome';
import { listVerifications } from '../core/events/verifications';
import { DEMO_TOWNSHIPS, postingOn, type DemoCadre, type DemoCalendar } from './demoData';
import { addDemoLogs } from './demoLogs';
import type { DemoProgress } from './demoProgress';
import {
  CLOSED,
  closedCheckDay,
  COUNTY_APPROVER,
  COUNTY_CHECKER,
  DEMO_SECRETARIES,
  demoLeaves,
  EXCUSED,
  excusedCheckDay,
  monthCodes,
  OPEN,
  openCheckDay,
  workday,
  type DemoLeave,
} from './demoPlan';
import { scanFacts, scanJpeg } from './demoScans';

export interface DemoAttendanceInput {
  cadres: DemoCadre[];
  /** Database ids of `cadres`, same order. */
  cadreIds: number[];
  townshipIds: ReadonlyMap<string, number>;
  seed: number;
  cal: DemoCalendar;
  /** Told of each month entered and of the logs and plans (demoAttendanceSteps(cal) steps). */
  progress?: DemoProgress;
}

const pad = (n: number) => String(n).padStart(2, '0');
/** The secretary certifies a month on this working day of the next (at the latest on the deadline, the 10th). */
const CERTIFY_WORKDAY = 6;
const EVENT_TITLES = ['乡镇党委扩大会议', '春耕备耕和安全生产部署', '信访积案化解专题会', '土地承包纠纷调处', '防汛抢险应急处置'];

/** Progress steps of addDemoAttendance: one per month, one for the work logs and plans. */
export function demoAttendanceSteps(cal: DemoCalendar): number {
  return demoMonths(cal).length + 1;
}

/** The months from the postings' start to today's month, YYYY-MM. */
function demoMonths(cal: DemoCalendar): string[] {
  const out: string[] = [];
  for (let i = 0; ; i++) {
    const [y, m] = cal.monthAt(i);
    const month = `${y}-${pad(m)}`;
    if (`${month}-01` > cal.today) return out;
    out.push(month);
  }
}

/**
 * The scanned sealed register of a township month: the township's scan with the month written
 * into a JPEG comment segment, so each month's scan is its own file. Three are rendered (one
 * per township); a month's copy differs from its township's only in the comment. They are made
 * here, so what intake would learn of them is known (files/madeHere.ts): a JPEG of the scan's
 * pixel size. Each is hashed in memory when the month is certified and kept in memory;
 * flush() writes them all into the store in one batch (their fsyncs overlap) before the load
 * commits.
 */
class RegisterScans {
  private readonly base = new Map<string, Buffer>();
  private readonly pending: Array<{ file: MadeHereFile; sha256: string }> = [];
  constructor(private readonly seed: number) {}
  store(township: string, month: string, note: string): { sha256: string; size: number; name: string; facts: FileFacts } {
    let base = this.base.get(township);
    if (!base) {
      base = scanJpeg('sealedRegister', seededRandom(this.seed + 7000 + township.charCodeAt(0)), `OneBag demo sealed register ${township}`);
      this.base.set(township, base);
    }
    const text = Buffer.from(`OneBag demo sealed register ${month} ${note}`, 'utf8');
    const com = Buffer.alloc(4);
    com.writeUInt16BE(0xfffe, 0);
    com.writeUInt16BE(text.length + 2, 2);
    const name = `${township}${month}考勤表签章扫描件${note ? '（更正）' : ''}.jpg`;
    const bytes = Buffer.concat([base.subarray(0, 2), com, text, base.subarray(2)]);
    const facts = scanFacts('jpeg', bytes.length);
    const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
    this.pending.push({ file: { madeHere: true, bytes, name, facts }, sha256 });
    return { sha256, size: bytes.length, name, facts };
  }
  /** Publishes every scan stored so far in the blob store. */
  async flush(blobs: BlobStore): Promise<void> {
    const taken = await stageMadeHere(
      blobs,
      this.pending.map((p) => p.file),
    );
    const stored = await commitOriginals(blobs, taken);
    stored.forEach((s, i) => {
      if (s.sha256 !== this.pending[i]!.sha256) throw new Error(`demo register scan ${this.pending[i]!.file.name} changed on disk`);
    });
    this.pending.length = 0;
  }
}

export async function addDemoAttendance(ctx: CoreContext, blobs: BlobStore, input: DemoAttendanceInput): Promise<void> {
  const { db } = ctx;
  const { cadres, cadreIds, townshipIds, cal } = input;
  const today = cal.today;
  const indexOf = new Map(cadreIds.map((id, i) => [id, i]));
  const leaves = demoLeaves(cal);
  const scans = new RegisterScans(input.seed);
  const months = demoMonths(cal);
  const current = today.slice(0, 7);
  const townshipOfCadre = (i: number, date: string) => townshipIds.get(postingOn(cadres[i]!, date).township)!;

  const certify = async (townshipId: number, township: string, month: string, certifiedOn: string, note = '') => {
    const scan = scans.store(township, month, note);
    // The secretary confirms each warning the certification finds (of the grid it certifies).
    const confirm = (warnings: readonly CertifyWarning[]) => warnings.map((w) => ({ key: w.key, note: '经乡镇党委核实，情况属实' }));
    certifyAndFileRegister(
      db,
      { townshipId, month, secretaryName: DEMO_SECRETARIES[township]!, certifiedOn, sealApplied: true, today, confirm },
      scan,
    );
  };

  for (const [mi, month] of months.entries()) {
    const [y, m] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
    const countyTownship = closedCheckDay(cal).startsWith(month)
      ? DEMO_TOWNSHIPS[townshipIndex(cadres[CLOSED.cadreIndex]!, closedCheckDay(cal))]!.name
      : openCheckDay(cal).startsWith(month)
        ? DEMO_TOWNSHIPS[townshipIndex(cadres[OPEN.cadreIndex]!, openCheckDay(cal))]!.name
        : DEMO_TOWNSHIPS[mi % DEMO_TOWNSHIPS.length]!.name;
    for (const [ti, t] of DEMO_TOWNSHIPS.entries()) {
      const townshipId = townshipIds.get(t.name)!;
      // 1. the grid: worked rest days and 公出 (on-post working days are the default)
      const grid = getMonthGrid(db, townshipId, month, today);
      const edits: CellEditInput[] = [];
      for (const r of grid.rows) {
        const i = indexOf.get(r.cadreId)!;
        const codes = monthCodes(cadres[i]!, leaves, i, y, m, cal, false);
        grid.days.forEach((d, k) => {
          if (d.date > today || !r.postings.some((p) => p.start <= d.date && (p.end === null || p.end >= d.date))) return;
          if (codes[k] === '○') edits.push({ cadreId: r.cadreId, date: d.date, code: '公出' });
          else if (codes[k] === '√' && d.rest) edits.push({ cadreId: r.cadreId, date: d.date, code: '在岗' });
        });
      }
      setCells(db, { townshipId, month, edits, rows: false });
      // 2. the month's leave, approved with approver and level
      for (const l of leaves.filter((l) => l.start.startsWith(month) && townshipOfCadre(l.cadreIndex, l.start) === townshipId)) {
        addApprovedLeave(ctx, l, cadreIds[l.cadreIndex]!, t.name);
      }
      // 3. a 五必到 event in the middle month of each quarter, everyone present
      if (m % 3 === 2) {
        const date = workday(y, m, 6);
        const expected = postedCadres(db, townshipId, date);
        if (date < today && expected.length > 0) {
          const k = (Math.floor((m - 1) / 3) + ti + y) % EVENT_KINDS.length;
          saveEvent(db, {
            event: {
              townshipId,
              kind: EVENT_KINDS[k]!,
              title: `${t.name}${EVENT_TITLES[k]}`,
              date,
              place: `${t.name}政府会议室`,
              notes: null,
            },
            expected: expected.map((c) => ({ cadreId: c.cadreId, present: true, absenceReason: null })),
          });
        }
      }
      // 4. the township's monthly check, and the county's spot check in one township a month
      const excused = excusedCheckDay(cal);
      const townshipCheck =
        excused.startsWith(month) && townshipIndex(cadres[EXCUSED.cadreIndex]!, excused) === ti ? excused : workday(y, m, 9);
      addCheck(ctx, townshipId, '乡镇月检', townshipCheck, `${t.name}党委`, today, cadreIds, cal);
      if (countyTownship === t.name) {
        const date = closedCheckDay(cal).startsWith(month)
          ? closedCheckDay(cal)
          : openCheckDay(cal).startsWith(month)
            ? openCheckDay(cal)
            : workday(y, m, 15);
        addCheck(ctx, townshipId, '县级抽查', date, COUNTY_CHECKER, today, cadreIds, cal);
      }
      // 5. certification by the secretary in the next month's first days (the current month stays open)
      if (month >= current || grid.rows.length === 0) continue;
      const next = addDays(monthLast(month), 1);
      const certifiedOn = [
        workday(Number(next.slice(0, 4)), Number(next.slice(5, 7)), CERTIFY_WORKDAY),
        addDays(monthLast(month), 10),
      ].sort()[0]!;
      if (certifiedOn >= today) continue;
      await certify(townshipId, t.name, month, certifiedOn);
      // 6. the closed cross-check: 属实, the month revoked, corrected and certified again
      const open = listVerifications(db, { townshipId, state: '待核查' }).filter(
        (v) => v.date.startsWith(month) && v.date === closedCheckDay(cal),
      );
      for (const v of open) {
        const concludedOn = addDays(certifiedOn, 7);
        if (concludedOn >= today) continue;
        concludeVerification(db, {
          id: v.id,
          explanation: `经县委组织部调查核实，${v.cadreName}当日未经请假离岗，乡镇考勤登记表记为在岗，与事实不符`,
          outcome: '属实',
          action: `对乡镇党委书记${v.secretaryName}进行约谈，责令更正考勤登记`,
          concludedOn,
          today,
        });
        setCells(db, { townshipId, month, edits: [{ cadreId: v.cadreId, date: v.date, code: '缺勤' }] });
        const again = addDays(concludedOn, 2);
        if (again < today) await certify(townshipId, t.name, month, again, '更正');
      }
    }
    input.progress?.step(`正在录入考勤、督查与认定记录：${y}年${m}月`);
  }
  await scans.flush(blobs);
  await addDemoLogs(ctx, { cadres, cadreIds, cal });
  input.progress?.step('正在录入工作日志与年度计划');
}

function townshipIndex(c: DemoCadre, date: string): number {
  return DEMO_TOWNSHIPS.findIndex((t) => t.name === postingOn(c, date).township);
}

function addApprovedLeave(ctx: CoreContext, l: DemoLeave, cadreId: number, township: string): void {
  const added = addLeave(ctx.db, { cadreId, type: l.type, start: l.start, startHalf: '上', end: l.end, endHalf: '下', reason: l.reason });
  approveLeave(ctx.db, {
    leaveId: added.id,
    approver: l.level === '县委组织部' ? COUNTY_APPROVER : DEMO_SECRETARIES[township]!,
    approverLevel: l.level,
    approvedOn: addDays(l.start, -1),
  });
}

/** A check of every cadre posted in the township that day: on post, but for the deliberate cases. */
function addCheck(
  ctx: CoreContext,
  townshipId: number,
  kind: '乡镇月检' | '县级抽查',
  date: string,
  checker: string,
  today: string,
  cadreIds: number[],
  cal: DemoCalendar,
): void {
  if (date >= today) return;
  const posted = postedCadres(ctx.db, townshipId, date);
  if (posted.length === 0) return;
  const away = new Map<number, string>();
  if (date === excusedCheckDay(cal)) away.set(cadreIds[EXCUSED.cadreIndex]!, '病假，在县医院门诊治疗');
  if (date === closedCheckDay(cal)) away.set(cadreIds[CLOSED.cadreIndex]!, '未在村，电话联系称回城办事，未请假');
  if (date === openCheckDay(cal)) away.set(cadreIds[OPEN.cadreIndex]!, '未在村，村干部称其当日未到村');
  const findings = [...away.keys()].some((id) => posted.some((p) => p.cadreId === id))
    ? '发现选派干部不在岗，已记录'
    : '选派干部均在岗在位';
  saveCheck(ctx.db, {
    check: { townshipId, level: kind === '乡镇月检' ? '乡镇' : '县级', kind, date, checker, findings },
    results: posted.map((p) => ({ cadreId: p.cadreId, onPost: !away.has(p.cadreId), reason: away.get(p.cadreId) ?? null })),
  });
}
