import { describe, expect, it } from 'vitest';
import type { OcrLine } from '../../shared/ocr';
import { normalizeDocNumbers } from '../../main/ocr/engine';
import { readingOrder } from '../../main/ocr/readingOrder';
import { judgePageText } from '../../main/ocr/textQuality';
import { snippetAround } from '../../main/core/ocr/search';
import { characterErrorRate } from '../fixtures/ocrPages';

const line = (text: string, x: number, y: number, w: number, h = 30): OcrLine => ({ text, confidence: 0.95, box: [x, y, w, h] });

describe('reading order of recognised lines', () => {
  it('reads a two-column page column by column, under its full-width title', () => {
    const shuffled = [
      line('右一', 900, 200, 600),
      line('左二', 100, 250, 600),
      line('标题横跨两栏', 100, 100, 1400),
      line('右二', 900, 250, 600),
      line('左一', 100, 200, 600),
      line('左三', 100, 300, 600),
      line('右三', 900, 300, 600),
    ];
    expect(readingOrder(shuffled).map((l) => l.text)).toEqual(['标题横跨两栏', '左一', '左二', '左三', '右一', '右二', '右三']);
  });

  it('reads boxes that share a row left to right and a single column top to bottom', () => {
    const lines = [
      line('签名：李四', 100, 500, 300),
      line('第二行正文内容', 100, 200, 1200),
      line('2025年9月30日', 900, 505, 300),
      line('第一行正文内容', 100, 150, 1200),
    ];
    expect(readingOrder(lines).map((l) => l.text)).toEqual(['第一行正文内容', '第二行正文内容', '签名：李四', '2025年9月30日']);
  });
});

describe('is a PDF page’s own text usable?', () => {
  it('keeps real Chinese text', () => expect(judgePageText('关于2025年第三季度驻村工作情况的汇报')).toBe('usable'));
  it('reads a page without text (a scan) from its pixels', () => expect(judgePageText('  \n ')).toBe('empty'));
  it('reads a page whose text is private-use code points (no ToUnicode map)', () =>
    expect(judgePageText('\ue001\ue002\ue003\ue004\ue005\ue006\ue007\ue008\ue009')).toBe('garbled'));
  it('reads a page whose text is GBK shown as Latin-1 mojibake', () => expect(judgePageText('¹ØÓÚ2025Äê¶ÈÇé¿öµÄ»ã±¨')).toBe('garbled'));
});

describe('document numbers and snippets', () => {
  it('writes the year brackets of a document number as 〔〕', () => {
    expect(normalizeDocNumbers('按照县委组织部【2025】12号文件')).toBe('按照县委组织部〔2025〕12号文件');
    expect(normalizeDocNumbers('组发〔2025】3 号')).toBe('组发〔2025〕3 号');
    expect(normalizeDocNumbers('按照县委组织部【2025」12号文件')).toBe('按照县委组织部〔2025〕12号文件');
  });
  it('shows the words around a hit', () => {
    const s = snippetAround('前文'.repeat(30) + '驻村第一书记喆嘉同志' + '后文'.repeat(30), '喆嘉');
    expect(s).toContain('喆嘉');
    expect(s.startsWith('…')).toBe(true);
    expect(s.endsWith('…')).toBe(true);
  });
  it('measures the character error rate', () => {
    expect(characterErrorRate('驻村第一书记', '驻村第一书记')).toBe(0);
    expect(characterErrorRate('驻村第一书记', '驻村第二书记')).toBeCloseTo(1 / 6);
  });
});
