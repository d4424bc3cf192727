/**
 * Catalogue suggestions from the first page's text (recognised or the PDF's own) for intake,
 * when the file name says little ("扫描件001.pdf"): the title (the first title-like line), the
 * document number (〔2025〕12号), the date (the 落款 date, written in digits or in Chinese
 * numerals) and the responsible party (the 落款 unit above it). Only suggestions: the clerk
 * confirms them in the intake table.
 */
import { parseChineseDate } from './dates';

export interface TextSuggestion {
  title: string | null;
  docNumber: string | null;
  date: string | null;
  responsible: string | null;
}

const DOC_NUMBER_RE = /[\u4e00-\u9fa5]{1,12}[〔[【](\d{4})[〕\]】]\s*(\d{1,4})\s*号/u;
const TITLE_WORDS = /关于|报告|汇报|总结|记录|纪要|计划|方案|通知|台账|登记表|意见|规划|日志/u;
const UNIT_RE = /^(中共)?[\u4e00-\u9fa5（）()]{2,30}(委员会|党委|党总支|党支部|工作队|人民政府|组织部|办公室|村民委员会|驻村工作队)$/u;

const CN_DIGITS: Record<string, number> = { 〇: 0, 零: 0, O: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 二〇二五 → 2025; 十二 → 12; 三十 → 30; 二十一 → 21. */
function cnNumber(s: string, positional: boolean): number | null {
  if (positional) {
    const ds = Array.from(s).map((c) => CN_DIGITS[c]);
    return ds.every((d) => d !== undefined) ? Number(ds.join('')) : null;
  }
  const m = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/u.exec(s);
  if (!m || (!m[1] && !m[2] && !m[3])) return null;
  if (!m[2]) return m[3] || m[1] ? CN_DIGITS[(m[1] ?? m[3])!]! : null;
  return (m[1] ? CN_DIGITS[m[1]]! : 1) * 10 + (m[3] ? CN_DIGITS[m[3]]! : 0);
}

/** Every date in the text, in order: 2025年9月30日, 2025-09-30, 二〇二五年九月三十日. */
function datesIn(text: string): string[] {
  const out: string[] = [];
  const digits = /(\d{4})\s*[年.\-/]\s*(\d{1,2})\s*[月.\-/]\s*(\d{1,2})\s*日?/gu;
  for (const m of text.matchAll(digits)) {
    const d = parseChineseDate(`${m[1]}-${m[2]}-${m[3]}`);
    if (d) out.push(d);
  }
  const chinese = /([〇零O一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日/gu;
  for (const m of text.matchAll(chinese)) {
    const y = cnNumber(m[1]!, true);
    const mo = cnNumber(m[2]!, false);
    const d = cnNumber(m[3]!, false);
    const iso = y && mo && d ? parseChineseDate(`${y}-${mo}-${d}`) : null;
    if (iso) out.push(iso);
  }
  return out;
}

export function suggestFromText(text: string): TextSuggestion {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  const doc = DOC_NUMBER_RE.exec(text);
  const docNumber = doc
    ? doc[0]
        .replace(/[[【]/u, '〔')
        .replace(/[\]】]/u, '〕')
        .replace(/\s+/g, '')
    : null;
  const hanCount = (l: string) => (l.match(/\p{Script=Han}/gu) ?? []).length;
  const titleLine =
    lines
      .slice(0, 8)
      .find((l) => TITLE_WORDS.test(l) && hanCount(l) >= 6 && !DOC_NUMBER_RE.test(l) && !/[：:]$/.test(l) && l.length <= 60) ??
    // Without a title word, the first Chinese line of a real page (not a lone fragment).
    (lines.length >= 3 ? lines.slice(0, 5).find((l) => hanCount(l) >= 6 && l.length <= 40 && !DOC_NUMBER_RE.test(l)) : undefined) ??
    null;
  const dates = datesIn(lines.slice(-8).join('\n'));
  const date = dates.length > 0 ? dates[dates.length - 1]! : (datesIn(text)[0] ?? null);
  // The 落款 unit: the last unit-like line near the end (usually right above the date).
  const responsible = [...lines.slice(-8)].reverse().find((l) => UNIT_RE.test(l)) ?? null;
  return { title: titleLine, docNumber, date, responsible };
}
