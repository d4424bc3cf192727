/**
 * Text measuring and drawing for the dossier, on top of main/dossier/fonts.ts.
 *
 * With OpenType features off (fonts.ts cjkTextOptions, G3) a string's width is the sum of
 * its glyph advances, so widths are cached per font and code point. Each character is
 * drawn by the first font of [requested, serif, sans, Extension B fallback] that has it; the same
 * choice is used for measuring and drawing.
 */
import { installGlyphCache } from './glyphCache';
import { cjkTextOptions, registeredFontkit, registerFonts, type FontOptions, type RegisteredFonts } from '../fonts';

interface Glyph {
  advanceWidth: number;
}
/** The fontkit calls used here (fontkit ships inside pdfkit). */
interface FontkitLike {
  unitsPerEm: number;
  hasGlyphForCodePoint(cp: number): boolean;
  glyphForCodePoint(cp: number): Glyph;
}

export interface Run {
  font: string;
  text: string;
  width: number;
  glyphs: number;
}

type Doc = PDFKit.PDFDocument;
type Internal = {
  _font: { font: FontkitLike };
  _fragment?: (text: string, x: number, y: number, options: object) => void;
};

export class TextKit {
  readonly names: RegisteredFonts;
  private readonly fonts = new Map<string, FontkitLike>();
  /** font name → code point → advance in 1/1000 em (-1: glyph missing). */
  private readonly adv = new Map<string, Map<number, number>>();
  private readonly textOpts = cjkTextOptions();
  private readonly fragment: boolean;

  /**
   * `glyphCache: false` draws through pdfkit's own encoding (fontkit layout per fragment);
   * the benchmark's pdfkit floor uses it. The output is the same either way.
   */
  constructor(
    readonly doc: Doc,
    opts: FontOptions = {},
    private readonly speed: { glyphCache?: boolean } = {},
  ) {
    this.names = registerFonts(doc, opts);
    const all = [this.names.serif, this.names.serifBold, this.names.sans, this.names.sansBold, this.names.body];
    for (const n of new Set(all)) {
      doc.font(n);
      this.fonts.set(n, (doc as unknown as Internal)._font.font);
      this.adv.set(n, new Map());
    }
    if (this.names.extB) {
      // the Extension B fallback is selected only when a run needs it (no empty font in the PDF)
      this.fonts.set(this.names.extB, registeredFontkit(doc, this.names.extB) as unknown as FontkitLike);
      this.adv.set(this.names.extB, new Map());
    }
    doc.font(this.names.body);
    this.fragment = typeof (doc as unknown as Internal)._fragment === 'function';
  }

  private advance(font: string, cp: number): number {
    const cache = this.adv.get(font)!;
    let a = cache.get(cp);
    if (a === undefined) {
      const f = this.fonts.get(font)!;
      a = f.hasGlyphForCodePoint(cp) ? (f.glyphForCodePoint(cp).advanceWidth * 1000) / f.unitsPerEm : -1;
      cache.set(cp, a);
    }
    return a;
  }

  private readonly chains = new Map<string, string[]>();
  private chain(font: string): string[] {
    let c = this.chains.get(font);
    if (!c) {
      const all = [font, this.names.serif, this.names.sans, ...(this.names.extB ? [this.names.extB] : [])];
      this.chains.set(font, (c = all.filter((n, i, a) => a.indexOf(n) === i)));
    }
    return c;
  }

  /** Splits text into runs of one font each, with widths at `size`. */
  runs(text: string, font: string, size: number): Run[] {
    const chain = this.chain(font);
    const out: Run[] = [];
    let cur: Run | null = null;
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      let f = chain[0]!;
      let a = this.advance(f, cp);
      for (let i = 1; a < 0 && i < chain.length; i++) {
        const b = this.advance(chain[i]!, cp);
        if (b >= 0) {
          f = chain[i]!;
          a = b;
        }
      }
      if (a < 0) a = 1000; // no font has it (.notdef): keep the layout sane
      const w = (a * size) / 1000;
      if (cur && cur.font === f) {
        cur.text += ch;
        cur.width += w;
        cur.glyphs++;
      } else out.push((cur = { font: f, text: ch, width: w, glyphs: 1 }));
    }
    return out;
  }

  width(text: string, font: string, size: number): number {
    const chain = this.chain(font);
    let w = 0;
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      let a = -1;
      for (let i = 0; a < 0 && i < chain.length; i++) a = this.advance(chain[i]!, cp);
      w += a < 0 ? 1000 : a;
    }
    return (w * size) / 1000;
  }

  /** A measure callback for justify.ts. */
  measurer(font: string, size: number): (text: string) => number {
    return (t) => this.width(t, font, size);
  }

  /**
   * Draws one line with its baseline at (x, y), `charSpacing` after every glyph.
   * Returns the advance drawn (pt).
   */
  draw(text: string, x: number, y: number, font: string, size: number, charSpacing = 0): number {
    const doc = this.doc;
    let cx = x;
    for (const r of this.drawRuns(text, font, size)) {
      doc.font(r.font).fontSize(size);
      if (this.speed.glyphCache !== false)
        installGlyphCache((doc as unknown as Internal)._font, this.textOpts.features as unknown as object);
      const opts = this.drawOpts;
      opts.characterSpacing = charSpacing;
      opts.textWidth = r.width;
      if (this.fragment) {
        // pdfkit internal: doc.text() would lay the line out twice (once more to advance x).
        (doc as unknown as Internal)._fragment!(r.text, cx, y, opts);
      } else {
        doc.text(r.text, cx, y, { ...opts } as PDFKit.Mixins.TextOptions);
      }
      cx += r.width + charSpacing * r.glyphs;
    }
    return cx - x;
  }

  /** Options of one drawn run, reused (pdfkit's _fragment only reads them). */
  private readonly drawOpts = {
    ...this.textOpts,
    lineBreak: false,
    baseline: 'alphabetic',
    characterSpacing: 0,
    textWidth: 0,
    wordCount: 1,
  };

  /**
   * runs() of short texts, remembered per font and size: table cells and catalogue fields
   * repeat the same few strings thousands of times. Callers only read the runs.
   */
  private readonly shortRuns = new Map<string, Run[]>();
  private drawRuns(text: string, font: string, size: number): Run[] {
    if (text.length > 12) return this.runs(text, font, size);
    const key = `${font}\u0000${size}\u0000${text}`;
    let r = this.shortRuns.get(key);
    if (!r) {
      if (this.shortRuns.size >= 50_000) this.shortRuns.clear();
      this.shortRuns.set(key, (r = this.runs(text, font, size)));
    }
    return r;
  }
}
