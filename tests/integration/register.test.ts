/**
 * The printed monthly register (月考勤登记表), read back with poppler and qpdf: names and
 * totals are there, page counts are right for 8 and 40 cadres, headers repeat on page 2,
 * fonts are embedded subsets, the blank variant has names but no marks, and a certified
 * month prints the recorded secretary and date.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerPdf, writeRegisterPdf } from '../../main/dossier/register/registerPdf';
import { type Db } from '../../main/store/db';
import { AppError } from '../../shared/result';
import { certify } from './certifyFixture';
import { seedTownship, type SeededTownship } from './registerFixture';
import { closeTestDb, openTestDb } from '../fixtures/testDb';

let dir: string;
let db: Db;
let small: SeededTownship;
let big: SeededTownship;

const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8' });
/** Text of one page (or all), whitespace removed: CJK cells come out spaced by layout. */
const text = (file: string, page?: number) =>
  run('pdftotext', [...(page ? ['-f', String(page), '-l', String(page)] : []), file, '-']).replace(/\s+/g, '');
const pages = (file: string) => Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [file]))![1]);

async function write(t: SeededTownship, name: string, blank = false): Promise<string> {
  const file = path.join(dir, name);
  await writeRegisterPdf(db, { townshipId: t.townshipId, month: '2025-03', blank }, file);
  return file;
}

beforeAll(() => {
  ({ dir, db } = openTestDb('register'));
  small = seedTownship(db, 8, { township: '石门镇' });
  big = seedTownship(db, 40, { township: '柳河乡' });
});

afterAll(() => {
  closeTestDb(db, dir);
});

describe('register PDF', () => {
  it('prints 8 cadres on one landscape page with names, totals and the signature boxes', async () => {
    const file = await write(small, 'small.pdf');
    expect(pages(file)).toBe(1);
    expect(run('pdfinfo', [file])).toMatch(/rot 90|Page rot:\s+90/);
    const t = text(file);
    expect(t).toContain('选派干部月考勤登记表');
    expect(t).toContain('岚川县石门镇');
    expect(t).toContain('2025年3月');
    for (const c of small.cadres) expect(t).toContain(c.name);
    for (const label of ['村党组织书记确认', '乡镇党委书记签字', '乡镇党委（盖章）', '日期', '在岗', '请假', '备注']) {
      expect(t).toContain(label);
    }
    // row 2 took two days of 事假: 19 working days on post (rest days count only when marked,
    // the county default, and print 休), 2 on leave, short of 20, and says why
    const rows = run('pdftotext', ['-layout', file, '-']).split('\n');
    const row2 = rows.find((l) => l.includes(small.cadres[1]!.name))!;
    expect(row2.replace(/\s+/g, ' ')).toMatch(/ 19 2 事假2天，休息10天，/);
    expect(rows[rows.indexOf(row2) + 1]).toContain('未达20天');
    // the cadre who arrived on the 11th: 15 working days, a slash for the 10 days before
    const last = rows.find((l) => l.includes(small.cadres[7]!.name))!;
    expect(last.replace(/\s+/g, ' ')).toMatch(/ 15 0 休息6天，3月11日到$/);
    expect(rows[rows.indexOf(last) + 1]!.trim()).toBe('任');
    expect((last.match(/\//g) ?? []).length).toBe(10);
    expect(t).toContain('第1页共1页');
  });

  it('continues 40 cadres on a second page with the header repeated', async () => {
    const file = await write(big, 'big.pdf');
    expect(pages(file)).toBe(2);
    const all = text(file);
    for (const c of big.cadres) expect(all).toContain(c.name);
    const p1 = text(file, 1);
    const p2 = text(file, 2);
    expect(p2).toContain('柳河乡2025年3月选派干部月考勤登记表（续）');
    for (const h of ['序号', '姓名', '所在村/职务', '在岗', '请假', '天数', '备注']) {
      expect(p1).toContain(h);
      expect(p2).toContain(h);
    }
    // every cadre is on exactly one page, and the signature boxes close the last page
    const onP1 = big.cadres.filter((c) => p1.includes(c.name)).length;
    const onP2 = big.cadres.filter((c) => p2.includes(c.name)).length;
    expect(onP1 + onP2).toBe(40);
    expect(onP1).toBeGreaterThan(20);
    expect(p2).toContain('乡镇党委书记签字');
    expect(p1).not.toContain('乡镇党委书记签字');
    expect(p2).toContain('第2页共2页');
  });

  it('embeds subset fonts and passes qpdf --check', async () => {
    const file = await write(big, 'check.pdf');
    const fonts = run('pdffonts', [file]).split('\n').slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) {
      expect(f).toMatch(/^[A-Z]{6}\+/); // subset tag
      expect(f).toMatch(/\byes\s+yes\s+(yes|no)\s+\d+\s+\d+\s*$/); // emb yes, sub yes
    }
    expect(run('qpdf', ['--check', file])).toMatch(/No syntax or stream encoding errors/);
  });

  it('prints a blank register with the names but no marks or totals', async () => {
    const file = await write(small, 'blank.pdf', true);
    const t = text(file);
    for (const c of small.cadres) expect(t).toContain(c.name);
    expect(t.slice(0, t.indexOf('说明：'))).not.toMatch(/[√×]/);
    expect(t).not.toContain('事假2天');
    const row2 = run('pdftotext', ['-layout', file, '-'])
      .split('\n')
      .find((l) => l.includes(small.cadres[1]!.name))!;
    expect(row2.trim().endsWith('第一书记')).toBe(true);
  });

  it('prints the recorded secretary and date of a certified month', async () => {
    certify(db, small.townshipId, '2025-03', '2025-04-02', '周书记');
    const t = text(await write(small, 'certified.pdf'));
    expect(t).toContain('周书记（已签字认定）');
    // the fixture certifies on the first day after the month
    expect(t).toContain('2025年4月1日');
    expect(t).toContain('已认定');
    // the blank form of the same month stays blank
    expect(text(await write(small, 'certified-blank.pdf', true))).not.toContain('周书记');
  });

  it('refuses a bad month or an unknown township with a Chinese message', async () => {
    await expect(registerPdf(db, { townshipId: small.townshipId, month: '2025-13' })).rejects.toThrow(AppError);
    await expect(registerPdf(db, { townshipId: small.townshipId, month: '2025-13' })).rejects.toThrow('月份格式应为 YYYY-MM');
    await expect(registerPdf(db, { townshipId: 9999, month: '2025-03' })).rejects.toThrow(/所选乡镇不存在/);
  });
});
