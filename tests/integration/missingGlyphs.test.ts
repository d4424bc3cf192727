/**
 * No silent boxes (issue 11, I): characters that no face covers are reported with the
 * material and field they are in, against the real bundled fonts. The Extension B
 * fallback is switched off (extBPath: null) so the result does not depend on the machine.
 */
import { describe, expect, it } from 'vitest';
import { glyphCoverage } from '../../main/dossier/fonts';
import { describeMissingGlyph, findMissingGlyphs } from '../../main/dossier/typeset/missingGlyphs';
import type { DossierDoc } from '../../main/dossier/typeset/model';

const doc: DossierDoc = {
  meta: {
    county: '岚川县',
    cadreName: '吉𠮷',
    unit: '市卫生健康委员会',
    post: '村党组织第一书记',
    place: '石门镇前屯村',
    term: '2024年1月—2026年1月',
    year: '2024',
    archiveCode: '0001-WS·2024-D30-ZZB-0001',
    compiler: '张三',
    checker: '李四',
    date: '2024-12-31',
    pageNumberStyle: 'gbt9704',
  },
  sections: [
    {
      title: '工作汇报',
      items: [
        {
          kind: 'typeset',
          catalogue: { author: '吉𠮷', title: '2024年度工作汇报', date: '2024-12-30' },
          stamp: { fonds: '0001', year: '2024', retention: '定期30年', itemNo: 1, org: 'ZZB' },
          blocks: [
            { kind: 'paragraph', text: '全年走访农户186户，群众满意度高。' },
            { kind: 'paragraph', text: '村民点赞👍，新建文化广场。' },
            {
              kind: 'table',
              caption: '走访记录',
              columns: [{ title: '日期' }, { title: '对象' }],
              rows: [
                ['3月8日', '王大爷'],
                ['4月2日', '𪚥家庄李某'],
              ],
            },
          ],
        },
      ],
    },
  ],
};

describe('missing glyphs', () => {
  const covers = glyphCoverage({ extBPath: null });

  it('covers ordinary Chinese, digits, latin and punctuation', () => {
    for (const ch of '岚川县驻村第一书记，。“”（）《》—…0123456789ABCxyz√％〔〕') expect(covers(ch.codePointAt(0)!), ch).toBe(true);
  });

  it('reports every uncovered character with its material and field', () => {
    const found = findMissingGlyphs(doc, covers);
    expect(found.map((g) => [g.char, g.codePoint, g.material, g.field, g.emoji])).toEqual([
      ['𠮷', 'U+20BB7', '封面', '姓名', false],
      ['𠮷', 'U+20BB7', '2024年度工作汇报', '责任者', false],
      ['👍', 'U+1F44D', '2024年度工作汇报', '正文第2段', true],
      ['𪚥', 'U+2A6A5', '2024年度工作汇报', '表格“走访记录”第2行“对象”栏', false],
    ]);
    const lines = found.map(describeMissingGlyph);
    expect(lines[0]).toBe('缺字：“封面”的姓名中有字符“𠮷”（U+20BB7），本机字体均不含此字，打印时将显示为方框。');
    expect(lines[2]).toContain('表情符号“👍”');
  });

  it('reports nothing when a face covers the character', () => {
    const everything = () => true;
    expect(findMissingGlyphs(doc, everything)).toEqual([]);
    // only the emoji is left when Extension B is covered
    const extB = (cp: number) => covers(cp) || (cp >= 0x20000 && cp <= 0x2ebef);
    expect(findMissingGlyphs(doc, extB).map((g) => g.char)).toEqual(['👍']);
  });
});
