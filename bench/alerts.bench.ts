/**
 * Alerts: a county of 300 cadres × 12 months with realistic exceptions (some months under 20
 * days, uncertified months, five-must events with absences, checks finding cadres off post,
 * long leave approved at township level). Target from the issue: the year's alerts for the
 * county compute in ≤ 200 ms (p95 of repeated runs, real SQLite file, WAL, synchronous=FULL).
 * Second figure: every kind (allAlerts: attendance/events + overdue reports + work) on the same
 * county, ≤ 300 ms (issue 5).
 */
import { allAlerts } from '../main/core/alerts/all';
import { computeAlerts } from '../main/core/events/alerts';
import { EVENT_KINDS } from '../shared/events';
import { EDITABLE_CODES, daysInMonth } from '../shared/attendance';
import { p95, rng } from './measure';
import { seedBenchCounty } from './county';
import type { Bench } from './types';
import { withBenchDb } from './benchDb';

export const bench: Bench = async () => {
  return withBenchDb('alerts', async (db) => {
    const rand = rng(20250301);
    const now = new Date().toISOString();
    const pad = (n: number) => String(n).padStart(2, '0');
    const months = Array.from({ length: 12 }, (_, i) => `2025-${pad(i + 1)}`);
    const { county, townships } = seedBenchCounty(db, {
      idPrefix: 'B',
      posting: (i) => ({ start: i % 10 === 3 ? '2025-05-16' : '2024-03-01', end: i % 10 === 7 ? '2025-09-20' : null }),
    });
    const scan = 'f'.repeat(64);
    db.prepare(`INSERT INTO blobs (sha256, kind, mime, size, created_at) VALUES (?, 'pdf', 'application/pdf', 1, ?)`).run(scan, now);
    db.transaction(() => {
      const codes = EDITABLE_CODES.filter((c) => c !== '在岗');
      const cell = db.prepare(
        `INSERT OR REPLACE INTO attendance_cells (cadre_id, date, half, code, source, updated_at) VALUES (?, ?, ?, ?, 'manual', ?)`,
      );
      const cert = db.prepare(
        `INSERT INTO attendance_certifications (township_id, month, secretary_name, certified_on, seal_applied, scan_sha256, created_at)
         VALUES (?, ?, '书记', ?, 1, ?, ?)`,
      );
      const event = db.prepare(
        `INSERT INTO must_attend_events (township_id, kind, title, date, place, created_at, updated_at) VALUES (?, ?, ?, ?, '镇会议室', ?, ?)`,
      );
      const expected = db.prepare('INSERT INTO must_attend_expected (event_id, cadre_id, present, absence_reason) VALUES (?, ?, ?, ?)');
      const check = db.prepare(
        `INSERT INTO checks (township_id, level, kind, date, checker, created_at, updated_at) VALUES (?, '县级', '县级抽查', ?, '县委组织部', ?, ?)`,
      );
      const result = db.prepare('INSERT INTO check_results (check_id, cadre_id, on_post, reason) VALUES (?, ?, ?, ?)');
      const leave = db.prepare(
        `INSERT INTO leave_requests (cadre_id, type, start_date, start_half, end_date, end_half, days, reason, approver, approval_level, status, created_at, updated_at)
         VALUES (?, '事假', ?, '上', ?, '下', ?, '家中有事', '镇党委书记', '乡镇党委', '已批准', ?, ?)`,
      );
      for (const { id: t, cadres } of townships) {
        const list = cadres.map((x) => x.id);
        for (const c of list) {
          for (const m of months) {
            // 2–8 exceptions a month; one cadre-month in 25 falls well under the minimum.
            const k = rand() < 0.04 ? 14 : 2 + Math.floor(rand() * 7);
            for (let j = 0; j < k; j++) {
              const d = 1 + Math.floor(rand() * daysInMonth(m));
              cell.run(c, `${m}-${pad(d)}`, rand() < 0.2 ? '上' : '全', codes[Math.floor(rand() * codes.length)]!, now);
            }
          }
          // One in 15 took 5 days' leave approved by the township only.
          if (rand() < 1 / 15) leave.run(c, '2025-04-07', '2025-04-11', 5, now, now);
        }
        // Certified months: most, but about one in six left uncertified.
        for (const m of months) if (rand() > 1 / 6) cert.run(t, m, `${m}-28`, scan, now);
        // Two five-must events a month, all cadres expected, a few absent.
        for (const m of months) {
          for (let e = 0; e < 2; e++) {
            const id = Number(
              event.run(t, EVENT_KINDS[(e + Number(m.slice(5))) % 5]!, `${m}工作事项${e + 1}`, `${m}-${pad(5 + e * 10)}`, now, now)
                .lastInsertRowid,
            );
            for (const c of list) {
              const absent = rand() < 0.03;
              expected.run(id, c, absent ? 0 : 1, absent ? '外出' : null);
            }
          }
          // A county spot check a month of about ten cadres.
          const k = Number(check.run(t, `${m}-18`, now, now).lastInsertRowid);
          for (const c of list.slice(0, 10)) {
            const off = rand() < 0.08;
            result.run(k, c, off ? 0 : 1, off ? '不在岗' : null);
          }
        }
      }
    })();
    db.pragma('wal_checkpoint(TRUNCATE)');

    let count = 0;
    for (let i = 0; i < 3; i++) count = computeAlerts(db, { year: 2025, countyId: county, today: '2026-03-01' }).length;
    if (count < 100) throw new Error(`unexpectedly few alerts: ${count}`);
    const times: number[] = [];
    for (let i = 0; i < 30; i++) {
      const t0 = performance.now();
      computeAlerts(db, { year: 2025, countyId: county, today: '2026-03-01' });
      times.push(performance.now() - t0);
    }
    console.log(`  (${count} alerts for the year)`);

    // Every kind, as the alerts view and `onebag alerts` list them (issue 5: the county's
    // stats and alerts compute in ≤ 300 ms). No report is submitted and no project exists, so
    // the worklog and work sources raise alerts for every cadre.
    let allCount = 0;
    for (let i = 0; i < 3; i++) allCount = allAlerts(db, { year: 2025, countyId: county, today: '2026-03-01' }).length;
    if (allCount <= count) throw new Error(`allAlerts added nothing to the ${count} attendance alerts`);
    const allTimes: number[] = [];
    for (let i = 0; i < 30; i++) {
      const t0 = performance.now();
      allAlerts(db, { year: 2025, countyId: county, today: '2026-03-01' });
      allTimes.push(performance.now() - t0);
    }
    console.log(`  (${allCount} alerts of every kind for the year)`);
    return [
      { name: 'alerts: the county’s year, 300 cadres × 12 months (p95)', value: p95(times), unit: 'ms', target: 200, better: 'lower' },
      {
        name: 'alerts: every kind (allAlerts), same county and year (p95)',
        value: p95(allTimes),
        unit: 'ms',
        target: 300,
        better: 'lower',
      },
    ];
  });
};
