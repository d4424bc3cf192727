/**
 * The demo's files are filed as made here (main/files/madeHere.ts): their maker states what
 * intake would learn of them instead of intake inspecting them. These tests make one file of
 * each kind the demo makes and hold the stated facts against what the untrusted intake
 * (inspectFile) reads from the same file; and they check the demo's own line breaking
 * (demoTypeset.ts) on real documents read back with pdftotext.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SEED, planDemoBags } from '../../main/demo/demo';
import type { Planned } from '../../main/demo/demoBags';
import { demoCalendar } from '../../main/demo/demoData';
import { makeDemoFile } from '../../main/demo/demoFiles';
import { breakLines } from '../../main/demo/demoTypeset';
import { loadFontkitFont, resolveFontFile } from '../../main/dossier/fonts';
import { inspectFile } from '../../main/files/inspect';
import { TEST_TODAY } from '../fixtures/testToday';

let dir: string;
let picked: Planned[];

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onebag-demo-madehere-'));
  const all = planDemoBags(DEMO_SEED, demoCalendar(TEST_TODAY), dir).flat();
  // One file of each kind the demo makes (the longest text document: it runs over a page).
  const textDocs = all.filter((p) => p.spec.kind === 'textDoc');
  const longest = textDocs.reduce((a, b) => (JSON.stringify(b.spec).length > JSON.stringify(a.spec).length ? b : a));
  picked = [longest, ...(['minutes', 'register', 'scanJpeg', 'scanPng'] as const).map((k) => all.find((p) => p.spec.kind === k)!)];
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('demo files made here', () => {
  it('state the facts intake reads from them: kind, type, size, pages, pixel size, orientation', async () => {
    for (const p of picked) {
      const stated = await makeDemoFile(p.spec);
      const inspected = await inspectFile(p.file, p.name);
      expect(stated, `${p.spec.kind} ${p.name}`).toEqual(inspected);
    }
    expect(picked.map((p) => p.spec.kind)).toEqual(['textDoc', 'minutes', 'register', 'scanJpeg', 'scanPng']);
  });

  it('typeset every word of a document, in order, on as many pages as its lines need', () => {
    const doc = picked[0]!;
    if (doc.spec.kind !== 'textDoc') throw new Error('first pick is a text document');
    // Without whitespace and the page numbers ("— 1 —") that fall inside a paragraph run over a page.
    const text = execFileSync('pdftotext', [doc.file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '').replace(/—\d+—/g, '');
    const words = [doc.spec.doc.title, ...doc.spec.doc.sections.flatMap((s) => [s.heading, ...s.paragraphs])].map((w) =>
      w.replace(/\s+/g, ''),
    );
    let at = 0;
    for (const w of words) {
      const i = text.indexOf(w, at);
      expect(i, w.slice(0, 20)).toBeGreaterThanOrEqual(at);
      at = i + w.length;
    }
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [doc.file], { encoding: 'utf8' }))![1]);
    expect(pages).toBeGreaterThanOrEqual(2);
  });
});

describe('demo line breaking', () => {
  const font = loadFontkitFont(resolveFontFile('serif')) as unknown as Parameters<typeof breakLines>[0];

  it('fills lines up to the width, starts none with closing punctuation, keeps numbers whole', () => {
    const text = '　　全镇共有农户2520户、人口7056人，耕地面积26056亩，以玉米、花生种植为主，光伏发电已初具规模。“五必到”制度落实到位。';
    const size = 15;
    for (const width of [100, 150, 222, 300, 442]) {
      const lines = breakLines(font, text, size, width)!;
      expect(lines.map((l) => l.text).join('')).toBe(text);
      for (const [i, l] of lines.entries()) {
        expect(l.width).toBeLessThanOrEqual(width + 1e-6);
        expect('，。、；：？！）》」”'.includes(l.text[0]!), `line ${i} at width ${width}: ${l.text}`).toBe(false);
        expect('（《「“'.includes(l.text.at(-1)!), `line ${i} at width ${width}: ${l.text}`).toBe(false);
        if (i > 0) expect(/\d$/.test(lines[i - 1]!.text) && /^\d/.test(l.text), `number split at width ${width}`).toBe(false);
      }
      // Greedy: the next line's first piece would not have fitted.
      for (let i = 0; i + 1 < lines.length; i++) {
        const next = breakLines(font, lines[i]!.text + lines[i + 1]!.text, size, width)!;
        expect(next.length).toBeGreaterThan(1);
      }
    }
  });

  it('returns null when the face lacks a character, so the caller falls back to per-font runs', () => {
    expect(breakLines(font, '𠮷野家', 15, 300)).toBeNull();
  });
});
