/**
 * Dossier typography read back from real PDFs (issue 11, K): justified lines never space
 * out digits or latin words, dates and numbers never break across lines, long table rows
 * split across pages under a repeated header, and the monthly attendance table is set at
 * ≥ 9 pt with half days shown as two marks. Sizes are measured with `pdftotext -bbox`
 * relative to the 3号 body text, so the check holds whatever fonts the machine has.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeDossier } from '../../main/dossier/compose/compose';
import type { Block, DossierDoc, Item, StampFields } from '../../main/dossier/typeset/model';
import { BODY_SIZE } from '../../main/dossier/typeset/layout';
import { words, type Word } from '../fixtures/pdfWords';
import { WORKLOG_COLUMNS } from '../../main/dossier/fromDb/worklog';

const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
const pageCount = (f: string) => Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [f]))![1]);

const stamp = (itemNo: number): StampFields => ({ fonds: '0001', year: '2025', retention: '定期30年', itemNo, org: 'ZZB' });
const item = (n: number, title: string, blocks: Block[]): Item => ({
  kind: 'typeset',
  catalogue: { author: '测试', title, date: '2025-12-25' },
  stamp: stamp(n),
  blocks,
});

/** Sentences whose digit groups and latin words land at every position of a justified line. */
function justifyParagraphs(): Block[] {
  const out: Block[] = [];
  const fill = '驻村工作队坚持问题导向推进各项工作落实';
  for (let k = 0; k < 24; k++) {
    const lead = fill.repeat(2).slice(0, k);
    out.push({
      kind: 'paragraph',
      text: `${lead}核验摘要SHA-256一致，编号QX2025120078，合同号FRESHMART8848已登记，资金3850000元到位，于2025年12月25日和2026年1月8日两次复核，依据组发〔2025〕12号文件执行。`,
    });
  }
  // a word wider than the rest of a line (old engine: the line before it letter-spaced)
  out.push({
    kind: 'paragraph',
    text: `原件SHA-256摘要2025为${'9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08'}，已核验。`,
  });
  out.push({ kind: 'paragraph', text: '经核对，第2025号材料上传路径为ARCHIVESTORAGEVOLUMEPATHSEGMENT，已归档。' });
  return out;
}

function dateTitles(): Item[] {
  const fill = '关于驻村第一书记工作推进会议情况的专题报告材料汇编';
  return Array.from({ length: 12 }, (_, k) =>
    item(10 + k, `${fill.slice(0, 8 + k)}（2025年12月25日）`, [{ kind: 'paragraph', text: '见正文。' }]),
  );
}

function workLogTable(): Block {
  const situation = (i: number) =>
    `第${i}条起：` + '入户走访了解生产生活情况，宣讲政策，登记诉求，协调解决饮水和道路问题。'.repeat(1 + (i % 5)) + `第${i}条止`;
  return {
    kind: 'table',
    caption: '2025年度工作日志',
    columns: [...WORKLOG_COLUMNS],
    rows: Array.from({ length: 40 }, (_, i) => [
      `${1 + (i % 12)}月${1 + (i % 28)}日`,
      '走访',
      '前屯村',
      '脱贫户',
      situation(i + 1),
      '资金不足',
      '继续跟进',
    ]),
    fontSize: 9,
  };
}

let dir: string;
let out: string;
let all: Word[];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onebag-typo-'));
  out = path.join(dir, 'typo.pdf');
  const doc: DossierDoc = {
    meta: {
      county: '岚川县',
      cadreName: '测试',
      unit: '市直单位',
      post: '村党组织第一书记',
      place: '石门镇前屯村',
      term: '2025年1月—2027年1月',
      year: '2025',
      archiveCode: '0001-WS·2025-D30-ZZB-0001',
      compiler: '张三',
      checker: '李四',
      date: '2025-12-31',
      pageNumberStyle: 'gbt9704',
    },
    sections: [
      { title: '正文', items: [item(1, '核验情况说明', justifyParagraphs()), ...dateTitles()] },
      { title: '年度工作日志', items: [item(30, '2025年度工作日志', [workLogTable()])] },
    ],
  };
  await composeDossier(doc, out);
  all = words(out);
});

