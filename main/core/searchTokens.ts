/**
 * Chinese-aware search text for FTS5. Most Chinese words are two characters, which
 * trigram indexes cannot find, and the unicode61 tokenizer would keep a whole run of
 * Han characters as one token. So the app writes Han runs as single characters plus
 * overlapping bigrams (会议记录 → 会 议 记 录 会议 议记 记录) and other words whole;
 * a query then requires every bigram of each Han run.
 */

/** Han runs, or runs of other letters/digits (Han is a letter too, so it is excluded there). */
const WORD_RE = /(\p{Script=Han}+)|((?:(?!\p{Script=Han})[\p{L}\p{N}])+)/gu;

interface Word {
  han: boolean;
  text: string;
}

function words(text: string): Word[] {
  // NFKC folds full-width letters and digits (ＯＦＤ, ２０２４) into their usual forms.
  const norm = text.normalize('NFKC').toLowerCase();
  const out: Word[] = [];
  for (const m of norm.matchAll(WORD_RE)) out.push({ han: m[1] !== undefined, text: m[0] });
  return out;
}

function bigrams(run: string): string[] {
  const chars = Array.from(run);
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  return out;
}

/**
 * The texts tokenised last: records written together often share their search text (a certified
 * register filed in every cadre's bag of the township has one title, note and file name).
 */
const recent = new Map<string, string>();
const RECENT_MAX = 256;

/** Space-separated tokens to store in the FTS `tokens` column. */
export function toSearchTokens(text: string): string {
  const hit = recent.get(text);
  if (hit !== undefined) return hit;
  const tokens: string[] = [];
  for (const w of words(text)) {
    if (w.han) tokens.push(...Array.from(w.text), ...bigrams(w.text));
    else tokens.push(w.text);
  }
  const out = tokens.join(' ');
  if (recent.size >= RECENT_MAX) recent.clear();
  recent.set(text, out);
  return out;
}

/** FTS5 string literal: every token quoted, inner quotes doubled, so AND/OR/NEAR/( ) stay plain text. */
const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;

/**
 * An FTS5 MATCH expression that requires every term: each bigram of a Han run (a single
 * character matches the single-character tokens), other words as prefixes.
 * Returns '' when the query holds no searchable characters.
 */
export function queryToFts(q: string): string {
  const terms = new Set<string>();
  for (const w of words(q)) {
    if (!w.han) terms.add(`${quote(w.text)}*`);
    else if (Array.from(w.text).length === 1) terms.add(quote(w.text));
    else for (const b of bigrams(w.text)) terms.add(quote(b));
  }
  return [...terms].join(' AND ');
}
