/**
 * Recording the quarter's 调度会 (meeting, per-cadre progress, problems, next steps) and where the
 * cadres' reports were sent (派出单位 / 上一级党委). Every write is one transaction with its audit.
 */
import type { z } from 'zod';
import type { meetingSchema, routeSchema } from '../../../shared/api/scheduling';
import { AppError } from '../../../shared/result';
import {
  MEETING_GRACE_DAYS,
  quarterEnd,
  quarterLabel,
  quarterStart,
  type ReportRoute,
  type SchedulingQuarter,
} from '../../../shared/scheduling';
import { dateFromDayNumber, dayNumber } from '../../../shared/attendance';
import { nowIso, type Db } from '../../store/db';
import { audit } from '../audit/log';
import { operatorOf } from '../attendance/common';
import { cadreFacts } from '../work/common';
import { getQuarter, meetingOf, quarterCadres, routesOf } from './quarter';
import { dateLabel } from '../../../shared/dates';
import { localToday } from '../runtime/clock';
import { stmt } from '../../store/statementCache';

const meetingRow = (db: Db, id: number) => {
  const m = stmt(db, 'SELECT * FROM scheduling_meetings WHERE id = ?').get(id) as Record<string, unknown> | undefined;
  if (!m) return undefined;
  return {
    ...m,
    progress: stmt(
      db,
      'SELECT cadre_id, progress, problems, next_steps FROM scheduling_progress WHERE meeting_id = ? ORDER BY cadre_id',
    ).all(id),
  };
};

export function saveMeeting(db: Db, input: z.output<typeof meetingSchema>, today = localToday()): SchedulingQuarter {
  const { countyId, year, quarter } = input;
  const label = quarterLabel(year, quarter);
  const latest = dateFromDayNumber(dayNumber(quarterEnd(year, quarter)) + MEETING_GRACE_DAYS);
  if (input.meetingDate < quarterStart(year, quarter) || input.meetingDate > latest) {
    throw new AppError(
      'INVALID_INPUT',
      `${label}的调度会日期应在${dateLabel(quarterStart(year, quarter))}至${dateLabel(latest)}之间（季度内或季度结束后${MEETING_GRACE_DAYS}天内）`,
    );
  }
  if (input.meetingDate > today) throw new AppError('INVALID_INPUT', '调度会日期不能晚于今天');
  const posted = new Set(quarterCadres(db, countyId, year, quarter).map((c) => c.cadreId));
  const seen = new Set<number>();
  for (const p of input.progress) {
    const name = cadreFacts(db, p.cadreId).name;
    if (!posted.has(p.cadreId)) throw new AppError('INVALID_INPUT', `${name}${label}不在本县任职，不能登记其调度情况`);
    if (seen.has(p.cadreId)) throw new AppError('INVALID_INPUT', `${name}的工作进展被重复填写`);
    seen.add(p.cadreId);
  }
  db.transaction(() => {
    const existing = meetingOf(db, countyId, year, quarter);
    const before = existing ? meetingRow(db, existing.id) : undefined;
    const now = nowIso();
    stmt(
      db,
      `INSERT INTO scheduling_meetings (county_id, year, quarter, meeting_date, place, chaired_by, problems, next_steps, created_by, created_at, updated_at)
       VALUES (@countyId, @year, @quarter, @meetingDate, @place, @chairedBy, @problems, @nextSteps, @by, @now, @now)
       ON CONFLICT(county_id, year, quarter) DO UPDATE SET meeting_date = excluded.meeting_date, place = excluded.place,
         chaired_by = excluded.chaired_by, problems = excluded.problems, next_steps = excluded.next_steps, updated_at = excluded.updated_at`,
    ).run({ ...input, by: operatorOf(db), now });
    const id = meetingOf(db, countyId, year, quarter)!.id;
    stmt(db, 'DELETE FROM scheduling_progress WHERE meeting_id = ?').run(id);
    const ins = stmt(db, 'INSERT INTO scheduling_progress (meeting_id, cadre_id, progress, problems, next_steps) VALUES (?, ?, ?, ?, ?)');
    for (const p of input.progress) ins.run(id, p.cadreId, p.progress, p.problems, p.nextSteps);
    audit(
      db,
      before ? 'update' : 'create',
      'scheduling_meeting',
      id,
      { countyId, year, quarter, cadres: input.progress.length },
      { before, after: meetingRow(db, id) },
    );
  })();
  return getQuarter(db, countyId, year, quarter, today);
}

export function removeMeeting(db: Db, countyId: number, year: number, quarter: number): void {
  db.transaction(() => {
    const m = meetingOf(db, countyId, year, quarter);
    if (!m) throw new AppError('NOT_FOUND', `${quarterLabel(year, quarter)}尚未登记调度会`);
    const before = meetingRow(db, m.id);
    stmt(db, 'DELETE FROM scheduling_meetings WHERE id = ?').run(m.id);
    audit(db, 'delete', 'scheduling_meeting', m.id, { countyId, year, quarter }, { before });
  })();
}

/** Records where a submitted report went; the same recipient kind is replaced. */
export function routeReport(db: Db, input: z.output<typeof routeSchema>, today = localToday()): ReportRoute[] {
  const name = cadreFacts(db, input.cadreId).name;
  const sub = stmt(db, 'SELECT submitted_on AS submittedOn FROM report_submissions WHERE cadre_id = ? AND kind = ? AND period = ?').get(
    input.cadreId,
    input.kind,
    input.period,
  ) as { submittedOn: string } | undefined;
  if (!sub) throw new AppError('NOT_FOUND', `${name}的${input.period}${input.kind}尚未提交，不能登记报送`);
  if (input.sentOn < sub.submittedOn) throw new AppError('INVALID_INPUT', `报送日期不能早于报告提交日期（${dateLabel(sub.submittedOn)}）`);
  if (input.sentOn > today) throw new AppError('INVALID_INPUT', '报送日期不能晚于今天');
  db.transaction(() => {
    const key = [input.cadreId, input.kind, input.period, input.recipientKind] as const;
    const row = () =>
      stmt(db, 'SELECT * FROM report_routes WHERE cadre_id = ? AND kind = ? AND period = ? AND recipient_kind = ?').get(...key);
    const before = row();
    stmt(
      db,
      `INSERT INTO report_routes (cadre_id, kind, period, recipient_kind, recipient, sent_on, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(cadre_id, kind, period, recipient_kind) DO UPDATE SET recipient = excluded.recipient, sent_on = excluded.sent_on`,
    ).run(...key, input.recipient, input.sentOn, nowIso());
    audit(
      db,
      before ? 'update' : 'create',
      'report_route',
      input.cadreId,
      { kind: input.kind, period: input.period, recipientKind: input.recipientKind },
      { before, after: row() },
    );
  })();
  return routesOf(db, input.cadreId, input.kind, input.period);
}
