/**
 * The register cross-check (考勤登记不实核查). The source: township secretaries certify the
 * attendance register, "绝不允许…随便签字…如果被查出此类问题，将对乡镇党委书记进行组织调整".
 * When a check (any level) finds a cadre not on post on a day a certified register shows
 * 在岗, a 核查 record is opened against the cadre and the certifying secretary: the finding,
 * then the explanation, the outcome (属实 / 不属实) and, when 属实, the action taken on the
 * secretary. Concluding 属实 revokes the month's certification, so the register is corrected
 * and certified again (main/core/events/verificationOutcome.ts).
 */
import { monthOf } from '../../../shared/attendance';
import type { VerificationState, VerificationView } from '../../../shared/verifications';
import { AppError } from '../../../shared/result';
import { nowIso, type Db } from '../../store/db';
import { audit } from '../audit/log';
import { snapshot } from '../audit/snapshot';
import { activeCertification } from '../attendance/common';
import { registerMonths } from '../attendance/register';
import { leaveCoversSql } from './common';
import { dateLabel, monthLabel } from '../../../shared/dates';
import { localToday } from '../runtime/clock';
import { stmt } from '../../store/statementCache';

/**
 * Does the township's certified register show the cadre 在岗 on the date? Read through the
 * one register rule (registerMonths: an unmarked rest day is no claim of presence unless the
 * county counts rest days). null when the month is not certified or the day is not 在岗.
 */
function registerShowsOnPost(
  db: Db,
  townshipId: number,
  cadreId: number,
  date: string,
): { certificationId: number; secretaryName: string } | null {
  const month = monthOf(date);
  const cert = activeCertification(db, townshipId, month);
  if (!cert) return null;
  const [m] = registerMonths(db, {
    from: month,
    to: month,
    today: maxDate(date, localToday()),
    townshipIds: new Set([townshipId]),
    cadreId,
  });
  const day = m?.shown[Number(date.slice(8)) - 1];
  if (!day || !day.includes('在岗')) return null;
  return { certificationId: cert.id, secretaryName: cert.secretaryName };
}

const maxDate = (a: string, b: string) => (a > b ? a : b);

/**
 * Opens a 核查 for every absence at checks of the township-month (or of one check) that a
 * certified register contradicts; drops open ones whose contradiction is gone (the check was
 * corrected). Concluded ones are kept. Runs inside the caller's transaction. Returns the number opened.
 */
