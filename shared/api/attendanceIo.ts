/**
 * Channels for the printed register (月考勤登记表) and importing a month from a township's
 * spreadsheet. Merged into `channels` in shared/api.ts.
 */
import { z } from 'zod';
import type { AttendanceCode, CellHalf, EditableCode } from '../attendance';
import { id, month } from './fields';

const token = z.string().min(1, '请先选择要导入的表格');

export interface RegisterPdfResult {
  /** The PDF in the blob store: preview with `url`, open with files.openExternal. */
  sha256: string;
  url: string;
  pages: number;
  cadres: number;
  /** Suggested file name, e.g. 石门镇2025年3月考勤登记表.pdf */
  fileName: string;
}

export interface ImportChange {
  cadreId: number;
  cadre: string;
  date: string;
  /** 全 = whole day, 上 / 下 = one half. */
  half: CellHalf;
  from: AttendanceCode;
  to: EditableCode;
}

export interface ImportError {
  /** Row number as the spreadsheet shows it. */
  row: number;
  /** Cell address as the spreadsheet shows it (e.g. "F7"); the name cell for row-level errors. */
  column: string;
  message: string;
}

export interface ImportPreview {
  townshipName: string;
  month: string;
  sheetName: string;
  changes: ImportChange[];
  errors: ImportError[];
  /** Names in the sheet that are not cadres of this township in this month (rows skipped). */
  unknownCadres: Array<{ row: number; name: string }>;
  /** Cadres of the township that the sheet does not list (left as they are). */
  notInSheet: string[];
  /** Cadres matched. */
  matched: number;
  /** The month is certified: committing would be refused. */
  certified: boolean;
}

export interface ImportResult {
  /** Halves changed. */
  changed: number;
  cadres: number;
}

const importInput = z.object({ token, townshipId: id, month });

export const attendanceIoChannels = {
  /** Prints the township's month register (or the blank form) into the blob store. */
  'attendance.register.pdf': {
    input: z.object({ townshipId: id, month, blank: z.boolean().optional() }),
    output: null as unknown as RegisterPdfResult,
  },
  /** What importing the staged spreadsheet (staging.end purpose 'roster') would change. Changes nothing. */
  'attendance.import.preview': { input: importInput, output: null as unknown as ImportPreview },
  /** Applies the staged spreadsheet in one transaction; refused on a certified month or while cells are unreadable. */
  'attendance.import.commit': { input: importInput, output: null as unknown as ImportResult },
} as const;
