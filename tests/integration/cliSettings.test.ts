/** `onebag settings archive` as a real process: show, change, refuse bad values with Chinese messages and change nothing. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findSystemFangSong } from '../../main/dossier/fonts';
import { onebagHere } from '../fixtures/cliHere';

let tmp: string;
let dataDir: string;
const cli = (...args: string[]) => onebagHere(dataDir, args);
const json = async () => JSON.parse((await cli('settings', 'archive', '--json')).stdout) as Record<string, string>;

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'onebag-clisettings-'));
  dataDir = path.join(tmp, 'data');
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('onebag settings archive', () => {
  it('shows the settings without flags, unset names as to be signed by hand', async () => {
    const r = await cli('settings', 'archive');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('全宗号：0001');
    expect(r.stdout).toContain('保管期限：定期30年');
    expect(r.stdout).toMatch(/立卷人：（未设置，打印空白横线待手签）/);
    expect(r.stdout).toContain('正文字体：宋体（song）');
  });

  it('changes what the flags name and keeps the rest', async () => {
    const r = await cli(
      'settings',
      'archive',
      '--fonds',
      'A12',
      '--org-code',
      'ZZB',
      '--retention',
      '永久',
      '--compiler',
      '王晓明',
      '--checker',
      '李华',
      '--check-date',
      '2026-01-05',
      '--page-numbers',
      'ofTotal',
      '--body-font',
      'song',
      '--word-rendition',
      'engine',
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('档案设置已保存');
    expect(r.stdout).toContain('立卷人：王晓明');
    expect(await json()).toEqual({
      fonds: 'A12',
      org: 'ZZB',
      retention: '永久',
      pageNumberStyle: 'ofTotal',
      bodyFont: 'serif',
      compiler: '王晓明',
      checker: '李华',
      checkDate: '2026-01-05',
      wordRendition: 'engine',
    });
    expect((await cli('settings', 'archive', '--checker', '赵六')).code).toBe(0);
    expect(await json()).toMatchObject({ fonds: 'A12', checker: '赵六', compiler: '王晓明' });
  });

  it('refuses bad values with a Chinese message and changes nothing', async () => {
    const before = await json();
    const cases: Array<[string[], RegExp, number]> = [
      [['--retention', '长期'], /保管期限应为永久、定期30年或定期10年/, 1],
      [['--fonds', '00 1'], /全宗号只能由数字和字母组成/, 1],
      [['--org-code', ''], /请填写机构代码/, 1],
      [['--page-numbers', 'roman'], /页码样式应为/, 1],
      [['--check-date', '2026/1/5'], /检查日期格式应为/, 1],
      [['--word-rendition', 'pandoc'], /Word 原件的排版方式应为/, 1],
      [['--body-font', 'kai'], /正文字体“kai”无效，应为 fangsong（仿宋）或 song（宋体）/, 2],
      [['--colour', 'red'], /不认识的选项/, 2],
    ];
    for (const [flags, msg, code] of cases) {
      const r = await cli('settings', 'archive', ...flags);
      expect(r.code, flags.join(' ')).toBe(code);
      expect(r.stderr, flags.join(' ')).toMatch(msg);
    }
    expect(await json()).toEqual(before);
  }, 180_000);

  it('takes FangSong only when the machine has it', async () => {
    const r = await cli('settings', 'archive', '--body-font', 'fangsong');
    if (findSystemFangSong()) {
      expect(r.code).toBe(0);
      expect((await json()).bodyFont).toBe('fangsong');
    } else {
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('本机未找到仿宋字体');
      expect((await json()).bodyFont).toBe('serif');
    }
  });
});
