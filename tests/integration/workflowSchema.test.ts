/**
 * .github/workflows/release.yml cannot run here (no network for Electron); `npm run
 * lint:workflows` (scripts/check-workflows.mjs) checks it against GitHub's workflow schema and
 * the structure the release depends on. Run as the real command line, on the real file and on
 * damaged copies of it — so the check is shown to catch what it claims to.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..', '..');
const release = fs.readFileSync(path.join(root, '.github', 'workflows', 'release.yml'), 'utf8');

function check(files: string[]): { status: number | null; out: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'scripts', 'check-workflows.mjs'), ...files], {
    cwd: root,
    encoding: 'utf8',
  });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

/** A damaged copy, written as <case>/release.yml so the release rules apply. */
const damage: Record<string, (s: string) => string> = {
  'unknown-key': (s) => s.replace('    runs-on: ${{ matrix.os }}', '    runs_on: ${{ matrix.os }}'),
  'broken-expression': (s) => s.replace('name: ${{ matrix.name }}', 'name: ${{ matrix.name }'),
  'no-arm64': (s) => s.replace(/ {10}# Kylin and UOS[\s\S]*?exts: deb AppImage\n/, ''),
  'no-self-test': (s) => s.replaceAll('--self-test', '--selftest'),
  'missing-script': (s) => s.replace('scripts/sha256sums.mjs', 'scripts/sha256sum.mjs'),
  'unpinned-action': (s) => s.replace('actions/checkout@v4', 'actions/checkout@main'),
  'upload-may-be-empty': (s) => s.replace('if-no-files-found: error', 'if-no-files-found: warn'),
};

let tmp: string;
let result: { status: number | null; out: string };
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'onebag-workflows-'));
  const files: string[] = [];
  for (const [name, fn] of Object.entries(damage)) {
    const damaged = fn(release);
    expect(damaged, `${name} must change the file`).not.toBe(release);
    const file = path.join(tmp, name, 'release.yml');
    fs.mkdirSync(path.dirname(file));
    fs.writeFileSync(file, damaged);
    files.push(file);
  }
  result = check(files);
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const problemsOf = (name: string) =>
  result.out
    .split('\n')
    .filter((l) => l.includes(`${path.sep}${name}${path.sep}release.yml`))
    .join('\n');

describe('release workflow check', () => {
  it('passes the committed release.yml', () => {
    const r = check([]);
    expect(r.out).toContain('release.yml — ok');
    expect(r.status).toBe(0);
  });

  it('fails on every damaged copy', () => {
    expect(result.status).toBe(1);
    for (const name of Object.keys(damage)) expect(problemsOf(name), name).not.toBe('');
  });

  it('GitHub’s schema catches an unknown key and an unclosed expression', () => {
    expect(problemsOf('unknown-key')).toContain("Unexpected value 'runs_on'");
    expect(problemsOf('broken-expression')).toContain('The expression is not closed');
  });

  it('the release rules catch a lost installer, a lost self-test and an upload that may be empty', () => {
    expect(problemsOf('no-arm64')).toContain('Linux arm64 deb + AppImage');
    expect(problemsOf('no-arm64')).not.toContain('Linux x64');
    expect(problemsOf('no-self-test')).toContain('running the self-test');
    expect(problemsOf('upload-may-be-empty')).toContain('upload must fail when nothing matches');
  });

  it('catches a step naming a missing script and an action pinned to a branch', () => {
    expect(problemsOf('missing-script')).toContain('missing file scripts/sha256sum.mjs');
    expect(problemsOf('unpinned-action')).toContain('unpinned action actions/checkout@main');
  });
});
