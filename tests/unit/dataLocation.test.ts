import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  dataDirProblem,
  holdsArchive,
  LOCATION_FILE,
  readSavedDataDir,
  resolveStartupDataDir,
  saveDataDir,
} from '../../main/core/runtime/dataLocation';

let tmp: string;
let config: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'onebag-location-'));
  config = path.join(tmp, 'config');
});
afterEach(() => {
  fs.chmodSync(tmp, 0o700);
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('the data folder chosen on first start', () => {
  const def = () => path.join(tmp, 'default');

  it('is a first start until a location is saved; then the saved one is used', () => {
    expect(resolveStartupDataDir([], {}, config, def())).toEqual({ dataDir: def(), source: 'default', firstRun: true });
    const chosen = path.join(tmp, 'D盘', '一袋式档案');
    saveDataDir(config, chosen, new Date('2026-03-01T08:00:00Z'));
    expect(JSON.parse(fs.readFileSync(path.join(config, LOCATION_FILE), 'utf8'))).toEqual({
      dataDir: chosen,
      chosenAt: '2026-03-01T08:00:00.000Z',
    });
    expect(resolveStartupDataDir([], {}, config, def())).toEqual({ dataDir: chosen, source: 'saved', firstRun: false });
    expect(fs.readdirSync(config)).toEqual([LOCATION_FILE]);
  });

  it('--data and ONEBAG_DATA still win over the saved choice, and never count as a first start', () => {
    saveDataDir(config, path.join(tmp, 'saved'), new Date('2026-03-01T08:00:00Z'));
    expect(resolveStartupDataDir(['--data', path.join(tmp, 'a')], { ONEBAG_DATA: path.join(tmp, 'b') }, config, def())).toEqual({
      dataDir: path.join(tmp, 'a'),
      source: 'command-line',
      firstRun: false,
    });
    expect(resolveStartupDataDir([], { ONEBAG_DATA: path.join(tmp, 'b') }, config, def())).toMatchObject({
      source: 'environment',
      firstRun: false,
    });
  });

  it('a damaged or relative saved choice counts as no choice', () => {
    fs.mkdirSync(config, { recursive: true });
    fs.writeFileSync(path.join(config, LOCATION_FILE), '{"dataDir": ');
    expect(readSavedDataDir(config)).toBeNull();
    fs.writeFileSync(path.join(config, LOCATION_FILE), '{"dataDir": "relative/dir"}');
    expect(resolveStartupDataDir([], {}, config, def())).toMatchObject({ source: 'default', firstRun: true });
    expect(() => saveDataDir(config, 'relative/dir', new Date(0))).toThrow();
  });

  it('checks that a folder can hold the archive, creating it, and explains in Chinese when not', () => {
    const fresh = path.join(tmp, 'new', 'folder');
    expect(dataDirProblem(fresh)).toBeNull();
    expect(fs.readdirSync(fresh)).toEqual([]);
    const file = path.join(tmp, 'a-file');
    fs.writeFileSync(file, 'x');
    expect(dataDirProblem(file)).toBe(`所选位置不是文件夹：${file}`);
    expect(dataDirProblem('relative')).toContain('完整路径');
    if (process.getuid?.() !== 0) {
      const locked = path.join(tmp, 'locked');
      fs.mkdirSync(locked, { mode: 0o500 });
      expect(dataDirProblem(locked)).toContain('没有写入权限');
    }
  });

  it('recognises a folder that already holds an archive', () => {
    expect(holdsArchive(tmp)).toBe(false);
    fs.writeFileSync(path.join(tmp, 'onebag.sqlite'), '');
    expect(holdsArchive(tmp)).toBe(true);
  });
});
