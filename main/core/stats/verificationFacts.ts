/**
 * 考勤登记不实核查: one fact per 核查 of the year (a check contradicting a certified register),
 * counted while open (待核查) or found 属实; 不属实 is listed but not counted. Read from the
 * same records as the 考勤登记不实 alerts (main/core/events/verifications.ts).
 */
import type { Db } from '../../store/db';
import { listVerifications } from '../events/verifications';
import { hasTable, type Fact, type FigureFacts, type Scope } from './facts';

export function verificationFacts(db: Db, s: Scope): FigureFacts {
  if (!hasTable(db, 'register_verifications')) return { key: 'registerChecks', unavailable: '此数据文件尚无核查记录表', facts: [] };
  const facts: Fact[] = [];
  const n = { open: 0, true: 0, false: 0 };
  for (const v of listVerifications(db, { year: s.year })) {
    const t = s.townships.get(v.townshipId);
    if (!t) continue;
    const state = v.outcome ?? '待核查';
    if (v.outcome === '属实') n.true++;
    else if (v.outcome === '不属实') n.false++;
    else n.open++;
    facts.push({
      key: `verification|${v.id}`,
      townshipId: v.townshipId,
      township: t.name,
      village: null,
      cadreId: v.cadreId,
      cadre: v.cadreName,
      when: v.date,
      text: `${v.finding}；认定人：${v.secretaryName}；${state}${v.outcome === '属实' ? `，处理：${v.action ?? '未记录'}` : ''}`,
      amount: state,
      counted: v.outcome !== '不属实',
      weight: 1,
      link: { view: 'verifications', year: Number(v.date.slice(0, 4)) },
    });
  }
  const note = facts.length ? `待核查${n.open}起，属实${n.true}起，不属实${n.false}起` : undefined;
  return { key: 'registerChecks', unavailable: null, ...(note ? { note } : {}), facts };
}
