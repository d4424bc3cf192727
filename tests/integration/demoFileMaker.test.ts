/**
 * The demo's file maker (main/demo/demoFileMaker.ts) splits the files between the worker thread
 * (typeset documents) and the loading thread (scans). Each `made(i)` must still answer for the
 * i-th file of the list, in any mix of kinds, with the same bytes and facts as making every file
 * on one thread. A few small files of mixed kinds, made both ways into two folders.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SEED, planDemoBags } from '../../main/demo/demo';
import { demoCalendar } from '../../main/demo/demoData';
import { DemoFileMaker, madeOnCaller } from '../../main/demo/demoFileMaker';
import type { DemoFileSpec } from '../../main/demo/demoFiles';
import type { FileFacts } from '../../main/files/inspect';
import { TEST_TODAY } from '../fixtures/testToday';

let root: string;

/** The demo's specs with their files in `dir`: the shortest of each kind, scans and documents interleaved. */
function mixedSpecs(dir: string): DemoFileSpec[] {
  const all = planDemoBags(DEMO_SEED, demoCalendar(TEST_TODAY), dir).flat();
  const shortest = (kind: DemoFileSpec['kind']) =>
    all.filter((p) => p.spec.kind === kind).reduce((a, b) => (JSON.stringify(b.spec).length < JSON.stringify(a.spec).length ? b : a)).spec;
  return [shortest('scanJpeg'), shortest('minutes'), shortest('scanPng'), shortest('register'), shortest('textDoc')];
}

async function makeAll(dir: string, worker: boolean): Promise<{ facts: FileFacts[]; bytes: Buffer[] }> {
  fs.mkdirSync(dir, { recursive: true });
  const specs = mixedSpecs(dir);
  const maker = new DemoFileMaker(specs, undefined, worker);
  try {
    // Asked for out of order: the answer must be the asked file's, whoever makes it.
    const order = [3, 0, 4, 2, 1];
    const facts: FileFacts[] = [];
    for (const i of order) facts[i] = await maker.made(i);
    return { facts, bytes: specs.map((s) => fs.readFileSync(s.file)) };
  } finally {
    await maker.close();
  }
}

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'onebag-demo-maker-'));
});

afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

describe('demo file maker', () => {
  it('answers made(i) with the i-th file, the same bytes and facts with and without the worker', async () => {
    const specs = mixedSpecs(root);
    expect(specs.map(madeOnCaller)).toEqual([true, false, true, false, false]);
    const threaded = await makeAll(path.join(root, 'worker'), true);
    const here = await makeAll(path.join(root, 'here'), false);
    expect(threaded.facts).toEqual(here.facts);
    threaded.bytes.forEach((b, i) => expect(b.equals(here.bytes[i]!), `file ${i}`).toBe(true));
    // Each answer is its own file's: kinds and sizes match the files on disk.
    expect(threaded.facts.map((f) => f.kind)).toEqual(['jpeg', 'pdf', 'png', 'pdf', 'pdf']);
    threaded.facts.forEach((f, i) => expect(f.size, `file ${i}`).toBe(threaded.bytes[i]!.length));
  });
});
