/**
 * The printed register's totals add up from its printed marks (issue 13, truth first): read
 * back with `pdftotext -tsv`, each row's 在岗天数, 请假天数 and the 缺勤/休息 remarks are
 * recomputed from the day cells (a half-day cell prints two marks), for a month with
 * statutory holidays, weekends, a make-up workday, half days, leave and absences, with the
 * county counting rest days and not. An unmarked rest day prints 休, never √, unless rest
 * days count. The bundle page's month row adds up to the days of the month too.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setCells } from '../../main/core/attendance/grid';
import { setCountySettings } from '../../main/core/attendance/settings';
import { writeRegisterPdf } from '../../main/dossier/register/registerPdf';
import { readScope } from '../../main/exchange/indexHtml/data';
import { openDatabase, type Db } from '../../main/store/db';
import { certify } from './certifyFixture';
import { seedTownship, type SeededTownship } from './registerFixture';

const MONTH = '2024-05';
const TODAY = '2024-06-20';
let dir: string;
let db: Db;
let t: SeededTownship;

interface Word {
  x: number;
  top: number;
  text: string;
}

function words(file: string): Word[] {
  const tsv = execFileSync('pdftotext', ['-tsv', file, '-'], { encoding: 'utf8' });
  return tsv
    .split('\n')
    .slice(1)
    .map((l) => l.split('\t'))
    .filter((c) => c[0] === '5' && c[11] !== undefined && c[11].trim() !== '')
    .map((c) => ({ x: Number(c[6]) + Number(c[8]) / 2, top: Number(c[7]), text: c[11]!.trim() }));
}

interface PrintedRow {
  /** Day number → the marks printed in its cell, top to bottom. */
  cells: Map<number, string[]>;
  onPost: number;
  leave: number;
  remark: string;
}

/** The rows of the register as printed: day columns located by their header numbers. */
function printedRows(file: string, names: string[]): { rows: Map<string, PrintedRow>; headers: Map<number, string> } {
  const ws = words(file);
  const head = ws.find((w) => w.text === '序号')!;
  const cols = new Map<number, number>();
  const onPostX = ws.find((w) => w.text === '在岗' && Math.abs(w.top - head.top) < 2)!.x;
  const leaveX = ws.find((w) => w.text === '请假' && Math.abs(w.top - head.top) < 2)!.x;
  const remarkX = ws.find((w) => w.text === '备注')!.x;
  for (const w of ws) if (Math.abs(w.top - head.top) < 2 && /^\d+$/.test(w.text) && w.x < onPostX - 10) cols.set(Number(w.text), w.x);
  expect(cols.size).toBe(31);
  // the header's second line: 一…日, 休 (holiday) or 班 (make-up workday)
  const headers = new Map<number, string>();
  for (const [d, x] of cols) headers.set(d, ws.find((w) => w.top > head.top + 5 && w.top < head.top + 15 && Math.abs(w.x - x) < 4)!.text);
  const tops = names.map((n) => ws.find((w) => w.text === n)!.top);
  const legendTop = ws.find((w) => w.text.startsWith('说明'))!.top;
  const rows = new Map<string, PrintedRow>();
  names.forEach((name, i) => {
    const top = tops[i]! - 1;
    const bottom = (tops.filter((y) => y > tops[i]!).sort((a, b) => a - b)[0] ?? legendTop) - 1;
    const band = ws.filter((w) => w.top >= top && w.top < bottom).sort((a, b) => a.top - b.top);
    const cells = new Map<number, string[]>();
    for (const [d, x] of cols)
      cells.set(
        d,
        band.filter((w) => Math.abs(w.x - x) < 5).map((w) => w.text),
      );
    const num = (x: number) => Number(band.find((w) => Math.abs(w.x - x) < 12)!.text);
    const remark = band
      .filter((w) => w.x > remarkX - 45)
      .map((w) => w.text)
      .join('');
    rows.set(name, { cells, onPost: num(onPostX), leave: num(leaveX), remark });
  });
  return { rows, headers };
}

/** Days per mark, a two-mark cell being two halves. */
function tally(row: PrintedRow): Map<string, number> {
  const n = new Map<string, number>();
  for (const marks of row.cells.values()) {
    expect(marks.length).toBeLessThanOrEqual(2);
    for (const m of marks) n.set(m, (n.get(m) ?? 0) + (marks.length === 2 ? 0.5 : 1));
  }
  return n;
}

