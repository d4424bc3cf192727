import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { queryToFts, toSearchTokens } from '../../main/core/searchTokens';

describe('toSearchTokens', () => {
  it('writes Han runs as characters plus overlapping bigrams, other words lower-cased', () => {
    expect(toSearchTokens('会议记录')).toBe('会 议 记 录 会议 议记 记录');
    expect(toSearchTokens('第1次OFD会议，2024年')).toBe('第 1 次 ofd 会 议 会议 2024 年');
    expect(toSearchTokens('ＡＢＣ２０２４')).toBe('abc2024');
    expect(toSearchTokens('')).toBe('');
  });
});

describe('queryToFts', () => {
  it('requires every bigram of a Han run; one character matches the single tokens', () => {
    expect(queryToFts('会议')).toBe('"会议"');
    expect(queryToFts('会议记录')).toBe('"会议" AND "议记" AND "记录"');
    expect(queryToFts('会')).toBe('"会"');
    expect(queryToFts('扶贫 Report')).toBe('"扶贫" AND "report"*');
  });

  it('keeps FTS5 syntax in user input as plain text', () => {
    for (const q of ['"', 'a"b', '(会议', 'AND', 'OR NOT', 'NEAR(a b)', '*', 'a:b', '^x', '-', '""""']) {
      expect(() => db.prepare('SELECT rowid FROM t WHERE t MATCH ?').all(queryToFts(q) || '"x"')).not.toThrow();
    }
    expect(queryToFts('!!! 。，')).toBe('');
    expect(queryToFts('and')).toBe('"and"*');
  });

  const db = new Database(':memory:');
  db.exec("CREATE VIRTUAL TABLE t USING fts5(tokens, tokenize = 'unicode61 remove_diacritics 0')");
  const docs = ['村两委会议记录', '精准扶贫工作总结', '2024年第一季度工作汇报 and more', '议会'];
  docs.forEach((d, i) => db.prepare('INSERT INTO t (rowid, tokens) VALUES (?, ?)').run(i + 1, toSearchTokens(d)));
  const find = (q: string) => db.prepare('SELECT rowid FROM t WHERE t MATCH ? ORDER BY rowid').pluck().all(queryToFts(q)) as number[];
  afterAll(() => db.close());

  it('finds two-character words and longer phrases, not scattered characters', () => {
    expect(find('会议')).toEqual([1]);
    expect(find('扶贫')).toEqual([2]);
    expect(find('会议记录')).toEqual([1]);
    expect(find('议会')).toEqual([4]);
    expect(find('会')).toEqual([1, 4]);
    expect(find('工作')).toEqual([2, 3]);
    expect(find('记会')).toEqual([]);
    expect(find('202')).toEqual([3]);
    expect(find('AND')).toEqual([3]);
  });
});
