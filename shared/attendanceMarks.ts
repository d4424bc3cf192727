/**
 * How a half day looks on screen and in the dossier's attendance tables: one character per
 * code as the paper register writes it (在岗 is the tick; 公出 出 and 公假 公 so the two stay
 * apart). The printed monthly register has its own marks (main/dossier/register/marks.ts).
 */
import type { AttendanceCode, RegisterHalf } from './attendance';

export const DAY_MARKS: Record<AttendanceCode, string> = {
  在岗: '√',
  公出: '出',
  事假: '事',
  病假: '病',
  公假: '公',
  婚丧产假: '婚',
  缺勤: '缺',
  未到任: '',
};

/** A half as shown: a rest half outside the count is 休, a future half blank. */
export const dayMarkOf = (h: RegisterHalf): string => (h === 'rest' ? '休' : h === 'future' ? '' : DAY_MARKS[h]);
