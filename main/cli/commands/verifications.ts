/**
 * `onebag verifications`: the register cross-checks (考勤登记不实核查) — a check that found a
 * cadre away on a day the township's certified register shows 在岗 — with the certifying
 * secretary and the state (待核查 / 属实 / 不属实).
 */
import { VERIFICATION_STATES, verificationState, type VerificationState } from '../../../shared/verifications';
import { listVerifications, type VerificationFilter } from '../../core/events/verifications';
import { UsageError, withCore, type CommandContext, type CommandTable } from '../util';
import { boolFlag, parseFlagsOnly, textFlag, yearOption } from '../flags';
import { printJson, printTable } from '../print';
import { countyByName } from '../../core/lookup';

/** Stable JSON shape of `onebag verifications --json` (English keys). */
export interface VerificationJson {
  id: number;
  state: VerificationState;
  county: string;
  township: string;
  cadre: string;
  date: string;
  check: { kind: string; level: string; checker: string };
  certification: { id: number; secretary: string; certifiedOn: string; active: boolean };
  finding: string;
  explanation: string | null;
  action: string | null;
  concludedOn: string | null;
}

/** `onebag verifications [--year Y] [--county 名称] [--state 待核查|属实|不属实] [--json]` */
async function verificationsCommand(c: CommandContext): Promise<number> {
  const values = parseFlagsOnly('verifications', c.args, { year: textFlag, county: textFlag, state: textFlag, json: boolFlag });
  const year = values.year === undefined ? undefined : yearOption(values.year);
  if (values.state !== undefined && !(VERIFICATION_STATES as readonly string[]).includes(values.state)) {
    throw new UsageError(`核查状态应为 ${VERIFICATION_STATES.join('、')} 之一：${values.state}`);
  }
  return withCore(c.dataDir, async (core) => {
    const { db } = core.ctx;
    const filter: VerificationFilter = {};
    if (year !== undefined) filter.year = year;
    if (values.state !== undefined) filter.state = values.state as VerificationState;
    if (values.county !== undefined) filter.countyId = countyByName(db, values.county).id;
    const out: VerificationJson[] = listVerifications(db, filter).map((v) => ({
      id: v.id,
      state: verificationState(v),
      county: v.county,
      township: v.township,
      cadre: v.cadreName,
      date: v.date,
      check: { kind: v.checkKind, level: v.checkLevel, checker: v.checker },
      certification: { id: v.certificationId, secretary: v.secretaryName, certifiedOn: v.certifiedOn, active: v.certificationActive },
      finding: v.finding,
      explanation: v.explanation,
      action: v.action,
      concludedOn: v.concludedOn,
    }));
    if (values.json) return printJson(c, out);
    if (out.length === 0) {
      c.out('没有考勤登记不实核查记录');
      return 0;
    }
    const n = (s: VerificationState) => out.filter((v) => v.state === s).length;
    c.out(`考勤登记不实核查共 ${out.length} 起：${VERIFICATION_STATES.map((s) => `${s} ${n(s)}`).join('，')}`);
    c.out('');
    const head = ['编号', '状态', '乡镇', '干部', '督查日期', '督查', '认定书记', '认定日期', '处理'];
    const body = out.map((v) => [
      String(v.id),
      v.state,
      v.township,
      v.cadre,
      v.date,
      `${v.check.kind}（${v.check.level}，${v.check.checker}）`,
      v.certification.secretary,
      `${v.certification.certifiedOn.slice(0, 10)}${v.certification.active ? '' : '（已撤销）'}`,
      v.action ?? (v.state === '待核查' ? '待核查' : '—'),
    ]);
    printTable(c, head, body);
    return 0;
  });
}

export const verificationCommands: CommandTable = { verifications: verificationsCommand };

export const verificationUsage: string[] = [
  '  verifications [--year 年度] [--county 县名] [--state 待核查|属实|不属实] [--json]',
  '                                     列出考勤登记不实核查：督查发现不在岗而认定的考勤表记为在岗',
];
