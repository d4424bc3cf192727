/**
 * Splits a handed-in log into entries. Word: a paragraph that starts with a date
 * (2025年3月5日, 2025-03-05, 2025.3.5, or 3月5日 with the year from context) starts an
 * entry and the paragraphs after it belong to it; labelled parts (地点：…, 走访对象：…,
 * 困难：…, 下步打算：…) fill their fields, the rest is 情况. Spreadsheets (and tables in
 * Word): a header row names the columns (日期/类型/地点/走访对象/情况/困难/下步打算, any
 * order), each row below is an entry. Nothing is saved here.
 */
import type { ImportEntry, ImportProblem } from '../../../shared/api/worklog';
import { parseChineseDate } from '../../../shared/dates';
import { blankLogTexts, guessKind, kindFromText, parseTypedDate, type LogEntryFields } from '../../../shared/worklog';
import { normalizeHeader, plainValue } from '../roster/sheet';

type Field = keyof LogEntryFields;
type TextField = Exclude<Field, 'date'>;

export interface Parsed {
  entries: ImportEntry[];
  problems: ImportProblem[];
}

/** Label spellings seen in logs and templates (normalised: no spaces). Longest first matters for the regex. */
const LABELS: Array<[string, Field]> = [
  ['日期', 'date'],
  ['时间', 'date'],
  ['工作日期', 'date'],
  ['类型', 'kind'],
  ['类别', 'kind'],
  ['工作类型', 'kind'],
  ['工作类别', 'kind'],
  ['地点', 'place'],
  ['地址', 'place'],
  ['工作地点', 'place'],
  ['走访地点', 'place'],
  ['走访对象', 'persons'],
  ['走访农户', 'persons'],
  ['走访户', 'persons'],
  ['对象', 'persons'],
  ['参加人员', 'persons'],
  ['人员', 'persons'],
  ['帮扶对象', 'persons'],
  ['农户', 'persons'],
  ['情况', 'situation'],
  ['工作情况', 'situation'],
  ['工作内容', 'situation'],
  ['主要内容', 'situation'],
  ['内容', 'situation'],
  ['事项', 'situation'],
  ['走访情况', 'situation'],
  ['民情', 'situation'],
  ['困难', 'difficulties'],
  ['存在困难', 'difficulties'],
  ['存在问题', 'difficulties'],
  ['问题', 'difficulties'],
  ['困难问题', 'difficulties'],
  ['困难和问题', 'difficulties'],
  ['诉求', 'difficulties'],
  ['群众诉求', 'difficulties'],
  ['下步打算', 'followUp'],
  ['下一步打算', 'followUp'],
  ['下步计划', 'followUp'],
  ['下一步计划', 'followUp'],
  ['下一步', 'followUp'],
  ['打算', 'followUp'],
  ['后续', 'followUp'],
  ['措施', 'followUp'],
  ['解决措施', 'followUp'],
];
const LABEL_OF = new Map(LABELS);
const LABEL_RE = new RegExp(
  `(^|[\\s，,；;。])(${[...LABEL_OF.keys()]
    .filter((k) => LABEL_OF.get(k) !== 'date')
    .sort((a, b) => b.length - a.length)
    .join('|')})\\s*[:：]`,
  'g',
);

const FULL_DATE = /^\s*(\d{4})\s*(?:年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?|[-./](\d{1,2})[-./](\d{1,2})(?!\d))/;
const SHORT_DATE = /^\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]/;
/** What may follow the date before the text: weekday, weather, separators. */
const AFTER_DATE =
  /^\s*(?:[（(]?\s*(?:星期|周|礼拜)[一二三四五六日天]\s*[)）]?)?\s*(?:[（(]?[晴阴雨雪多云转小中大]{1,5}[)）]?(?=[\s，,：:]))?[\s，,：:、。.-]*/;

const blankEntry = (where: string, date: string | null): ImportEntry => ({ where, ...blankLogTexts(), date, errors: [], warnings: [] });

const append = (a: string, b: string) => (a ? `${a}\n${b}` : b);

/** Fills fields from labelled text; unlabelled text goes to `current` (情况 at first). Returns the field text ended in. */
function fillLabelled(e: ImportEntry, text: string, current: TextField): TextField {
  LABEL_RE.lastIndex = 0;
  const marks: Array<{ at: number; end: number; field: TextField }> = [];
  let m: RegExpExecArray | null;
  while ((m = LABEL_RE.exec(text))) {
    const field = LABEL_OF.get(m[2]!) as TextField;
    marks.push({ at: m.index + m[1]!.length, end: m.index + m[0].length, field });
  }
  const head = text
    .slice(0, marks[0]?.at ?? text.length)
    .trim()
    .replace(/[，,；;]$/, '');
  if (head) e[current] = append(e[current], head);
  marks.forEach((k, i) => {
    const part = text
      .slice(k.end, marks[i + 1]?.at ?? text.length)
      .trim()
      .replace(/[，,；;]$/, '');
    current = k.field;
    if (part) e[k.field] = append(e[k.field], part);
  });
  return current;
}

function finishKind(e: ImportEntry): void {
  if (e.kind) {
    const k = kindFromText(e.kind);
    if (k) {
      e.kind = k;
      return;
    }
    const guess = guessKind(`${e.situation}${e.persons}`);
    e.warnings.push(`类型“${e.kind}”无法识别，已按内容判断为“${guess}”`);
    e.kind = guess;
    return;
  }
  e.kind = guessKind(`${e.kind}${e.situation}${e.persons}${e.place}`);
}

