import { MATERIAL_CATEGORIES, type MaterialCategory } from './domain';
import { parseChineseDate } from './dates';

/** Keywords in a file name that point to a bag category (longest, most specific first). */
const CATEGORY_HINTS: Array<[RegExp, MaterialCategory]> = [
  [/考勤|出勤|到岗/, '月考勤登记表'],
  [/调研/, '调研报告'],
  [/台账|村情|民情|户情/, '村情民情台账'],
  [/会议|纪要|记录/, '会议记录'],
  [/日志|日记/, '年度工作日志'],
  [/总结/, '工作总结'],
  [/汇报|报告|述职/, '工作汇报'],
];

export function suggestCategory(fileName: string): MaterialCategory {
  for (const [re, cat] of CATEGORY_HINTS) if (re.test(fileName)) return cat;
  return MATERIAL_CATEGORIES[MATERIAL_CATEGORIES.length - 1]!;
}

/** Finds a date in a file name: 2024-03-01, 2024年3月1日, 20240301, 2024.3.1. */
export function suggestDate(fileName: string): string | null {
  const patterns = [
    /(\d{4})[-_.年/](\d{1,2})[-_.月/](\d{1,2})日?/,
    /(?<!\d)(\d{4})(\d{2})(\d{2})(?!\d)/,
  ];
  for (const re of patterns) {
    const m = re.exec(fileName);
    if (m) {
      const d = parseChineseDate(`${m[1]}-${m[2]}-${m[3]}`);
      if (d) return d;
    }
  }
  return null;
}

/** Title from a file name: extension dropped, separators tidied. */
export function suggestTitle(fileName: string): string {
  const base = fileName.replace(/^.*[\\/]/, '').replace(/\.[A-Za-z0-9]{1,5}$/, '');
  return base.replace(/[_]+/g, ' ').trim() || base;
}

export function suggestForFile(fileName: string) {
  return { category: suggestCategory(fileName), title: suggestTitle(fileName), date: suggestDate(fileName) };
}
