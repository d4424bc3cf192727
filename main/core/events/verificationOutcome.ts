/**
 * Concluding a register 核查 (see verifications.ts): the explanation, the outcome, the action
 * taken on the certifying secretary, and — when 属实 — the revocation of the month's
 * certification, so the register is corrected and certified again.
 */
import { monthOf } from '../../../shared/attendance';
import type { VerificationOutcome, VerificationView } from '../../../shared/verifications';
import { AppError } from '../../../shared/result';
import { nowIso, type Db } from '../../store/db';
import { audit } from '../audit/log';
import { snapshot } from '../audit/snapshot';
import { revokeCertification } from '../attendance/certify';
import { activeCertification, operatorOf } from '../attendance/common';
import { getVerification } from './verifications';
import { dateLabel } from '../../../shared/dates';
import { localToday } from '../runtime/clock';
import { stmt } from '../../store/statementCache';

export interface ConcludeInput {
  id: number;
  explanation: string;
  outcome: VerificationOutcome;
  /** Required when 属实: the action taken on the certifying secretary (约谈、诫勉、组织调整…). */
  action?: string | null;
  concludedOn: string;
  today?: string;
}

/**
 * Concludes a 核查. 属实 needs the action taken on the secretary and revokes the month's
 * certification (when still the one the register was certified by), so the clerk corrects the
 * register and the township certifies it again. Returns the revoked certification, if any.
 */
export function concludeVerification(
  db: Db,
  input: ConcludeInput,
): { verification: VerificationView; revoked: { id: number; reason: string } | null } {
  const explanation = (input.explanation ?? '').trim();
  const action = (input.action ?? '').trim();
  if ([...explanation].length < 4) throw new AppError('INVALID_INPUT', '请填写核查说明（不少于4个字）');
  if ([...explanation].length > 500) throw new AppError('INVALID_INPUT', '核查说明不能超过500个字');
  if (input.outcome !== '属实' && input.outcome !== '不属实') throw new AppError('INVALID_INPUT', '核查结论应为“属实”或“不属实”');
  if (input.outcome === '属实' && [...action].length < 2)
    throw new AppError('INVALID_INPUT', '核查属实的，须填写对签字认定的乡镇党委书记的处理（如约谈、诫勉、组织调整）');
  if ([...action].length > 200) throw new AppError('INVALID_INPUT', '处理情况不能超过200个字');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.concludedOn ?? '')) throw new AppError('INVALID_INPUT', '核查结论日期格式应为 YYYY-MM-DD');
  if (input.concludedOn > (input.today ?? localToday())) throw new AppError('INVALID_INPUT', '核查结论日期不能晚于今天');
  return db.transaction(() => {
    const v = getVerification(db, input.id);
    if (v.outcome) throw new AppError('CONFLICT', `该核查已于${dateLabel(v.concludedOn!)}作出结论（${v.outcome}），不能重复办结`);
    if (input.concludedOn < v.date) throw new AppError('INVALID_INPUT', '核查结论日期不能早于督查日期');
    const before = snapshot(db, 'register_verifications', v.id);
    stmt(
      db,
      `UPDATE register_verifications SET explanation = ?, outcome = ?, action = ?, concluded_on = ?, concluded_by = ?, updated_at = ? WHERE id = ?`,
    ).run(explanation, input.outcome, action || null, input.concludedOn, operatorOf(db), nowIso(), v.id);
    audit(
      db,
      'update',
      'register_verification',
      v.id,
      { outcome: input.outcome, secretaryName: v.secretaryName },
      {
        before,
        after: snapshot(db, 'register_verifications', v.id),
      },
    );
    let revoked: { id: number; reason: string } | null = null;
    const month = monthOf(v.date);
    const cert = activeCertification(db, v.townshipId, month);
    if (input.outcome === '属实' && cert && cert.id === v.certificationId) {
      const reason = `核查属实：${v.cadreName}${dateLabel(v.date)}不在岗，登记为在岗；对${v.secretaryName}的处理：${action}`;
      revokeCertification(db, { townshipId: v.townshipId, month, reason });
      revoked = { id: cert.id, reason };
    }
    return { verification: getVerification(db, v.id), revoked };
  })();
}
