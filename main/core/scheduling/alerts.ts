/**
 * 季度未调度: a county quarter of the year that has ended with cadres posted in the county and no
 * 调度会 on record — 一般 within MEETING_GRACE_DAYS after the quarter (the meeting may still be
 * held), 严重 after. A county-wide alert: its township column names the county (全县).
 */
import type { Alert } from '../../../shared/alerts';
import { MEETING_GRACE_DAYS, quarterEnd, quarterLabel } from '../../../shared/scheduling';
import { dayNumber } from '../../../shared/attendance';
import type { Db } from '../../store/db';
import { hasTable } from '../stats/facts';
import { meetingOf, quarterCadres } from './quarter';
import { localToday } from '../runtime/clock';
import { stmt } from '../../store/statementCache';

export function schedulingAlerts(db: Db, q: { year: number; countyId?: number; today?: string }): Alert[] {
  if (!hasTable(db, 'scheduling_meetings')) return [];
  const today = q.today ?? localToday();
  const counties = stmt(db, 'SELECT id, name FROM counties WHERE (@c IS NULL OR id = @c) ORDER BY id').all({
    c: q.countyId ?? null,
  }) as Array<{ id: number; name: string }>;
  const out: Alert[] = [];
  for (const c of counties) {
    for (const quarter of [1, 2, 3, 4]) {
      const end = quarterEnd(q.year, quarter);
      if (end >= today || meetingOf(db, c.id, q.year, quarter)) continue;
      const cadres = quarterCadres(db, c.id, q.year, quarter).length;
      if (cadres === 0) continue;
      const late = dayNumber(today) - dayNumber(end) > MEETING_GRACE_DAYS;
      out.push({
        kind: '季度未调度',
        severity: late ? 'high' : 'medium',
        townshipId: 0,
        township: `${c.name}（全县）`,
        date: end,
        message: `${c.name}${quarterLabel(q.year, quarter)}尚未登记调度会（当季在任选派干部${cadres}人），应召开驻乡村干部工作调度会，听取工作进展、存在问题和下一步计划`,
        link: { view: 'work', tab: 'scheduling' },
      });
    }
  }
  return out;
}
