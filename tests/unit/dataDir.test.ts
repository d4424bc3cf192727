import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDir, resolveDataDir } from '../../main/core/runtime/dataDir';

describe('resolveDataDir', () => {
  const def = '/home/u/.local/share/onebag';
  it('prefers --data DIR, then --data=DIR forms, then ONEBAG_DATA, then the default', () => {
    expect(resolveDataDir(['cadres', '--data', '/x/a'], { ONEBAG_DATA: '/env' }, def)).toBe(path.resolve('/x/a'));
    expect(resolveDataDir(['--data=/x/b', 'demo'], { ONEBAG_DATA: '/env' }, def)).toBe(path.resolve('/x/b'));
    expect(resolveDataDir(['demo'], { ONEBAG_DATA: '/env' }, def)).toBe(path.resolve('/env'));
    expect(resolveDataDir(['demo'], { ONEBAG_DATA: '  ' }, def)).toBe(path.resolve(def));
    expect(resolveDataDir([], {}, def)).toBe(path.resolve(def));
  });
  it('resolves relative directories to absolute ones', () => {
    expect(resolveDataDir(['--data', 'rel/dir'], {}, def)).toBe(path.resolve('rel/dir'));
    expect(path.isAbsolute(resolveDataDir([], {}, 'x'))).toBe(true);
  });
  it('ignores a trailing --data without a value', () => {
    expect(resolveDataDir(['--data'], {}, def)).toBe(path.resolve(def));
  });
  it('knows each operating system’s user-data folder', () => {
    expect(defaultDataDir('/home/u', 'linux', {})).toBe(path.join('/home/u', '.local', 'share', 'onebag'));
    expect(defaultDataDir('/Users/u', 'darwin', {})).toBe(path.join('/Users/u', 'Library', 'Application Support', 'OneBag'));
    expect(defaultDataDir('C:/Users/u', 'win32', { APPDATA: 'C:/Users/u/AppData/Roaming' })).toBe(
      path.join('C:/Users/u/AppData/Roaming', 'OneBag'),
    );
  });
});
