import type { Db } from '../../store/db';

/** Tables whose rows are recorded as before/after by id (constant names, never user input). */
export type SnapshotTable =
  | 'cadres'
  | 'materials'
  | 'attendance_certifications'
  | 'leave_requests'
  | 'checks'
  | 'must_attend_events'
  | 'projects'
  | 'plans'
  | 'allowance_payments'
  | 'insurance_policies'
  | 'unit_pledges'
  | 'worklog_entries'
  | 'eval_schemes'
  | 'eval_outcomes'
  | 'weak_actions'
  | 'counties'
  | 'townships'
  | 'villages'
  | 'units'
  | 'postings'
  | 'register_verifications';

/** The row as stored, for the audit log's before/after; undefined when there is none. */
export function snapshot(db: Db, table: SnapshotTable, id: number): Record<string, unknown> | undefined {
  return db.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(id) as Record<string, unknown> | undefined;
}
