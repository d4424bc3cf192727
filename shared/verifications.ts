/**
 * The register cross-check (考勤登记不实核查): a check found a cadre not on post on a day the
 * township's certified register shows 在岗. See main/core/events/verifications.ts.
 */
export const VERIFICATION_OUTCOMES = ['属实', '不属实'] as const;
export type VerificationOutcome = (typeof VERIFICATION_OUTCOMES)[number];

export interface VerificationView {
  id: number;
  checkId: number;
  cadreId: number;
  cadreName: string;
  townshipId: number;
  township: string;
  countyId: number;
  county: string;
  /** The day of the check. */
  date: string;
  /** The check that found the cadre away: its kind (明察/暗访…), level and who checked. */
  checkKind: string;
  checkLevel: string;
  checker: string;
  certificationId: number;
  /** The secretary who certified the register. */
  secretaryName: string;
  /** When the contradicted register was certified. */
  certifiedOn: string;
  /** That certification still stands (false once revoked). */
  certificationActive: boolean;
  finding: string;
  explanation: string | null;
  /** null while the 核查 is open (待核查). */
  outcome: VerificationOutcome | null;
  /** The action taken on the secretary (属实). */
  action: string | null;
  concludedOn: string | null;
  concludedBy: string | null;
  createdAt: string;
}

export const VERIFICATION_STATES = ['待核查', '属实', '不属实'] as const;
export type VerificationState = (typeof VERIFICATION_STATES)[number];

/** 待核查 / 属实 / 不属实 */
export const verificationState = (v: Pick<VerificationView, 'outcome'>): VerificationState => v.outcome ?? '待核查';
