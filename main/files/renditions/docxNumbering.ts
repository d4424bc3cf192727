/**
 * Paragraph styles and list numbering of a .docx (styles.xml, numbering.xml): heading
 * levels by outline or style name, and the label Word shows before a list item.
 */
import type { Document as XDocument, Element as XElement } from '@xmldom/xmldom';
import { attr, children, descendants, first } from './docxXml';

export interface StyleInfo {
  name: string;
  basedOn: string | null;
  outline: number | null;
  numId: string | null;
}

export function readStyles(doc: XDocument | null): Map<string, StyleInfo> {
  const map = new Map<string, StyleInfo>();
  if (!doc) return map;
  for (const s of descendants(doc.documentElement as XElement, 'style')) {
    const id = attr(s, 'styleId');
    if (!id) continue;
    const pPr = first(s, 'pPr');
    const outline = attr(pPr ? first(pPr, 'outlineLvl') : null, 'val');
    const numPr = pPr ? first(pPr, 'numPr') : null;
    map.set(id, {
      name: (attr(first(s, 'name'), 'val') ?? id).toLowerCase(),
      basedOn: attr(first(s, 'basedOn'), 'val'),
      outline: outline !== null ? Number(outline) : null,
      numId: numPr ? attr(first(numPr, 'numId'), 'val') : null,
    });
  }
  return map;
}

interface Level {
  fmt: string;
  text: string;
  start: number;
}

export interface Numbering {
  levels: Map<string, Level[]>;
  counters: Map<string, number[]>;
}

export function readNumbering(doc: XDocument | null): Numbering {
  const levels = new Map<string, Level[]>();
  if (!doc) return { levels, counters: new Map() };
  const root = doc.documentElement as XElement;
  const abstract = new Map<string, Level[]>();
  for (const a of children(root).filter((c) => c.localName === 'abstractNum')) {
    const lv: Level[] = [];
    for (const l of children(a).filter((c) => c.localName === 'lvl')) {
      lv[Number(attr(l, 'ilvl') ?? 0)] = {
        fmt: attr(first(l, 'numFmt'), 'val') ?? 'decimal',
        text: attr(first(l, 'lvlText'), 'val') ?? '',
        start: Number(attr(first(l, 'start'), 'val') ?? 1),
      };
    }
    abstract.set(attr(a, 'abstractNumId') ?? '', lv);
  }
  for (const n of children(root).filter((c) => c.localName === 'num')) {
    const lv = abstract.get(attr(first(n, 'abstractNumId'), 'val') ?? '');
    if (lv) levels.set(attr(n, 'numId') ?? '', lv);
  }
  return { levels, counters: new Map() };
}

const CN_DIGITS = '〇一二三四五六七八九';

function chineseNumber(n: number): string {
  if (n <= 0 || n >= 100) return String(n);
  if (n < 10) return CN_DIGITS[n]!;
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? '' : CN_DIGITS[tens]}十${n % 10 ? CN_DIGITS[n % 10] : ''}`;
}

function roman(n: number): string {
  const table: Array<[number, string]> = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let s = '';
  for (const [v, r] of table) {
    while (n >= v) {
      s += r;
      n -= v;
    }
  }
  return s;
}

function formatNumber(n: number, fmt: string): string {
  switch (fmt) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'chineseLegalSimplified':
    case 'ideographTraditional':
    case 'taiwaneseCounting':
      return chineseNumber(n);
    case 'lowerLetter':
      return String.fromCharCode(96 + (((n - 1) % 26) + 1));
    case 'upperLetter':
      return String.fromCharCode(64 + (((n - 1) % 26) + 1));
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'upperRoman':
      return roman(n);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCodePoint(0x2460 + n - 1) : String(n);
    default:
      return String(n);
  }
}

/** The label Word shows before a list item ("1.", "（一）", "•"), advancing the counters. */
export function listLabel(num: Numbering, numId: string, ilvl: number): string | null {
  const levels = num.levels.get(numId);
  const level = levels?.[ilvl];
  if (!levels || !level || numId === '0') return null;
  if (level.fmt === 'bullet') return '•';
  if (level.fmt === 'none') return null;
  let counters = num.counters.get(numId);
  if (!counters) num.counters.set(numId, (counters = []));
  counters[ilvl] = (counters[ilvl] ?? levels[ilvl]!.start - 1) + 1;
  for (let i = ilvl + 1; i < counters.length; i++) counters[i] = undefined as unknown as number;
  return level.text.replace(/%(\d)/g, (_, d: string) => {
    const i = Number(d) - 1;
    const l = levels[i];
    return formatNumber(counters![i] ?? l?.start ?? 1, i === ilvl ? level.fmt : (l?.fmt ?? 'decimal'));
  });
}
