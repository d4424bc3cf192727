/**
 * Roster preview as the clerk reads it: the good rows listed, columns taken from the ID number not
 * called missing, and the warnings (new units, a second 第一书记, 政治面貌 defaulted) that must
 * be ticked — the roster.commit channel refuses, changing nothing, until every one is confirmed.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore, type OpenCore } from '../../main/api/open';
import { previewRoster } from '../../main/core/roster/roster';
import { sofficePath } from '../../main/files/renditions/libreoffice';
import { handlerCalls } from '../fixtures/handlerCalls';
import { makeIdNumber, writeRosterCsv, writeRosterXlsx, type RosterRow } from '../fixtures/makeRoster';

let dir: string;
let core: OpenCore;
const { ok, refusal } = handlerCalls(() => core);
const count = (sql: string) => (core.ctx.db.prepare(sql).get() as { n: number }).n;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onebag-rosterwarn-'));
  core = openCore({ dataDir: path.join(dir, 'data'), host: { kind: 'cli', blobUrl: (s) => `blob:${s}` } });
});
afterAll(() => {
  core.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function stageRoster(file: string): Promise<string> {
  const bytes = fs.readFileSync(file);
  const { token } = await ok('staging.begin', { name: path.basename(file), size: bytes.length, purpose: 'roster' });
  await ok('staging.chunk', { token, data: bytes.toString('base64') });
  await ok('staging.end', { token, purpose: 'roster' });
  return token;
}

/** Without 性别, 出生年月 and 政治面貌 columns: both first secretaries of 东岗村 in one sheet. */
const HEADERS = ['姓名', '身份证号', '任职类型', '县(市、区)', '乡镇', '村', '任职开始'];
const row = (name: string, seq: number, male: boolean, post: string, village: string | null): RosterRow =>
  ({
    姓名: name,
    身份证号: makeIdNumber('130702', `198${seq}-0${seq}-1${seq}`, seq, male),
    任职类型: post,
    '县(市、区)': '青山县',
    乡镇: '石门镇',
    村: village,
    任职开始: '2025-03-01',
  }) as RosterRow;
const ROWS = [
  row('王建国', 1, true, '村党组织第一书记', '东岗村'),
  row('李秀英', 2, false, '村党组织第一书记', '东岗村'),
  row('赵强', 3, true, '驻村工作队员', '东岗村'),
];