const fromRemark = (remark: string, word: string) => Number(new RegExp(`${word}([\\d.]+)天`).exec(remark)?.[1] ?? 0);

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onebag-register-totals-'));
  db = openDatabase(dir);
  t = seedTownship(db, 3, { month: MONTH, marks: false });
  const [a, b] = t.cadres;
  setCells(db, {
    townshipId: t.townshipId,
    month: MONTH,
    edits: [
      // a: leave, a half day of sick leave, an absence, an absence on a Sunday (rest), a worked
      // Saturday, a half-day trip on a Sunday, a trip on a Monday
      { cadreId: a!.id, date: '2024-05-06', code: '事假' },
      { cadreId: a!.id, date: '2024-05-07', code: '事假' },
      { cadreId: a!.id, date: '2024-05-08', code: '病假', half: '下' },
      { cadreId: a!.id, date: '2024-05-09', code: '缺勤' },
      { cadreId: a!.id, date: '2024-05-12', code: '缺勤' },
      { cadreId: a!.id, date: '2024-05-18', code: '在岗' },
      { cadreId: a!.id, date: '2024-05-19', code: '公出', half: '上' },
      { cadreId: a!.id, date: '2024-05-20', code: '公出' },
      // b: away from the 1st to the 12th (the May Day holiday, a make-up Saturday, weekends)
      ...Array.from({ length: 12 }, (_, i) => ({
        cadreId: b!.id,
        date: `2024-05-${String(i + 1).padStart(2, '0')}`,
        code: '缺勤' as const,
      })),
    ],
  });
  certify(db, t.townshipId, MONTH, TODAY);
});

afterAll(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the printed register adds up from its marks', () => {
  for (const restDaysCount of [false, true]) {
    it(`restDaysCount ${restDaysCount}: totals and remarks recomputed from the printed cells`, async () => {
      setCountySettings(db, t.countyId, { restDaysCount });
      const file = path.join(dir, `register-${restDaysCount}.pdf`);
      await writeRegisterPdf(db, { townshipId: t.townshipId, month: MONTH }, file);
      const names = t.cadres.map((c) => c.name);
      const { rows, headers } = printedRows(file, names);
      const restDays = [...headers].filter(([, h]) => h === '六' || h === '日' || h === '休').map(([d]) => d);
      expect(restDays.length).toBeGreaterThan(8);
      expect(headers.get(11)).toBe('班');

      for (const name of names) {
        const row = rows.get(name)!;
        const n = tally(row);
        const of = (m: string) => n.get(m) ?? 0;
        // 公出 counts as on post (the county default)
        expect(row.onPost, `${name} 在岗`).toBe(of('√') + of('出'));
        expect(row.leave, `${name} 请假`).toBe(of('事') + of('病') + of('公') + of('婚'));
        expect(fromRemark(row.remark, '缺勤'), `${name} 缺勤`).toBe(of('×'));
        expect(fromRemark(row.remark, '休息'), `${name} 休息`).toBe(of('休'));
        expect(fromRemark(row.remark, '公出'), `${name} 公出`).toBe(of('出'));
        // every day of the month is accounted for exactly once
        expect(of('/') + row.onPost + row.leave + of('×') + of('休')).toBe(31);
        if (restDaysCount) expect(of('休')).toBe(0);
        else {
          // an unmarked rest day never prints √; a worked rest day does
          for (const d of restDays) {
            const marks = row.cells.get(d)!;
            if (!(name === names[0] && (d === 18 || d === 19))) expect(marks.includes('√'), `${name} ${d}日`).toBe(false);
          }
        }
      }
      const a = rows.get(names[0]!)!;
      const b = rows.get(names[1]!)!;
      expect(a.cells.get(18)).toEqual(['√']);
      expect(a.cells.get(19)).toEqual(['出', restDaysCount ? '√' : '休']);
      expect(a.cells.get(8)).toEqual(['√', '病']);
      expect(a.cells.get(12)).toEqual([restDaysCount ? '×' : '休']);
      // b's twelve days away hold six working days (6th-11th, the 11th a make-up Saturday)
      expect(tally(b).get('×')).toBe(restDaysCount ? 12 : 6);
    });
  }

  it('the bundle page month adds up to the days of the month', () => {
    for (const restDaysCount of [false, true]) {
      setCountySettings(db, t.countyId, { restDaysCount });
      const scope = readScope(db, t.countyId, 2024, TODAY, false);
      for (const c of scope.cadres.filter((x) => x.detail.id !== t.cadres[2]!.id)) {
        const may = c.attendance.find((m) => m.month === MONTH)!;
        expect(may.certified).toBeTruthy();
        expect(may.onPost + may.leave + may.absent + may.rest).toBe(31);
        if (restDaysCount) expect(may.rest).toBe(0);
      }
    }
  });
});
