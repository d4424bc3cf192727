/** Date spellings seen in Chinese county spreadsheets, normalised to ISO YYYY-MM-DD. */

const pad = (n: number) => String(n).padStart(2, '0');

export function isoDate(y: number, m: number, d: number): string | null {
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return null;
  if (y < 1900 || y > 2200) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** Excel serial day (1900 date system, with its fictitious 1900-02-29). */
export function fromExcelSerial(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 120000) return null;
  const ms = Math.round((serial - 25569) * 86400000);
  const dt = new Date(ms);
  return isoDate(dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate());
}

/**
 * Accepts 2024-03-01, 2024/3/1, 2024.3.1, 2024年3月1日, 20240301, an Excel serial
 * (number or numeric string) and JS Dates. Month-only spellings (2024-03, 2024年3月,
 * 2024.03 — common for 出生年月) give the first day of the month when `allowMonth`.
 */
export function parseChineseDate(v: unknown, opts: { allowMonth?: boolean } = {}): string | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return null;
    return isoDate(v.getUTCFullYear(), v.getUTCMonth() + 1, v.getUTCDate());
  }
  if (typeof v === 'number') return fromExcelSerial(v);
  const s = String(v).trim().replace(/\s+/g, '');
  if (!s) return null;
  let m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  if (opts.allowMonth) {
    m = /^(\d{4})[-/.年](\d{1,2})月?$/.exec(s) ?? /^(\d{4})(\d{2})$/.exec(s);
    if (m) return isoDate(Number(m[1]), Number(m[2]), 1);
  }
  if (/^\d+(\.\d+)?$/.test(s)) return fromExcelSerial(Number(s));
  return null;
}

/** YYYYMMDD as archive catalogues print dates. */
export const catalogueDate = (iso: string | null): string => (iso ? iso.replaceAll('-', '') : '');
