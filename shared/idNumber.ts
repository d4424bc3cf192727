/** GB 11643-1999 citizen identity number: 17 digits + check character (0-9 or X). */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

export type IdNumberCheck = { valid: true; normalized: string; birthDate: string; gender: '男' | '女' } | { valid: false; reason: string };

/** Validates format, birth date and check digit; returns a Chinese reason when invalid. */
export function checkIdNumber(raw: string): IdNumberCheck {
  const s = raw.trim().toUpperCase();
  if (s.length !== 18) return { valid: false, reason: `身份证号应为18位，实际为${s.length}位` };
  if (!/^\d{17}[\dX]$/.test(s)) return { valid: false, reason: '身份证号只能由数字和末位X组成' };
  const y = Number(s.slice(6, 10));
  const m = Number(s.slice(10, 12));
  const d = Number(s.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return { valid: false, reason: '身份证号中的出生日期无效' };
  }
  const expected = idCheckChar(s.slice(0, 17));
  if (s[17] !== expected) return { valid: false, reason: `身份证号校验位错误（应为${expected}）` };
  return {
    valid: true,
    normalized: s,
    birthDate: `${s.slice(6, 10)}-${s.slice(10, 12)}-${s.slice(12, 14)}`,
    gender: Number(s[16]) % 2 === 1 ? '男' : '女',
  };
}

/** Shown everywhere but the detail page: keeps region prefix and last 4. */
export function maskIdNumber(id: string): string {
  if (id.length < 10) return '*'.repeat(id.length);
  return `${id.slice(0, 6)}********${id.slice(-4)}`;
}
