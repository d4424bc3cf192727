/**
 * `onebag attendance certify`: the township secretary's certification of a month from the
 * command line, with the same rules as the 认定 dialog — every warning (事假 without a leave
 * request, 缺勤 to explain, a cadre under the minimum) is listed, and certifying needs an
 * explicit confirmation of all of them (--confirm-all) and a note where a warning needs one.
 * The signed, sealed paper register's scan is filed into each cadre's bag, as in the app.
 */
import fs from 'node:fs';
import path from 'node:path';
import { isIsoDate } from '../../../shared/attendance';
import type { CertifyConfirmation, CertifyWarning } from '../../../shared/api/attendance';
import { AppError } from '../../../shared/result';
import { certificationWarnings } from '../../core/attendance/certifyChecks';
import { townshipOfCadreInMonth } from '../../core/lookup';
import { dispatch } from '../../core/runtime/dispatch';
import type { OpenCore } from '../../api/open';
import { UsageError, withCore, type CommandContext } from '../util';
import { boolFlag, parseFlags, textFlag } from '../flags';
import { monthOption } from './townshipArgs';
import { findTownship } from '../../core/lookup';
import { monthLabel } from '../../../shared/dates';
import { localToday } from '../../core/runtime/clock';

/** Copies the scan into the staging area, as the app's upload does. */
async function stage(core: OpenCore, file: string): Promise<string> {
  const buf = fs.readFileSync(file);
  const token = core.staging.begin(path.basename(file), buf.length);
  const step = 1 << 20;
  for (let i = 0; i < buf.length; i += step) await core.staging.chunk(token, buf.subarray(i, i + step).toString('base64'));
  core.staging.end(token);
  return token;
}

const warningLine = (w: CertifyWarning, i: number) => `  ${i + 1}. [${w.kind}] ${w.text}${w.needsNote ? '（须说明原因）' : ''}`;

/** `onebag attendance certify (--cadre ID | --township 乡镇) --month YYYY-MM --by 书记 --scan 文件 --sealed [--on 日期] [--confirm-all --note 说明]` */
export async function certifyCommand(c: CommandContext, args: string[]): Promise<number> {
  const { values, positionals } = parseFlags(args, {
    cadre: textFlag,
    township: textFlag,
    county: textFlag,
    month: textFlag,
    by: textFlag,
    scan: textFlag,
    sealed: boolFlag,
    on: textFlag,
    'confirm-all': boolFlag,
    note: textFlag,
  });
  if (positionals.length) throw new UsageError(`attendance certify 不接受多余的参数：${positionals.join(' ')}`);
  if (!values.cadre === !values.township)
    throw new UsageError('attendance certify 需要 --cadre 干部编号（或身份证号）或 --township 乡镇名称，二者选一');
  const month = monthOption(values.month, 'attendance certify');
  const today = localToday();
  const on = values.on ?? today;
  if (!isIsoDate(on)) throw new AppError('INVALID_INPUT', `认定日期“${on}”格式不对，应为 YYYY-MM-DD`);
  return withCore(c.dataDir, async (core) => {
    const { db } = core.ctx;
    const t = values.cadre ? townshipOfCadreInMonth(db, values.cadre, month) : findTownship(db, values.township!, values.county);
    const warnings = certificationWarnings(db, t.id, month, today);
    if (warnings.length) {
      c.out(`${t.name}${monthLabel(month)}考勤认定前须逐项确认的问题共 ${warnings.length} 项：`);
      warnings.forEach((w, i) => c.out(warningLine(w, i)));
    } else c.out(`${t.name}${monthLabel(month)}考勤没有须确认的问题`);
    const note = (values.note ?? '').trim();
    if (warnings.length && !values['confirm-all']) {
      c.err(
        `错误：未确认上述 ${warnings.length} 项问题，未认定。核实后加 --confirm-all 逐项确认${warnings.some((w) => w.needsNote) ? '，并用 --note 说明缺勤原因' : ''}`,
      );
      return 1;
    }
    if (warnings.some((w) => w.needsNote) && [...note].length < 2) {
      c.err('错误：有缺勤须说明原因，未认定。请用 --note 填写说明（不少于2个字）');
      return 1;
    }
    if (!values.by?.trim()) throw new UsageError('attendance certify 需要 --by 签字认定的乡镇党委书记姓名');
    if (!values.scan) throw new UsageError('attendance certify 需要 --scan 签字盖章的纸质考勤表扫描件（PDF 或图片）');
    if (!values.sealed) throw new AppError('INVALID_INPUT', '纸质考勤表须加盖乡镇党委公章后方可认定；已盖章的，请加 --sealed 确认');
    const scan = path.resolve(values.scan);
    if (!fs.existsSync(scan) || !fs.statSync(scan).isFile()) throw new AppError('NOT_FOUND', `找不到扫描件：${scan}`);
    const confirmations: CertifyConfirmation[] = warnings.map((w) => ({ key: w.key, ...(note ? { note } : {}) }));
    const token = await stage(core, scan);
    const r = await dispatch(
      core.handlers,
      'attendance.certify',
      { townshipId: t.id, month, secretaryName: values.by, certifiedOn: on, sealApplied: true, scanToken: token, confirmations },
      c.dataDir,
    );
    if (!r.ok) {
      core.staging.discard(token);
      throw new AppError(r.error.code, r.error.message);
    }
    const v = r.value as { certification: { secretaryName: string; certifiedOn: string }; filed: number };
    c.out(
      `已认定${t.name}${monthLabel(month)}考勤：${v.certification.secretaryName}签字，${v.certification.certifiedOn}；确认问题 ${warnings.length} 项；扫描件已归入 ${v.filed} 名干部的资料袋`,
    );
    return 0;
  });
}