/** Dated paragraphs of a Word log → entries. `year` dates 3月5日 until a full date or a title says otherwise. */
export function splitParagraphs(paragraphs: string[], year: number): Parsed {
  const entries: ImportEntry[] = [];
  const problems: ImportProblem[] = [];
  let ctxYear = year;
  let lastMonth = 0;
  let cur: ImportEntry | null = null;
  let field: TextField = 'situation';
  paragraphs.forEach((raw, i) => {
    const where = `第${i + 1}段`;
    const text = raw.replace(/\u00a0|\u3000/g, ' ').trim();
    if (!text) return;
    let date: string | null | undefined;
    let rest = text;
    const full = FULL_DATE.exec(text);
    const short = full ? null : SHORT_DATE.exec(text);
    if (full) {
      const y = Number(full[1]);
      const mo = Number(full[2] ?? full[4]);
      const d = Number(full[3] ?? full[5]);
      date = parseTypedDate(`${y}-${mo}-${d}`, y);
      ctxYear = y;
      lastMonth = mo;
      rest = text.slice(full[0].length);
    } else if (short) {
      const mo = Number(short[1]);
      // A year-less log that runs past December continues into the next year.
      if (lastMonth === 12 && mo === 1) ctxYear += 1;
      lastMonth = mo;
      date = parseTypedDate(`${mo}-${short[2]}`, ctxYear);
      rest = text.slice(short[0].length);
    }
    if (date !== undefined) {
      cur = blankEntry(where, date);
      if (date === null) cur.errors.push(`日期“${text.slice(0, text.length - rest.length).trim()}”不是有效日期`);
      entries.push(cur);
      field = 'situation';
      rest = rest.replace(AFTER_DATE, '');
      if (rest) field = fillLabelled(cur, rest, field);
      return;
    }
    if (!cur) {
      // A title before the first entry (e.g. 2025年民情日记) gives the year; other text is reported.
      const y = /((?:19|20)\d{2})\s*年/.exec(text);
      if (y && Array.from(text).length <= 40) ctxYear = Number(y[1]);
      else if (Array.from(text).length > 40 || !/日记|日志|姓名|单位|村|记录/.test(text)) {
        problems.push({ where, message: `“${text.slice(0, 20)}${text.length > 20 ? '…' : ''}”前面没有日期，不属于任何一条日志，不会导入` });
      }
      return;
    }
    const e: ImportEntry = cur;
    field = fillLabelled(e, text, field);
  });
  for (const e of entries) finishKind(e);
  return { entries, problems };
}

/** Column of each known header in a header row (normalised names, any order), or null when this is not a header. */
export function headerColumns(cells: unknown[]): Map<Field, number> | null {
  const cols = new Map<Field, number>();
  cells.forEach((c, i) => {
    const v = plainValue(c);
    if (typeof v !== 'string') return;
    const f = LABEL_OF.get(normalizeHeader(v).replace(/[:：()（）]/g, ''));
    if (f && !cols.has(f)) cols.set(f, i);
  });
  return cols.has('date') && cols.size >= 2 ? cols : null;
}

function cellDate(v: unknown, year: number): string | null {
  const p = plainValue(v);
  if (p === null) return null;
  if (p instanceof Date || typeof p === 'number') return parseChineseDate(p);
  return parseTypedDate(String(p), year) ?? parseChineseDate(String(p));
}

const cellText = (v: unknown): string => {
  const p = plainValue(v);
  if (p === null) return '';
  if (p instanceof Date) return p.toISOString().slice(0, 10);
  return String(p).trim();
};

/**
 * Rows of a sheet (or a Word table) → entries. `rows[i]` is shown as row `rowNumber(i)`.
 * Rows above the header are ignored; wholly blank rows are skipped.
 */
export function splitRows(rows: unknown[][], year: number, rowLabel: (i: number) => string): Parsed {
  const problems: ImportProblem[] = [];
  const entries: ImportEntry[] = [];
  let header = -1;
  let cols: Map<Field, number> | null = null;
  for (let i = 0; i < Math.min(rows.length, 10) && !cols; i++) {
    cols = headerColumns(rows[i] ?? []);
    if (cols) header = i;
  }
  if (!cols) {
    problems.push({
      where: '',
      message: '未找到表头：第一行（或前10行之一）应有“日期”列，以及类型、地点、走访对象、情况、困难、下步打算中的至少一列',
    });
    return { entries, problems };
  }
  for (let i = header + 1; i < rows.length; i++) {
    const r = rows[i] ?? [];
    if (r.every((c) => cellText(c) === '')) continue;
    const get = (f: Field) => (cols!.has(f) ? r[cols!.get(f)!] : undefined);
    const rawDate = cellText(get('date'));
    const e = blankEntry(rowLabel(i), cellDate(get('date'), year));
    if (!e.date) e.errors.push(rawDate ? `日期“${rawDate}”无法识别` : '缺少日期');
    for (const f of ['kind', 'place', 'persons', 'situation', 'difficulties', 'followUp'] as const) e[f] = cellText(get(f));
    finishKind(e);
    entries.push(e);
  }
  return { entries, problems };
}
