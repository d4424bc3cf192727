import { describe, expect, it } from 'vitest';
import { suggestPeriodDate } from '../../shared/periodDate';

/** [file name as clerks save them, year, date, precision] */
const CASES: Array<[string, number | null, string | null, string | null]> = [
  ['2025年第三季度驻村工作汇报.pdf', 2025, '2025-09-30', 'quarter'],
  ['2025年三季度工作汇报（张三）.docx', 2025, '2025-09-30', 'quarter'],
  ['李四 2024Q4 汇报.pdf', 2024, '2024-12-31', 'quarter'],
  ['2025年1-3季度工作小结.pdf', 2025, '2025-09-30', 'quarter'],
  ['二〇二五年第一季度驻村工作汇报.pdf', 2025, '2025-03-31', 'quarter'],
  ['2025年上半年工作总结.docx', 2025, '2025-06-30', 'half'],
  ['2024年下半年工作总结.docx', 2024, '2024-12-31', 'half'],
  ['2025年3月工作日志.pdf', 2025, '2025-03-31', 'month'],
  ['2024年2月考勤表.jpg', 2024, '2024-02-29', 'month'],
  ['2025年十二月民情台账.xlsx', 2025, '2025-12-31', 'month'],
  ['考勤_2025-03.pdf', 2025, '2025-03-31', 'month'],
  ['2025年1-6月驻村情况.pdf', 2025, '2025-06-30', 'month'],
  ['2025.03.12 村两委会议记录.pdf', 2025, '2025-03-12', 'day'],
  ['会议记录2025-3-5.jpg', 2025, '2025-03-05', 'day'],
  ['2025年3月12日党员大会纪要.pdf', 2025, '2025-03-12', 'day'],
  ['２０２５年３月１２日走访记录.pdf', 2025, '2025-03-12', 'day'],
  ['IMG_20250312_101522.jpg', 2025, '2025-03-12', 'day'],
  ['调研_2025_03_12_终稿.docx', 2025, '2025-03-12', 'day'],
  ['二〇二五年三月十二日会议记录.pdf', 2025, '2025-03-12', 'day'],
  ['2025.3.1-2025.3.31 工作日志.pdf', 2025, '2025-03-31', 'day'],
  ['2025年度工作总结.docx', 2025, null, 'year'],
  ['张三2024年述职报告.pdf', 2024, null, 'year'],
  ['扫描件001.pdf', null, null, null],
  ['微信图片_1234567890123.jpg', null, null, null],
  ['身份证142730198503124512.jpg', null, null, null],
  ['2025.13.40 坏日期.pdf', null, null, null],
];

describe('year and date suggested from a file name', () => {
  it.each(CASES)('%s', (name, year, date, precision) => {
    expect(suggestPeriodDate(name)).toEqual({ year, date, precision });
  });

  it('ignores the folder and the extension', () => {
    expect(suggestPeriodDate('D:\\2019年\\资料\\2025年3月日志.pdf')).toEqual({ year: 2025, date: '2025-03-31', precision: 'month' });
  });
});
