/**
 * antd's DatePicker reading typed text through the one shared parser (shared/typedDate.ts):
 * "2025-03", "2025年3月", "202503", "2025.3", "2025/03" in a month box; "2025.3.5", "2025年3月5日",
 * "20250305" in a date box. Use it instead of antd's DatePicker everywhere (same props).
 */
import { DatePicker as AntDatePicker, type DatePickerProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import dayjsGenerateConfig from '@rc-component/picker/generate/dayjs';
import type { GenerateConfig } from '@rc-component/picker/generate';
import { parseTypedDate, parseTypedMonth, retypesShownValue } from '../../../shared/typedDate';

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

const TypedPicker = AntDatePicker.generatePicker<Dayjs>(typedConfig);

/**
 * Enter on text that names the value already held ("2025-03" over 2025年3月) changes nothing,
 * so antd would leave the raw text in the box until it loses focus; leaving it at once shows
 * the value in the box's own format.
 */
function SinglePicker(props: DatePickerProps) {
  const { onKeyDown, value, picker } = props;
  return (
    <TypedPicker
      {...props}
      onKeyDown={(e, preventDefault) => {
        onKeyDown?.(e, preventDefault);
        const input = e.target;
        if (e.key !== 'Enter' || !(input instanceof HTMLInputElement) || (picker && picker !== 'month' && picker !== 'date')) return;
        const kind = picker === 'month' ? 'month' : 'date';
        const shown = value && !Array.isArray(value) ? value.format(kind === 'month' ? 'YYYY-MM' : 'YYYY-MM-DD') : null;
        if (retypesShownValue(input.value, shown, kind)) setTimeout(() => input.blur(), 0);
      }}
    />
  );
}

// Same type as antd's picker (its props are generic over single/multiple values); the statics are antd's.
export const DatePicker = Object.assign(SinglePicker, {
  RangePicker: TypedPicker.RangePicker,
  WeekPicker: TypedPicker.WeekPicker,
  MonthPicker: TypedPicker.MonthPicker,
  YearPicker: TypedPicker.YearPicker,
  TimePicker: TypedPicker.TimePicker,
  QuarterPicker: TypedPicker.QuarterPicker,
}) as unknown as typeof TypedPicker;
