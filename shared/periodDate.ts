/**
 * The year and date a material's name (or its first line) speaks of, for intake suggestions:
 * "2025年第三季度驻村工作汇报" → 2025, 2025-09-30 (the end of the period it reports on);
 * "2025年3月" → 2025-03-31; "2025.03.12" → 2025-03-12; "2025年度工作总结" → 2025 without a date.
 * Only a suggestion: the clerk confirms it. Pure; knows nothing of today's date.
 */
import { isoDate } from './dates';

export type PeriodPrecision = 'day' | 'month' | 'quarter' | 'half' | 'year';

export interface PeriodDate {
  /** The year the material belongs to, or null when the text names none. */
  year: number | null;
  /** A calendar date (ISO), the end of the period when only a month, quarter or half is named; null for a bare year. */
  date: string | null;
  precision: PeriodPrecision | null;
}

const NONE: PeriodDate = { year: null, date: null, precision: null };

const CN_DIGIT: Record<string, number> = {
  〇: 0,
  零: 0,
  Ｏ: 0,
  O: 0,
  o: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** Full-width digits, Chinese year digits (二〇二五) and small Chinese numbers (十二) to ASCII. */
function normalise(text: string): string {
  let s = text
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[．。·]/g, '.')
    .replace(/[－—–~～]/g, '-');
  s = s.replace(/[〇零Ｏ一二三四五六七八九]{4}(?=年)/g, (y) => {
    const ds = Array.from(y).map((c) => CN_DIGIT[c]);
    return ds.every((d) => d !== undefined) ? ds.join('') : y;
  });
  // 十二月, 三十日, 第三季度: small numbers in Chinese.
  s = s.replace(/([一二三四五六七八九]?十[一二三四五六七八九]?|[一二三四五六七八九两])(?=月|日|号|季度|季)/g, (n) => {
    const m = /^([一二三四五六七八九])?(十)?([一二三四五六七八九两])?$/.exec(n)!;
    if (!m[2]) return String(CN_DIGIT[m[1] ?? m[3]!]);
    return String((m[1] ? CN_DIGIT[m[1]]! : 1) * 10 + (m[3] ? CN_DIGIT[m[3]]! : 0));
  });
  return s;
}

const monthEnd = (y: number, m: number) => isoDate(y, m, new Date(Date.UTC(y, m, 0)).getUTCDate());
const plausibleYear = (y: number) => y >= 1990 && y <= 2100;

type Finder = (s: string) => PeriodDate | null;

/** In order of precision: the first finder that matches wins. */
const FINDERS: Finder[] = [
  // 2025年3月12日, 2025-03-12, 2025.3.12, 2025/3/12, 2025_03_12 (a range "2025.3.1-2025.3.31" gives its end).
  (s) => {
    const all = [...s.matchAll(/(?<!\d)(\d{4})\s*(?:年\s*(\d{1,2})\s*月\s*(\d{1,2})|([-_./])\s*(\d{1,2})\s*\4\s*(\d{1,2}))(?!\d)/g)];
    for (const m of all.reverse()) {
      const [y, mo, d] = [Number(m[1]), Number(m[2] ?? m[5]), Number(m[3] ?? m[6])];
      const date = plausibleYear(y) ? isoDate(y, mo, d) : null;
      if (date) return { year: y, date, precision: 'day' };
    }
    return null;
  },
  // 20250312 (not part of a longer number such as an ID or a counter).
  (s) => {
    for (const m of s.matchAll(/(?<!\d)(\d{4})(\d{2})(\d{2})(?!\d)/g)) {
      const d = plausibleYear(Number(m[1])) ? isoDate(Number(m[1]), Number(m[2]), Number(m[3])) : null;
      if (d) return { year: Number(m[1]), date: d, precision: 'day' };
    }
    return null;
  },
  // 2025年第三季度, 2025年三季度, 2025年Q3, 2025Q3, 2025年1-3季度 (→ the last quarter named).
  (s) => {
    const m = /(?<!\d)(\d{4})\s*年?度?\s*(?:第?\s*\d\s*[-至到]\s*)?(?:第\s*([1-4])\s*季度?|([1-4])\s*季度|[Qq]\s*([1-4]))/.exec(s);
    if (!m || !plausibleYear(Number(m[1]))) return null;
    const q = Number(m[2] ?? m[3] ?? m[4]);
    return { year: Number(m[1]), date: monthEnd(Number(m[1]), q * 3), precision: 'quarter' };
  },
  // 2025年上半年 / 下半年.
  (s) => {
    const m = /(?<!\d)(\d{4})\s*年?度?\s*([上下])半年/.exec(s);
    if (!m || !plausibleYear(Number(m[1]))) return null;
    const y = Number(m[1]);
    return { year: y, date: m[2] === '上' ? monthEnd(y, 6) : monthEnd(y, 12), precision: 'half' };
  },
  // 2025年1-6月, 2025年1月至6月, 2025年1月-2025年6月 (→ the end of the last month).
  (s) => {
    const m = /(?<!\d)(\d{4})\s*年\s*(\d{1,2})\s*月?\s*[-至到]\s*(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月/.exec(s);
    if (!m) return null;
    const y = Number(m[3] ?? m[1]);
    const d = plausibleYear(y) ? monthEnd(y, Number(m[4])) : null;
    return d ? { year: y, date: d, precision: 'month' } : null;
  },
  // 2025年3月, 2025年03月份, 2025-03, 2025.03, 2025_03 (no day after it).
  (s) => {
    const m = /(?<!\d)(\d{4})\s*(?:年\s*(\d{1,2})\s*月|[-_./](\d{1,2})(?![\d.\-_/]*\d))/.exec(s);
    if (!m || !plausibleYear(Number(m[1]))) return null;
    const mo = Number(m[2] ?? m[3]);
    const d = mo >= 1 && mo <= 12 ? monthEnd(Number(m[1]), mo) : null;
    return d ? { year: Number(m[1]), date: d, precision: 'month' } : null;
  },
  // 2025年度, 2025年 — the year alone; a date is not invented.
  (s) => {
    const m = /(?<!\d)(\d{4})\s*年/.exec(s);
    return m && plausibleYear(Number(m[1])) ? { year: Number(m[1]), date: null, precision: 'year' } : null;
  },
];

/** The period a file name or line of text speaks of (see the module comment). */
export function suggestPeriodDate(text: string): PeriodDate {
  const base = text.replace(/^.*[\\/]/, '').replace(/\.[A-Za-z0-9]{1,5}$/, '');
  const s = normalise(base);
  for (const find of FINDERS) {
    const found = find(s);
    if (found) return found;
  }
  return NONE;
}
