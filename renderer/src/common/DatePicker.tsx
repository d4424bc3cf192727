/**
 * antd's DatePicker reading typed text through the one shared parser (shared/typedDate.ts):
 * "2025-03", "2025年3月", "202503", "2025.3", "2025/03" in a month box; "2025.3.5", "2025年3月5日",
 * "20250305" in a date box. Use it instead of antd's DatePicker everywhere (same props).
 */
import { DatePicker as AntDatePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import dayjsGenerateConfig from '@rc-component/picker/generate/dayjs';
import type { GenerateConfig } from '@rc-component/picker/generate';
import { parseTypedDate, parseTypedMonth } from '../../../shared/typedDate';

const base = dayjsGenerateConfig as GenerateConfig<Dayjs>;

/** Only plain month or day formats are ours; week, quarter and year boxes keep antd's parsing. */
function typed(text: string, formats: string[]): Dayjs | null {
  const plain = formats.every((f) => !/[wWQ]/.test(f));
  if (!plain) return null;
  const wantsDay = formats.some((f) => f.includes('D'));
  const wantsMonth = formats.some((f) => f.includes('M'));
  if (wantsDay) {
    const iso = parseTypedDate(text);
    return iso ? dayjs(iso) : null;
  }
  if (wantsMonth) {
    const ym = parseTypedMonth(text);
    return ym ? dayjs(`${ym}-01`) : null;
  }
  return null;
}

const typedConfig: GenerateConfig<Dayjs> = {
  ...base,
  locale: {
    ...base.locale,
    parse: (locale, text, formats) => typed(text, formats) ?? base.locale.parse(locale, text, formats),
  },
};

export const DatePicker = AntDatePicker.generatePicker<Dayjs>(typedConfig);