export function syncVerifications(db: Db, scope: { checkId: number } | { townshipId: number; month: string }): number {
  const rows = (
    'checkId' in scope
      ? stmt(
          db,
          `SELECT k.id AS checkId, k.township_id AS townshipId, k.date, k.kind, k.level, k.checker, r.cadre_id AS cadreId, c.name, r.reason,
                  ${leaveCoversSql('r.cadre_id', 'k.date')} AS excused
             FROM checks k JOIN check_results r ON r.check_id = k.id JOIN cadres c ON c.id = r.cadre_id
            WHERE k.id = ? AND r.on_post = 0`,
        ).all(scope.checkId)
      : stmt(
          db,
          `SELECT k.id AS checkId, k.township_id AS townshipId, k.date, k.kind, k.level, k.checker, r.cadre_id AS cadreId, c.name, r.reason,
                  ${leaveCoversSql('r.cadre_id', 'k.date')} AS excused
             FROM checks k JOIN check_results r ON r.check_id = k.id JOIN cadres c ON c.id = r.cadre_id
            WHERE k.township_id = ? AND k.date BETWEEN ? AND ? AND r.on_post = 0`,
        ).all(scope.townshipId, `${scope.month}-01`, `${scope.month}-31`)
  ) as Array<{
    checkId: number;
    townshipId: number;
    date: string;
    kind: string;
    level: string;
    checker: string;
    cadreId: number;
    name: string;
    reason: string | null;
    excused: 0 | 1;
  }>;
  const exists = stmt(db, 'SELECT id FROM register_verifications WHERE check_id = ? AND cadre_id = ?');
  const ins = stmt(
    db,
    `INSERT INTO register_verifications (check_id, cadre_id, township_id, date, certification_id, secretary_name, finding, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const keep = new Set<string>();
  let opened = 0;
  for (const r of rows) {
    if (r.excused) continue;
    const shows = registerShowsOnPost(db, r.townshipId, r.cadreId, r.date);
    if (!shows) continue;
    keep.add(`${r.checkId}|${r.cadreId}`);
    if (exists.get(r.checkId, r.cadreId)) continue;
    const at = nowIso();
    const finding =
      `${dateLabel(r.date)}${r.kind}（${r.level}，${r.checker}）发现${r.name}不在岗（${r.reason ?? '原因未说明'}），` +
      `而经${shows.secretaryName}签字认定的${monthLabel(monthOf(r.date))}考勤登记表记为在岗`;
    const id = Number(
      ins.run(r.checkId, r.cadreId, r.townshipId, r.date, shows.certificationId, shows.secretaryName, finding, at, at).lastInsertRowid,
    );
    audit(
      db,
      'create',
      'register_verification',
      id,
      { cadreId: r.cadreId, date: r.date, secretaryName: shows.secretaryName },
      {
        after: snapshot(db, 'register_verifications', id),
      },
    );
    opened++;
  }
  // Open records whose contradiction is gone (the check was corrected) are dropped.
  const open = (
    'checkId' in scope
      ? stmt(
          db,
          'SELECT id, check_id AS checkId, cadre_id AS cadreId FROM register_verifications WHERE check_id = ? AND outcome IS NULL',
        ).all(scope.checkId)
      : stmt(
          db,
          'SELECT id, check_id AS checkId, cadre_id AS cadreId FROM register_verifications WHERE township_id = ? AND date BETWEEN ? AND ? AND outcome IS NULL',
        ).all(scope.townshipId, `${scope.month}-01`, `${scope.month}-31`)
  ) as Array<{ id: number; checkId: number; cadreId: number }>;
  for (const o of open) {
    if (keep.has(`${o.checkId}|${o.cadreId}`)) continue;
    const before = snapshot(db, 'register_verifications', o.id);
    stmt(db, 'DELETE FROM register_verifications WHERE id = ?').run(o.id);
    audit(db, 'delete', 'register_verification', o.id, { reason: '督查记录已更正，登记与督查不再矛盾' }, { before });
  }
  return opened;
}

const SELECT = `
  SELECT v.id, v.check_id AS checkId, v.cadre_id AS cadreId, c.name AS cadreName, v.township_id AS townshipId, t.name AS township,
         t.county_id AS countyId, co.name AS county, v.date, k.kind AS checkKind, k.level AS checkLevel, k.checker,
         v.certification_id AS certificationId, v.secretary_name AS secretaryName, ac.certified_on AS certifiedOn,
         (ac.revoked_at IS NULL) AS certificationActive, v.finding,
         v.explanation, v.outcome, v.action, v.concluded_on AS concludedOn, v.concluded_by AS concludedBy, v.created_at AS createdAt
    FROM register_verifications v JOIN cadres c ON c.id = v.cadre_id JOIN townships t ON t.id = v.township_id
    JOIN counties co ON co.id = t.county_id JOIN checks k ON k.id = v.check_id
    JOIN attendance_certifications ac ON ac.id = v.certification_id`;

type Row = Omit<VerificationView, 'certificationActive'> & { certificationActive: 0 | 1 };
const view = (r: Row): VerificationView => ({ ...r, certificationActive: r.certificationActive === 1 });

export interface VerificationFilter {
  year?: number;
  countyId?: number;
  townshipId?: number;
  /** 待核查 (open), 属实 or 不属实. */
  state?: VerificationState;
}

export function listVerifications(db: Db, filter: VerificationFilter = {}): VerificationView[] {
  return (
    stmt(
      db,
      `${SELECT} WHERE (@year IS NULL OR substr(v.date, 1, 4) = @year) AND (@county IS NULL OR t.county_id = @county)
         AND (@township IS NULL OR v.township_id = @township)
         AND (@state IS NULL OR (@state = '待核查' AND v.outcome IS NULL) OR v.outcome = @state)
       ORDER BY v.date DESC, v.id DESC`,
    ).all({
      year: filter.year === undefined ? null : String(filter.year),
      county: filter.countyId ?? null,
      township: filter.townshipId ?? null,
      state: filter.state ?? null,
    }) as Row[]
  ).map(view);
}

export function getVerification(db: Db, id: number): VerificationView {
  const v = stmt(db, `${SELECT} WHERE v.id = ?`).get(id) as Row | undefined;
  if (!v) throw new AppError('NOT_FOUND', '该核查记录不存在，可能已被删除，请刷新后重试');
  return view(v);
}
