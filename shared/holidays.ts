/**
 * SEED DATA — public holidays and 调休 make-up workdays published by the General Office of
 * the State Council (国务院办公厅关于…部分节假日安排的通知) for 2024, 2025 and 2026.
 *
 * This list only seeds the `holidays` table (migration 0002). The calendar is data, not
 * code: clerks correct it and add later years in the app. Check against the official notice
 * before relying on it. Keep this file append-only: migration 0002 reads it at migration
 * time, so changing an existing entry changes what a fresh database starts with.
 *
 * Sources: 国办发明电〔2023〕7号 (2024), 国办发明电〔2024〕12号 (2025),
 * 国办发明电〔2025〕7号 (2026). Weekend days inside a holiday run are listed as holiday so the
 * grid can label them; a make-up workday is always a Saturday or Sunday.
 */
import type { HolidayEntry } from './attendance';

type Run = { name: string; from: string; to: string; workdays?: string[] };

const RUNS: Record<number, Run[]> = {
  2024: [
    { name: '元旦', from: '2024-01-01', to: '2024-01-01' },
    { name: '春节', from: '2024-02-10', to: '2024-02-17', workdays: ['2024-02-04', '2024-02-18'] },
    { name: '清明节', from: '2024-04-04', to: '2024-04-06', workdays: ['2024-04-07'] },
    { name: '劳动节', from: '2024-05-01', to: '2024-05-05', workdays: ['2024-04-28', '2024-05-11'] },
    { name: '端午节', from: '2024-06-08', to: '2024-06-10' },
    { name: '中秋节', from: '2024-09-15', to: '2024-09-17', workdays: ['2024-09-14'] },
    { name: '国庆节', from: '2024-10-01', to: '2024-10-07', workdays: ['2024-09-29', '2024-10-12'] },
  ],
  2025: [
    { name: '元旦', from: '2025-01-01', to: '2025-01-01' },
    { name: '春节', from: '2025-01-28', to: '2025-02-04', workdays: ['2025-01-26', '2025-02-08'] },
    { name: '清明节', from: '2025-04-04', to: '2025-04-06' },
    { name: '劳动节', from: '2025-05-01', to: '2025-05-05', workdays: ['2025-04-27'] },
    { name: '端午节', from: '2025-05-31', to: '2025-06-02' },
    { name: '国庆节、中秋节', from: '2025-10-01', to: '2025-10-08', workdays: ['2025-09-28', '2025-10-11'] },
  ],
  2026: [
    { name: '元旦', from: '2026-01-01', to: '2026-01-03', workdays: ['2026-01-04'] },
    { name: '春节', from: '2026-02-15', to: '2026-02-23', workdays: ['2026-02-14', '2026-02-28'] },
    { name: '清明节', from: '2026-04-04', to: '2026-04-06' },
    { name: '劳动节', from: '2026-05-01', to: '2026-05-05', workdays: ['2026-05-09'] },
    { name: '端午节', from: '2026-06-19', to: '2026-06-21' },
    { name: '中秋节', from: '2026-09-25', to: '2026-09-27' },
    { name: '国庆节', from: '2026-10-01', to: '2026-10-07', workdays: ['2026-09-20', '2026-10-10'] },
  ],
};

const pad = (n: number) => String(n).padStart(2, '0');

function expand(from: string, to: string): string[] {
  const out: string[] = [];
  const d = new Date(`${from}T00:00:00Z`);
  const end = new Date(`${to}T00:00:00Z`).getTime();
  while (d.getTime() <= end) {
    out.push(`${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`);
    d.setUTCDate(d.getUTCDate() + 1);
  }
  return out;
}

/** Years the seed covers. */
export const SEED_HOLIDAY_YEARS = Object.keys(RUNS).map(Number);

/** Every seeded date, ordered by date. */
export const DEFAULT_HOLIDAYS: readonly HolidayEntry[] = Object.values(RUNS)
  .flat()
  .flatMap((r) => [
    ...expand(r.from, r.to).map((date): HolidayEntry => ({ date, kind: 'holiday', name: r.name })),
    ...(r.workdays ?? []).map((date): HolidayEntry => ({ date, kind: 'workday', name: r.name })),
  ])
  .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
