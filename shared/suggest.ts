import { MATERIAL_CATEGORIES, type MaterialCategory } from './domain';
import { suggestPeriodDate } from './periodDate';

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

/** Title from a file name: extension dropped, separators tidied. */
export function suggestTitle(fileName: string): string {
  const base = fileName.replace(/^.*[\\/]/, '').replace(/\.[A-Za-z0-9]{1,5}$/, '');
  return base.replace(/[_]+/g, ' ').trim() || base;
}

/** Category, title, and the year and date the name speaks of (a quarter or month gives its last day). */
export function suggestForFile(fileName: string) {
  const { year, date } = suggestPeriodDate(fileName);
  return { category: suggestCategory(fileName), title: suggestTitle(fileName), date, year };
}
