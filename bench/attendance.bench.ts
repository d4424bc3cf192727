/**
 * Attendance: a county of 300 cadres × 12 months with realistic exceptions. Targets from the
 * issue: the month grid of a 40-cadre township opens in ≤ 100 ms, a cell edit saves in ≤ 10 ms
 * (p95 over repeated runs, on a real SQLite file with WAL and synchronous=FULL).
 */
import { getMonthGrid, setCells } from '../main/core/attendance/grid';
import { addLeave, approveLeave } from '../main/core/attendance/leave';
import { certifyMonth } from '../main/core/attendance/certify';
import { EDITABLE_CODES, daysInMonth } from '../shared/attendance';
import { p95, rng } from './measure';
import { seedBenchCounty } from './county';
import type { Bench } from './types';
import { withBenchDb } from './benchDb';

export const bench: Bench = async () => {
  return withBenchDb('att', async (db) => {
    const rand = rng(20250101);
    const now = new Date().toISOString();
    const months = Array.from({ length: 12 }, (_, i) => `2025-${String(i + 1).padStart(2, '0')}`);
    const scan = 'f'.repeat(64);
    db.prepare(`INSERT INTO blobs (sha256, kind, mime, size, created_at) VALUES (?, 'pdf', 'application/pdf', 1, ?)`).run(scan, now);
    // Most serve the whole year; some arrive or leave mid-year.
    const seeded = seedBenchCounty(db, {
      idPrefix: 'B',
      posting: (i) => ({ start: i % 10 === 3 ? '2025-05-16' : '2024-03-01', end: i % 10 === 7 ? '2025-09-20' : null }),
    });
    const townships = seeded.townships.map((t) => t.id);
    const cadresOf = new Map(seeded.townships.map((t) => [t.id, t.cadres.map((c) => c.id)]));
    db.transaction(() => {
      // Exceptions: 2–8 marked days per cadre-month (公出, half-day leave, 缺勤 …).
      const ins = db.prepare(
        `INSERT OR REPLACE INTO attendance_cells (cadre_id, date, half, code, source, updated_at) VALUES (?, ?, ?, ?, 'manual', ?)`,
      );
      const codes = EDITABLE_CODES.filter((c) => c !== '在岗');
      for (const [, list] of cadresOf) {
        for (const c of list) {
          for (const m of months) {
            const k = 2 + Math.floor(rand() * 7);
            for (let j = 0; j < k; j++) {
              const d = 1 + Math.floor(rand() * daysInMonth(m));
              const half = rand() < 0.2 ? (rand() < 0.5 ? '上' : '下') : '全';
              ins.run(c, `${m}-${String(d).padStart(2, '0')}`, half, codes[Math.floor(rand() * codes.length)]!, now);
            }
          }
        }
      }
    })();
    // Some leave through the real path, and certified months for January to October.
    const t40 = townships[0]!;
    const forty = cadresOf.get(t40)!;
    for (let i = 0; i < 20; i++) {
      const c = forty[i % forty.length]!;
      if (forty.indexOf(c) % 10 === 3 || forty.indexOf(c) % 10 === 7) continue;
      const l = addLeave(db, {
        cadreId: c,
        type: '事假',
        start: `2025-11-${String(3 + i).padStart(2, '0')}`,
        startHalf: '下',
        end: `2025-11-${String(4 + i).padStart(2, '0')}`,
        endHalf: '下',
        reason: '家中有事',
      });
      approveLeave(db, { leaveId: l.id, approver: '镇党委书记' });
    }
    for (const t of townships) {
      for (const m of months.slice(0, 10)) {
        certifyMonth(db, { townshipId: t, month: m, secretaryName: '书记', certifiedOn: `${m}-28`, sealApplied: true, scanSha256: scan });
      }
    }

    // Month grid of the 40-cadre township, opened repeatedly over all twelve months.
    for (let i = 0; i < 10; i++) getMonthGrid(db, t40, months[i % 12]!);
    const gridTimes: number[] = [];
    for (let i = 0; i < 240; i++) {
      const t0 = performance.now();
      const g = getMonthGrid(db, t40, months[i % 12]!);
      gridTimes.push(performance.now() - t0);
      if (g.rows.length < 35) throw new Error(`unexpected row count ${g.rows.length}`);
    }

    // Cell edits on the open December grid (one cell per save, as the clerk types).
    const editTimes: number[] = [];
    const serving = forty.filter((_, i) => i % 10 !== 7);
    const edit = (i: number) =>
      setCells(db, {
        townshipId: t40,
        month: '2025-12',
        edits: [
          {
            cadreId: serving[(i * 7) % serving.length]!,
            date: `2025-12-${String(1 + (i % 31)).padStart(2, '0')}`,
            half: i % 5 === 0 ? '上' : '全',
            code: EDITABLE_CODES[i % EDITABLE_CODES.length]!,
          },
        ],
      });
    for (let i = 0; i < 10; i++) edit(i);
    for (let i = 0; i < 300; i++) {
      const t0 = performance.now();
      edit(i);
      editTimes.push(performance.now() - t0);
    }

    return [
      { name: 'attendance: month grid, 40-cadre township (p95)', value: p95(gridTimes), unit: 'ms', target: 100, better: 'lower' },
      { name: 'attendance: cell edit saved (p95)', value: p95(editTimes), unit: 'ms', target: 10, better: 'lower' },
    ];
  });
};
