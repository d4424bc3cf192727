import { describe, expect, it } from 'vitest';
import {
  glyphCount,
  LINE_END_PROHIBITED,
  placeSegments,
  LINE_START_PROHIBITED,
  renderedWidth,
  tokenize,
  wrapParagraph,
  wrapText,
} from '../../main/dossier/typeset/justify';

/** Full-width CJK = 10, latin/digits = 5.5, spaces = 3. */
const measure = (s: string) => {
  let w = 0;
  for (const ch of s) w += ch === ' ' ? 3 : /[\x21-\x7e]/.test(ch) ? 5.5 : 10;
  return w;
};
const first = (s: string) => Array.from(s)[0]!;
const last = (s: string) => Array.from(s).at(-1)!;

const TEXT =
  '驻村以来，工作队坚持“五必到”要求，重要会议、重点工作、难点问题、重大纠纷、突发事件均到场处置。全年走访农户186户（其中脱贫户42户、监测户9户），收集意见建议37条；协调资金50万元，建成大棚12座……下一步——继续推进《产业园建设方案》的落实。The cooperative Qingshui Agri-Co. Ltd. signed a contract with FreshMart（线上销售）。';

describe('justify', () => {
  it('keeps latin words and numbers together', () => {
    expect(tokenize('建成大棚12座和FreshMart合作')).toEqual(['建', '成', '大', '棚', '12', '座', '和', 'FreshMart', '合', '作']);
    for (const width of [87, 93, 101, 150, 233]) {
      const lines = wrapParagraph(TEXT, { width, measure });
      const joined = lines.map((l) => l.text).join('');
      for (const word of ['186', '50', 'Qingshui', 'FreshMart', 'cooperative', 'contract']) {
        expect(joined).toContain(word);
        expect(lines.some((l) => l.text.includes(word))).toBe(true);
      }
    }
  });

  it('never starts a line with a line-start-prohibited mark nor ends one with an opening mark', () => {
    for (let width = 60; width <= 300; width += 7) {
      const lines = wrapParagraph(TEXT, { width, measure, indent: 20 });
      expect(
        lines
          .map((l) => l.text)
          .join('')
          .replace(/ /g, ''),
      ).toBe(TEXT.replace(/ /g, ''));
      lines.forEach((l, i) => {
        if (i > 0) expect(LINE_START_PROHIBITED.has(first(l.text)), `width ${width} line ${i}: ${l.text}`).toBe(false);
        if (!l.last) expect(LINE_END_PROHIBITED.has(last(l.text)), `width ${width} line ${i}: ${l.text}`).toBe(false);
      });
    }
  });

  it('pushes a character down with its mark, or pulls a mark in', () => {
    // 4 characters fit; the 5th is "，": pulled in (overflow 10 ≤ squeeze 5? no → pushed out with 四)
    const pushed = wrapParagraph('一二三四，五六七八九', { width: 40, measure, maxSqueeze: 5 });
    expect(pushed[0]!.text).toBe('一二三');
    expect(pushed[1]!.text.startsWith('四，')).toBe(true);
    const pulled = wrapParagraph('一二三四，五六七八九', { width: 40, measure, maxSqueeze: 10 });
    expect(pulled[0]!.text).toBe('一二三四，');
    expect(pulled[0]!.charSpacing).toBeLessThan(0);
    // an opening bracket never ends a line
    const open = wrapParagraph('一二三（四五）六七', { width: 40, measure });
    expect(open[0]!.text).toBe('一二三');
  });

  it('justified lines fill the width exactly; the last line is left-aligned', () => {
    for (const width of [83, 120, 157.3, 442.2]) {
      const lines = wrapParagraph(TEXT, { width, measure, indent: 20 });
      expect(lines.length).toBeGreaterThan(1);
      for (const l of lines) {
        expect(Math.abs(l.width - measure(l.text))).toBeLessThan(1e-9);
        if (l.last) {
          expect(l.charSpacing).toBe(0);
          expect(l.indent + l.width).toBeLessThanOrEqual(width + 0.01);
        } else if (l.gaps > 0) {
          expect(Math.abs(l.indent + renderedWidth(l) - width)).toBeLessThan(0.01);
        }
      }
      expect(lines[0]!.indent).toBe(20);
      expect(lines.slice(1).every((l) => l.indent === 0)).toBe(true);
    }
  });

  it('cuts a word wider than the line and keeps paragraphs apart', () => {
    const lines = wrapParagraph('https://example.org/averyveryverylongpathsegmentwithoutbreaks', { width: 60, measure });
    expect(lines.every((l) => measure(l.text) <= 60 + 5.5)).toBe(true);
    const paras = wrapText('第一段。\n第二段。', { width: 200, measure, indent: 20 });
    expect(paras.map((l) => [l.text, l.indent, l.last])).toEqual([
      ['第一段。', 20, true],
      ['第二段。', 20, true],
    ]);
  });

  it('stretches CJK gaps only: never inside a digit group or a latin word', () => {
    const text = '经核验，文件SHA-256摘要一致，共计2025条记录，于2025年12月25日由Qingshui Agri-Co.签收，另有（FreshMart）一家。';
    for (let width = 90; width <= 260; width += 3) {
      const lines = wrapParagraph(text, { width, measure, indent: 20 });
      for (const l of lines) {
        const placed = placeSegments(l, measure);
        // the segments rebuild the line and, justified, reach the right edge
        expect(placed.map((p) => p.text).join('')).toBe(l.text);
        for (const p of placed) {
          // a segment drawn with spacing holds no latin letter or digit next to another
          if (p.cs !== 0) expect(/[A-Za-z0-9][A-Za-z0-9\-./]/.test(p.text), `width ${width}: "${p.text}"`).toBe(false);
        }
        if (!l.last && l.gaps > 0) {
          const lastSeg = placed.at(-1)!;
          const end = lastSeg.dx + measure(lastSeg.text) + lastSeg.cs * (glyphCount(lastSeg.text) - 1);
          expect(Math.abs(l.indent + end - width)).toBeLessThan(0.01);
        }
      }
    }
  });

  it('never breaks inside a date, a number with its unit or a document number', () => {
    const runs = ['2025年12月25日', '〔2025〕12号', '50万元', '186户', '2025-12-25', '3月8日', '12.5%'];
    const text = `会议于${runs[0]}召开，依据组发${runs[1]}文件，落实资金${runs[2]}，走访${runs[3]}，报送日期${runs[4]}，${runs[5]}复核，完成率${runs[6]}。`;
    for (let width = 80; width <= 300; width += 1) {
      // the longest run is 74 wide
      const lines = wrapParagraph(text, { width, measure });
      expect(lines.map((l) => l.text).join('')).toBe(text);
      for (const run of runs)
        expect(
          lines.some((l) => l.text.includes(run)),
          `width ${width}: ${run} split in ${lines.map((l) => l.text).join(' | ')}`,
        ).toBe(true);
    }
  });
});
