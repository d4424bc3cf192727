/**
 * No silent boxes (issue 11, I): before a dossier is printed, every character that none of
 * the available faces covers is reported with where it is — the material (件) and the
 * field — so the clerk can fix the record or knows what will print as a box. Pure: the
 * coverage test is passed in (fonts.ts glyphCoverage).
 */
import type { Block, DossierDoc } from './model';

export interface MissingGlyph {
  /** The character as written. */
  char: string;
  /** U+XXXX */
  codePoint: string;
  /** Material (件) title, or 封面 for the volume's own fields. */
  material: string;
  /** Field inside the material, in Chinese: 题名, 正文第2段, 表格“工作日志”第3行“情况”… */
  field: string;
  /** An emoji (no colour emoji face is shipped or needed in an archive). */
  emoji: boolean;
}

/** Code points that are never drawn as glyphs (controls, spaces, joiners, variation selectors). */
function invisible(cp: number): boolean {
  return (
    cp <= 0x20 ||
    (cp >= 0x7f && cp <= 0xa0) ||
    cp === 0x200b ||
    cp === 0x200c ||
    cp === 0x200d ||
    cp === 0x2060 ||
    cp === 0xfeff ||
    (cp >= 0xfe00 && cp <= 0xfe0f) ||
    (cp >= 0xe0100 && cp <= 0xe01ef) ||
    cp === 0x3000
  );
}

const EMOJI = /\p{Extended_Pictographic}/u;

export const codePointLabel = (cp: number): string => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;

/** Every uncovered character of `doc` once per (material, field, character), in reading order. */
export function findMissingGlyphs(doc: DossierDoc, covers: (codePoint: number) => boolean): MissingGlyph[] {
  const out: MissingGlyph[] = [];
  const seen = new Set<string>();
  const check = (text: string | undefined, material: string, field: string) => {
    if (!text) return;
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      if (cp < 0x7f || invisible(cp) || covers(cp)) continue;
      const key = `${material}\u0000${field}\u0000${ch}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ char: ch, codePoint: codePointLabel(cp), material, field, emoji: EMOJI.test(ch) });
    }
  };
  const m = doc.meta;
  const cover = '封面';
  check(m.title, cover, '档案名称');
  check(m.county, cover, '县（市、区）');
  check(m.cadreName, cover, '姓名');
  check(m.unit, cover, '派出单位');
  check(m.post, cover, '职务');
  check(m.place, cover, '驻村地点');
  check(m.term, cover, '任职期限');
  check(m.compiler, cover, '立卷人');
  check(m.checker, cover, '检查人');
  for (const section of doc.sections) {
    for (const item of section.items) {
      const c = item.catalogue;
      const material = c.title || section.title;
      check(c.title, material, '题名');
      check(c.author, material, '责任者');
      check(c.docNo, material, '文号');
      check(c.remark, material, '备注');
      if (item.kind !== 'typeset') continue;
      check(item.subtitle, material, '副标题');
      checkBlocks(item.blocks, material, check);
    }
  }
  return out;
}

function checkBlocks(blocks: Block[], material: string, check: (text: string | undefined, material: string, field: string) => void): void {
  let paragraph = 0;
  let table = 0;
  for (const b of blocks) {
    if (b.kind === 'heading') check(b.text, material, `标题“${b.text.slice(0, 12)}”`);
    else if (b.kind === 'paragraph') check(b.text, material, `正文第${++paragraph}段`);
    else if (b.kind === 'table') {
      table++;
      const name = b.caption ? `表格“${b.caption}”` : `第${table}个表格`;
      check(b.caption, material, `${name}标题`);
      b.columns.forEach((col) => check(col.title, material, `${name}表头“${col.title}”`));
      b.rows.forEach((row, r) => row.forEach((cell, i) => check(cell, material, `${name}第${r + 1}行“${b.columns[i]?.title ?? i + 1}”栏`)));
    }
  }
}

/** One Chinese line per finding, as printed before a dossier is generated. */
export function describeMissingGlyph(g: MissingGlyph): string {
  const what = g.emoji ? '表情符号' : '字符';
  const result = g.emoji ? '档案字体不含表情符号，打印时将显示为方框，请改用文字' : '本机字体均不含此字，打印时将显示为方框';
  return `缺字：“${g.material}”的${g.field}中有${what}“${g.char}”（${g.codePoint}），${result}。`;
}