describe('roster preview and its warnings', () => {
  it('lists the rows, derives 性别 and 出生年月, and asks before creating, doubling or defaulting', async () => {
    const file = path.join(dir, '花名册.csv');
    writeRosterCsv(file, ROWS, { headers: HEADERS });
    const p = await previewRoster(core.ctx.db, file);
    expect(p.derivedColumns).toEqual(['性别', '出生年月']);
    expect(p.missingColumns).not.toContain('政治面貌');
    expect(p.missingColumns).not.toContain('出生年月');
    expect(p.rows.map((r) => [r.row, r.name, r.gender, r.birthDate, r.partyStatus, r.place, r.action])).toEqual([
      [2, '王建国', '男', '1981-01-11', '中共党员', '青山县 / 石门镇 / 东岗村', '新增'],
      [3, '李秀英', '女', '1982-02-12', '中共党员', '青山县 / 石门镇 / 东岗村', '新增'],
      [4, '赵强', '男', '1983-03-13', '中共党员', '青山县 / 石门镇 / 东岗村', '新增'],
    ]);
    expect(p.rows[0]!.idNumberMasked).toMatch(/^130702\*{8}\d{3}[\dX]$/);
    expect(p.warnings.map((w) => w.text)).toEqual([
      expect.stringContaining('将新建 3 个县、乡镇、村或派出单位：青山县；青山县 / 石门镇；青山县 / 石门镇 / 东岗村'),
      expect.stringContaining('东岗村（青山县 / 石门镇 / 东岗村）将同时有 2 名第一书记：王建国（第2行）、李秀英（第3行）'),
      '第2、3、4行未填写政治面貌，将记为“中共党员”。如不是，请在表格中填写后重新导入',
    ]);
    expect(p.warnings[1]!.rows).toEqual([2, 3]);
  });

  it('roster.commit refuses until every warning is confirmed, and then imports', async () => {
    const file = path.join(dir, '花名册2.csv');
    writeRosterCsv(file, ROWS, { headers: HEADERS });
    const token = await stageRoster(file);
    const p = await ok('roster.preview', { token });
    const keys = p.warnings.map((w) => w.key);
    for (const confirmed of [[], keys.slice(0, 2), keys.slice(1)]) {
      const err = await refusal('roster.commit', { token, confirmed });
      expect(err.message).toMatch(/^导入前请先逐条确认以下提示（未导入任何数据）/);
      expect(count('SELECT COUNT(*) AS n FROM cadres')).toBe(0);
      expect(count('SELECT COUNT(*) AS n FROM villages')).toBe(0);
    }
    expect(await ok('roster.commit', { token, confirmed: keys })).toEqual({ inserted: 3, updated: 0, skipped: 0 });
    expect(count(`SELECT COUNT(*) AS n FROM cadres WHERE party_status = '中共党员'`)).toBe(3);
  });

  it('names the 第一书记 already in office, and stays quiet when the sheet ends that posting', async () => {
    // 王建国 and 李秀英 are now both in office at 东岗村 (confirmed above); a third arrives.
    const third = row('孙立新', 4, true, '村党组织第一书记', '东岗村');
    const file = path.join(dir, '补充.csv');
    writeRosterCsv(file, [{ ...third, 政治面貌: '群众' }], { headers: [...HEADERS, '政治面貌'] });
    const p = await previewRoster(core.ctx.db, file);
    expect(p.warnings.map((w) => w.text)).toEqual([
      expect.stringContaining('将同时有 3 名第一书记：王建国（已在任）、李秀英（已在任）、孙立新（第2行）'),
    ]);
    expect(p.rows[0]!.partyStatus).toBe('群众');

    // The sheet that ends 李秀英's posting and moves nobody else in: no warning about her.
    const ending = path.join(dir, '离任.csv');
    writeRosterCsv(ending, [{ ...ROWS[1]!, 任职结束: '2025-06-30', 政治面貌: '中共党员' }], {
      headers: [...HEADERS, '任职结束', '政治面貌'],
    });
    const q = await previewRoster(core.ctx.db, ending);
    expect(q.warnings).toEqual([]);
    expect(q.rows.map((r) => [r.name, r.partyStatus, r.action])).toEqual([['李秀英', '中共党员', '任职结束']]);
  });
});

describe('.xls and WPS .et rosters', () => {
  const soffice = sofficePath();
  it.skipIf(!soffice)('reads an Excel 97-2003 roster through LibreOffice', async () => {
    const xlsx = path.join(dir, 'xls', '旧表.xlsx');
    fs.mkdirSync(path.dirname(xlsx));
    await writeRosterXlsx(xlsx, [{ ...row('周海燕', 5, false, '驻村工作队员', '西沟村'), 政治面貌: '中共党员' }], [], {
      headers: [...HEADERS, '政治面貌'],
    });
    const profile = `file://${path.join(dir, 'lo-profile')}`;
    execFileSync(
      soffice!,
      [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'xls', '--outdir', path.dirname(xlsx), xlsx],
      { stdio: 'ignore' },
    );
    const xls = path.join(dir, 'xls', '旧表.xls');
    expect(fs.readFileSync(xls).subarray(0, 4).toString('hex')).toBe('d0cf11e0');
    // A WPS .et is read the same way (the same compound file); one conversion keeps the test short.
    const p = await previewRoster(core.ctx.db, xls);
    expect(p.rows.map((r) => [r.name, r.gender, r.birthDate, r.place])).toEqual([
      ['周海燕', '女', '1985-05-15', '青山县 / 石门镇 / 西沟村'],
    ]);
  });

  it('says how to convert when LibreOffice is not installed', async () => {
    const fake = path.join(dir, '旧表-无软件.xls');
    // A compound file header and a workbook stream name: what matters is that nothing can read it here.
    fs.writeFileSync(fake, Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(504), Buffer.from('Workbook', 'utf16le')]));
    process.env.ONEBAG_SOFFICE = 'none';
    try {
      await expect(previewRoster(core.ctx.db, fake)).rejects.toThrow(
        /本机未安装 LibreOffice，无法直接读取。请在 Excel 或 WPS 中打开该文件，“另存为” Excel 工作簿（\.xlsx）后再导入/,
      );
    } finally {
      delete process.env.ONEBAG_SOFFICE;
    }
  });
});
