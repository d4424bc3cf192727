/** What the attendance register is drawn from: one township's month grid and its county's name. */
import type { MonthGrid } from '../../../shared/api/attendance';

export interface RegisterData {
  grid: MonthGrid;
  countyName: string;
}
