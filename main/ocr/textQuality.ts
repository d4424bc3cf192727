/**
 * Is a PDF page's own text usable, or must the page be read from its pixels? Scanned pages
 * have no text; Chinese government PDFs set in fonts without a ToUnicode map extract as
 * private-use code points, replacement characters, controls or Latin-1 mojibake.
 */

const MIN_CHARS = 8;

/** Share of characters that betray a broken text layer above which the page is re-read. */
const MAX_BAD_SHARE = 0.05;

const isPrivateUse = (cp: number) => (cp >= 0xe000 && cp <= 0xf8ff) || cp >= 0xf0000;
const isControl = (cp: number) => (cp < 0x20 && cp !== 0x0a && cp !== 0x0d && cp !== 0x09) || (cp >= 0x7f && cp < 0xa0);
const isLatin1Letter = (cp: number) => cp >= 0xc0 && cp <= 0xff && cp !== 0xd7 && cp !== 0xf7;
const isHan = (ch: string) => /\p{Script=Han}/u.test(ch);

export type TextVerdict = 'usable' | 'empty' | 'garbled';

export function judgePageText(text: string): TextVerdict {
  const chars = Array.from(text).filter((c) => !/\s/u.test(c));
  if (chars.length < MIN_CHARS) return 'empty';
  let bad = 0;
  let latin1 = 0;
  let han = 0;
  for (const c of chars) {
    const cp = c.codePointAt(0)!;
    if (cp === 0xfffd || isPrivateUse(cp) || isControl(cp)) bad++;
    else if (isLatin1Letter(cp)) latin1++;
    else if (isHan(c)) han++;
  }
  if (bad / chars.length > MAX_BAD_SHARE) return 'garbled';
  // GBK bytes shown as Latin-1 ("ÄÚÈÝ"): many accented letters and hardly any Han.
  if (latin1 / chars.length > 0.2 && han / chars.length < 0.1) return 'garbled';
  return 'usable';
}