afterAll(() => {
  if (process.env.KEEP_PDF) fs.copyFileSync(out, process.env.KEEP_PDF);
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('typography', () => {
  it('never letter-spaces digits or latin words in justified lines', () => {
    const layout = run('pdftotext', ['-layout', out, '-']);
    expect(layout).toContain('SHA-256');
    for (const word of ['QX2025120078', 'FRESHMART8848', '3850000']) {
      expect(layout, word).toContain(word);
    }
    expect(layout.replace(/\s+/g, '')).toContain('9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08');
    const spaced = layout.split('\n').filter((l) => /[0-9A-Za-z] [0-9A-Za-z](?: |$)/.test(l) && /[\u4e00-\u9fff]/.test(l));
    expect(spaced).toEqual([]);
  });

  it('never breaks a line inside a date, a number with its unit or a document number', () => {
    const lines = run('pdftotext', ['-layout', out, '-'])
      .split('\n')
      .map((l) => l.replace(/\s+/g, ''));
    // lines of the paragraphs and titles (not the cover, stamps or catalogue rows)
    const body = lines.filter((l) => /复核|核验|依据|两次|一致|到位|执行|关于|专题|汇编|日）/.test(l) && !/ZZB|测试|：/.test(l));
    expect(body.length).toBeGreaterThan(24);
    const count = (s: string) => lines.reduce((a, l) => a + l.split(s).length - 1, 0);
    // each run is found whole on some line as often as it was written
    expect(count('2025年12月25日')).toBeGreaterThanOrEqual(24 + 12);
    expect(count('2026年1月8日')).toBe(24);
    expect(count('〔2025〕12号')).toBe(24);
    expect(count('3850000元')).toBe(24);
    // no body line ends with a cut run (stamps and 档号 lines excluded)
    for (const l of body) expect(l.replace(/SHA-256$/, ''), l).not.toMatch(/(?:\d年|\d月|\d|〔)$/);
  });

  it('splits long work-log rows across pages under a repeated header, leaving no page 40 % blank', () => {
    const pages = pageCount(out);
    const logPages = [...new Set(all.filter((w) => w.text.includes('走访对象')).map((w) => w.page))];
    expect(logPages.length).toBeGreaterThanOrEqual(3);
    expect(logPages).toEqual(Array.from({ length: logPages.length }, (_, i) => logPages[0]! + i));
    // a row begins on one page and ends on the next
    const starts = new Map<number, number>();
    const ends = new Map<number, number>();
    for (const w of all) {
      const s = /第(\d+)条起/.exec(w.text);
      const e = /第(\d+)条止/.exec(w.text);
      if (s) starts.set(+s[1]!, w.page);
      if (e) ends.set(+e[1]!, w.page);
    }
    expect(starts.size).toBe(40);
    const split = [...starts].filter(([i, p]) => ends.get(i)! > p);
    expect(split.length, `${split.length} rows split over ${logPages.length} pages`).toBeGreaterThanOrEqual((logPages.length - 1) / 2);
    // every log page but the last is filled to at least 80 % of the 225 mm text block (top 37 mm)
    const mm = 72 / 25.4;
    for (const p of logPages.slice(0, -1)) {
      const lowest = Math.max(...all.filter((w) => w.page === p && w.yMax < 262 * mm).map((w) => w.yMax));
      expect((lowest - 37 * mm) / (225 * mm), `page ${p} of ${pages}`).toBeGreaterThan(0.8);
    }
  });
});

describe('body size reference', () => {
  it('measures the 3号 body text', () => {
    const body = all.filter((w) => w.text.includes('复核'));
    const h = body[0]!.yMax - body[0]!.yMin;
    // the ratio used to convert box heights into point sizes
    expect(h / BODY_SIZE).toBeGreaterThan(0.8);
    expect(h / BODY_SIZE).toBeLessThan(1.6);
  });
});
