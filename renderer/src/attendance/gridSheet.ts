/**
 * The month grid as a worksheet: the same rows, one column per day headed like the grid (day
 * and weekday, 休 / 班 for holidays and make-up days) and the totals at the right. A cell says
 * its code in full (在岗, 事假; half days as 上午… 下午…) so the sheet reads without the legend;
 * unmarked rest halves read 休 as on the grid, days to come stay empty. An uncertified month says so in the sheet's name.
 */
import { WEEKDAY_LABELS, type DayInfo, type RegisterDay, type RegisterHalf } from '../../../shared/attendance';
import type { GridRow, MonthGridView } from '../../../shared/api/attendance';
import type { TableSheet } from '../../../shared/api/output';
import { sheetFromColumns, type ExportColumn } from '../common/tableSheet';
import { POST_SHORT } from '../common/postShort';
import { monthLabel } from '../../../shared/dates';

/** A half as the grid shows it: 休 for an unmarked rest half, nothing for days still to come. */
const halfText = (h: RegisterHalf): string => (h === 'rest' ? '休' : h === 'future' ? '' : h);

export const cellText = ([am, pm]: RegisterDay): string =>
  am === pm ? halfText(am) : `上午${halfText(am) || '—'}，下午${halfText(pm) || '—'}`;

const dayHeader = (d: DayInfo) => `${d.day}日（${d.holiday ? '休' : d.workday ? '班' : WEEKDAY_LABELS[d.weekday]}）`;

export const monthTitle = (grid: MonthGridView) =>
  `${grid.townshipName}${monthLabel(grid.month)}考勤${grid.certification ? '' : '（未认定）'}`;

export function monthGridSheet(grid: MonthGridView): TableSheet {
  const columns: ExportColumn<GridRow>[] = [
    { title: '姓名', dataIndex: 'name' },
    { title: '村 / 职务', exportValue: (r) => `${r.village ?? '乡镇'} ${POST_SHORT[r.postType] ?? r.postType}` },
    ...grid.days.map(
      (d, i): ExportColumn<GridRow> => ({
        title: dayHeader(d),
        exportValue: (r) => {
          const d = r.shown[i] ?? r.cells[i];
          return d ? cellText(d) || null : null;
        },
      }),
    ),
    { title: '在岗', exportValue: (r) => r.counts.onPost },
    { title: '应到', exportValue: (r) => r.counts.required },
    { title: '请假', exportValue: (r) => r.counts.leave },
    { title: '缺勤', exportValue: (r) => r.counts.absent },
  ];
  return sheetFromColumns(monthTitle(grid), columns, grid.rows);
}
