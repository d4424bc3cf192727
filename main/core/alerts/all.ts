/**
 * Every alert of a year, for the one alerts view (alerts.list) and `onebag alerts`:
 * attendance, five must-attends, checks and leave (main/core/events/alerts.ts), then overdue
 * reports (main/core/worklog/alerts.ts), then projects, weak villages and support
 * (main/core/work/alerts.ts), then 季度未调度 (main/core/scheduling/alerts.ts), then plans and the check cadence
 * (main/core/work/planAlerts.ts). Each source sorts its own alerts; they follow each other in the
 * order of ALERT_KINDS, so the merged list is stable.
 */
import { ALERT_KINDS, type Alert } from '../../../shared/alerts';
import type { Db } from '../../store/db';
import { computeAlerts } from '../events/alerts';
import { hasImportedCounty, ownCountyIds } from '../lookup';
import { schedulingAlerts } from '../scheduling/alerts';
import { workAlerts } from '../work/alerts';
import { planAlerts } from '../work/planAlerts';
import { worklogAlerts } from '../worklog/alerts';

export interface AllAlertsQuery {
  year: number;
  countyId?: number;
  /** The clerk's today (tests pin it); decides what is complete, due and overdue. */
  today?: string;
}

/**
 * Without a county: this department's own counties. An imported county (origin set, a read-only
 * copy of another department's records for the years its bundles carried) is listed only when
 * asked for by id — its missing years are not overdue work, and its alerts are its department's.
 */
export function allAlerts(db: Db, q: AllAlertsQuery): Alert[] {
  if (q.countyId === undefined) {
    const own = ownCountyIds(db);
    if (hasImportedCounty(db)) {
      const rank = (k: string) => (ALERT_KINDS as readonly string[]).indexOf(k);
      const each = own.flatMap((countyId) => countyAlerts(db, { ...q, countyId }));
      return each
        .map((a, i) => ({ a, i }))
        .sort((x, y) => rank(x.a.kind) - rank(y.a.kind) || x.i - y.i)
        .map((x) => x.a);
    }
  }
  return countyAlerts(db, q);
}

function countyAlerts(db: Db, q: AllAlertsQuery): Alert[] {
  const query: AllAlertsQuery = { year: q.year };
  if (q.countyId !== undefined) query.countyId = q.countyId;
  if (q.today !== undefined) query.today = q.today;
  return [
    ...computeAlerts(db, query),
    ...worklogAlerts(db, query),
    ...workAlerts(db, query),
    ...schedulingAlerts(db, query),
    ...planAlerts(db, query),
  ];
}
