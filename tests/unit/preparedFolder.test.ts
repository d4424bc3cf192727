/**
 * Prepared data folders (tests/fixtures/preparedFolder.ts) on real folders: built once and found
 * again; a lock left by a process that has ended does not hold the next asker up; a root given by
 * the caller (npm test gives vitest and Playwright one) is neither replaced nor removed.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { copyPrepared, PREPARED_ROOT_ENV, preparedFolder, prepareRunRoot } from '../fixtures/preparedFolder';

let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'onebag-prepared-test-'));
});
afterEach(() => {
  vi.unstubAllEnvs();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const writeOne = (text: string) => async (dir: string) => {
  fs.writeFileSync(path.join(dir, 'data.txt'), text);
};

describe('preparedFolder', () => {
  it('builds a folder once and copies it without its ready mark', async () => {
    vi.stubEnv(PREPARED_ROOT_ENV, tmp);
    let builds = 0;
    const build = async (dir: string) => {
      builds++;
      await writeOne(`build ${builds}`)(dir);
    };
    const first = await preparedFolder('one', build);
    const second = await preparedFolder('one', build);
    expect(second).toBe(first);
    expect(builds).toBe(1);
    expect(path.dirname(first)).toBe(tmp);
    const dest = path.join(tmp, 'copy');
    copyPrepared(first, dest);
    expect(fs.readdirSync(dest)).toEqual(['data.txt']);
    expect(fs.readFileSync(path.join(dest, 'data.txt'), 'utf8')).toBe('build 1');
  });

  it('builds its own copy at once when the lock holder has ended', async () => {
    vi.stubEnv(PREPARED_ROOT_ENV, tmp);
    // A lock as a killed builder leaves it: its pid names a process that has exited.
    const ended = spawnSync(process.execPath, ['-e', '']);
    expect(ended.status).toBe(0);
    fs.mkdirSync(path.join(tmp, 'stale.lock'));
    fs.writeFileSync(path.join(tmp, 'stale.lock', 'pid'), String(ended.pid));
    fs.mkdirSync(path.join(tmp, `stale.partial-${ended.pid}`)); // its half-built folder
    // Waiting for a live holder would take minutes (past this test's timeout).
    const dir = await preparedFolder('stale', writeOne('private'));
    expect(fs.readFileSync(path.join(dir, 'data.txt'), 'utf8')).toBe('private');
    expect(fs.existsSync(path.join(tmp, 'stale', 'data.txt'))).toBe(false); // the shared name stays unbuilt
  });

  it('does not wait on a lock that never got a pid', async () => {
    vi.stubEnv(PREPARED_ROOT_ENV, tmp);
    const lock = path.join(tmp, 'nopid.lock');
    fs.mkdirSync(lock); // as a process killed between taking the lock and writing its pid leaves it
    const old = new Date(Date.now() - 60_000);
    fs.utimesSync(lock, old, old);
    const dir = await preparedFolder('nopid', writeOne('private'));
    expect(fs.readFileSync(path.join(dir, 'data.txt'), 'utf8')).toBe('private');
  });
});

describe('prepareRunRoot', () => {
  it('makes a fresh root and its teardown removes it', () => {
    vi.stubEnv(PREPARED_ROOT_ENV, undefined);
    const teardown = prepareRunRoot();
    const root = process.env[PREPARED_ROOT_ENV]!;
    expect(fs.statSync(root).isDirectory()).toBe(true);
    teardown();
    expect(fs.existsSync(root)).toBe(false);
  });

  it('keeps a root the caller gave, after the teardown too', () => {
    vi.stubEnv(PREPARED_ROOT_ENV, tmp);
    const teardown = prepareRunRoot();
    expect(process.env[PREPARED_ROOT_ENV]).toBe(tmp);
    teardown();
    expect(fs.statSync(tmp).isDirectory()).toBe(true);
  });
});
