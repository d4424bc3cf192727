/**
 * Five must-attends (五必到): events of the five kinds at a township with the cadres expected,
 * each marked 到 or 缺 (with a reason). An absence raises an alert (see alerts.ts).
 */
import { eventSaveSchema, expectedMarkSchema, type EventSaveInput } from '../../../shared/api/events';
import type { EventDetail, EventSummary, ExpectedCadre } from '../../../shared/events';
import { AppError } from '../../../shared/result';
import { nowIso, type Db } from '../../store/db';
import { audit } from '../audit/log';
import { townshipOf } from '../attendance/common';
import { assertPosted, listedCadres, parseInput, yearRange } from './common';
import { saveRecordWithRows, type RecordTables } from './saveRecord';
import { removeAudited } from '../audit/removeAudited';
import { z } from 'zod';
import { localToday } from '../runtime/clock';
import { stmt } from '../../store/statementCache';

type Mark = z.output<typeof expectedMarkSchema>;

const EVENT_SQL = `
  SELECT e.id, e.township_id AS townshipId, t.name AS township, e.kind, e.title, e.date, e.place, e.notes
    FROM must_attend_events e JOIN townships t ON t.id = e.township_id`;

export function getEvent(db: Db, id: number): EventDetail {
  const e = stmt(db, `${EVENT_SQL} WHERE e.id = ?`).get(id) as Omit<EventDetail, 'expected'> | undefined;
  if (!e) throw new AppError('NOT_FOUND', '该五必到事项不存在，可能已被删除，请刷新后重试');
  const rows = listedCadres<Omit<ExpectedCadre, 'present'> & { present: 0 | 1 | null }>(
    db,
    { table: 'must_attend_expected', recordColumn: 'event_id', columns: 'r.present, r.absence_reason AS absenceReason' },
    e,
  );
  return { ...e, expected: rows.map((r) => ({ ...r, present: r.present === null ? null : r.present === 1 })) };
}

const EVENT_TABLES: RecordTables<EventDetail> = {
  table: 'must_attend_events',
  rows: { table: 'must_attend_expected', recordColumn: 'event_id' },
  entity: 'must_attend_event',
  read: getEvent,
};

export function listEvents(db: Db, filter: { year: number; townshipId?: number; countyId?: number }): EventSummary[] {
  const { from, to } = yearRange(filter.year);
  return stmt(
    db,
    `SELECT e.id, e.township_id AS townshipId, t.name AS township, e.kind, e.title, e.date, e.place,
            COUNT(x.cadre_id) AS expected,
            COALESCE(SUM(x.present = 1), 0) AS present,
            COALESCE(SUM(x.present = 0), 0) AS absent,
            COALESCE(SUM(x.present IS NULL AND x.cadre_id IS NOT NULL), 0) AS unmarked,
            COALESCE(GROUP_CONCAT(CASE WHEN x.present = 0 THEN c.name END, '、'), '') AS absentNames
       FROM must_attend_events e JOIN townships t ON t.id = e.township_id
       LEFT JOIN must_attend_expected x ON x.event_id = e.id LEFT JOIN cadres c ON c.id = x.cadre_id
      WHERE e.date BETWEEN @from AND @to AND (@townshipId IS NULL OR e.township_id = @townshipId)
        AND (@countyId IS NULL OR t.county_id = @countyId)
      GROUP BY e.id ORDER BY e.date DESC, e.id DESC`,
  ).all({ from, to, townshipId: filter.townshipId ?? null, countyId: filter.countyId ?? null }) as EventSummary[];
}

/** An absence needs its reason; a future event cannot have been attended or missed yet. */
function checkMarks(marks: Mark[], date: string, nameOf: (id: number) => string): void {
  for (const m of marks) {
    if (m.present === null) continue;
    if (date > localToday()) throw new AppError('INVALID_INPUT', '该事项尚未发生，不能登记到会情况，请在事项发生后标记到或缺');
    if (m.present === false && !m.absenceReason) throw new AppError('INVALID_INPUT', `请填写${nameOf(m.cadreId)}缺席的原因`);
  }
}

const writeMark = (db: Db, eventId: number, m: Mark) =>
  stmt(db, 'UPDATE must_attend_expected SET present = ?, absence_reason = ? WHERE event_id = ? AND cadre_id = ?').run(
    m.present === null ? null : m.present ? 1 : 0,
    m.present === false ? m.absenceReason : null,
    eventId,
    m.cadreId,
  );

/** Creates or replaces an event, its expected cadres and their marks, in one transaction. */
export function saveEvent(db: Db, input: EventSaveInput): EventDetail {
  const { id, event, expected } = parseInput(eventSaveSchema, input);
  return db.transaction(() => {
    townshipOf(db, event.townshipId);
    const posted = assertPosted(
      db,
      event.townshipId,
      event.date,
      expected.map((x) => x.cadreId),
    );
    checkMarks(expected, event.date, (c) => posted.get(c)?.name ?? '该干部');
    return saveRecordWithRows(db, EVENT_TABLES, {
      id,
      columns: {
        township_id: event.townshipId,
        kind: event.kind,
        title: event.title,
        date: event.date,
        place: event.place,
        notes: event.notes,
      },
      writeRows: (eventId) => {
        const ins = stmt(db, 'INSERT INTO must_attend_expected (event_id, cadre_id, present, absence_reason) VALUES (?, ?, NULL, NULL)');
        for (const x of expected) {
          ins.run(eventId, x.cadreId);
          writeMark(db, eventId, x);
        }
      },
      summary: {
        kind: event.kind,
        date: event.date,
        expected: expected.length,
        absent: expected.filter((x) => x.present === false).map((x) => x.cadreId),
      },
    });
  })();
}

/** Marks some expected cadres without touching the others. */
export function markEvent(db: Db, input: { eventId: number; marks: unknown[] }): EventDetail {
  const marks = input.marks.map((m) => parseInput(expectedMarkSchema, m));
  if (marks.length === 0) throw new AppError('INVALID_INPUT', '请至少标记一名干部');
  return db.transaction(() => {
    const e = getEvent(db, input.eventId);
    const byId = new Map(e.expected.map((x) => [x.cadreId, x]));
    for (const m of marks) {
      if (!byId.has(m.cadreId)) throw new AppError('INVALID_INPUT', '所标记的干部不在该事项的应到名单中，请先修改应到名单');
    }
    checkMarks(marks, e.date, (c) => byId.get(c)?.name ?? '该干部');
    for (const m of marks) writeMark(db, e.id, m);
    stmt(db, 'UPDATE must_attend_events SET updated_at = ? WHERE id = ?').run(nowIso(), e.id);
    audit(db, 'update', 'must_attend_event', e.id, { marks }, { before: e, after: getEvent(db, e.id) });
    return getEvent(db, e.id);
  })();
}

export function removeEvent(db: Db, id: number): void {
  removeAudited(db, EVENT_TABLES, id, (e) => ({ kind: e.kind, title: e.title, date: e.date, township: e.township }));
}
