/**
 * No channel of the contract exists only for tests (issue 15): every channel of shared/api.ts is
 * called by the app — the renderer (renderer/src) or the command line (main/cli) — by its name as
 * a string literal. A channel that only tests call is either given a screen or removed (tests then
 * seed through core functions). A channel that is legitimately reached another way goes into
 * ALLOWED with the reason; the allow-list itself must stay true (its channels exist and are
 * indeed not called from those folders).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { channels, type Channel } from '../../shared/api';

const ROOT = path.resolve(__dirname, '../..');
const CALLERS = ['renderer/src', 'main/cli'];

/** Channels no file of CALLERS names, each with why that is right. None today. */
const ALLOWED: Partial<Record<Channel, string>> = {};

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return /\.tsx?$/.test(e.name) && !/\.(test|spec)\.tsx?$/.test(e.name) ? [p] : [];
  });
}

/** The app's own source, comments left out: a channel named only in a comment is not called. */
const appText = CALLERS.flatMap((d) => sources(path.join(ROOT, d)))
  .map((f) =>
    fs
      .readFileSync(f, 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/^\s*\/\/.*$/gm, ''),
  )
  .join('\n');

const named = (c: string) => [`'${c}'`, `"${c}"`, `\`${c}\``].some((q) => appText.includes(q));

describe('every channel of the contract is used by the app', () => {
  const all = Object.keys(channels) as Channel[];

  it('reads the renderer and the command line', () => {
    expect(named('app.status')).toBe(true);
    expect(named('cadres.list')).toBe(true);
    expect(named('no.such.channel')).toBe(false);
  });

  it('names each channel in renderer/src or main/cli, or says in ALLOWED why not', () => {
    const unused = all.filter((c) => !named(c) && ALLOWED[c] === undefined);
    expect(unused, 'channels only tests call: give them a screen or remove them').toEqual([]);
  });

  it('keeps ALLOWED true: real channels, not called from the app, each with a reason', () => {
    const entries = Object.entries(ALLOWED) as Array<[Channel, string]>;
    expect(entries.filter(([c]) => !all.includes(c)).map(([c]) => c)).toEqual([]);
    expect(entries.filter(([c]) => named(c)).map(([c]) => c)).toEqual([]);
    expect(entries.filter(([, why]) => why.trim().length < 10).map(([c]) => c)).toEqual([]);
  });
});
