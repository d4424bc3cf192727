import { describe, expect, it } from 'vitest';
import { checkIdNumber, idCheckChar, maskIdNumber } from '../../shared/idNumber';
import { makeIdNumber } from '../fixtures/makeRoster';

// The worked example of GB 11643-1999: a woman born 1949-12-31, check character X.
const SAMPLE = '11010519491231002X';

describe('checkIdNumber', () => {
  it('accepts a valid number and reads birth date and gender from it', () => {
    expect(checkIdNumber(SAMPLE)).toEqual({ valid: true, normalized: SAMPLE, birthDate: '1949-12-31', gender: '女' });
    const male = makeIdNumber('130702', '1985-03-01', 4, true);
    expect(checkIdNumber(male)).toMatchObject({ valid: true, birthDate: '1985-03-01', gender: '男' });
  });

  it('accepts a lowercase x and surrounding spaces, normalising to uppercase', () => {
    expect(checkIdNumber(' 11010519491231002x ')).toMatchObject({ valid: true, normalized: SAMPLE });
  });

  it('explains a wrong check character, naming the right one', () => {
    expect(checkIdNumber('110105194912310021')).toEqual({ valid: false, reason: '身份证号校验位错误（应为X）' });
  });

  it('catches every single-digit typo through the check character', () => {
    const id = makeIdNumber('130702', '1990-07-15', 12, false);
    for (let i = 0; i < 17; i++) {
      for (let d = 0; d <= 9; d++) {
        if (String(d) === id[i]) continue;
        const typo = id.slice(0, i) + d + id.slice(i + 1);
        expect(checkIdNumber(typo).valid, `typo at position ${i + 1}: ${typo}`).toBe(false);
      }
    }
  });

  it('gives Chinese reasons for wrong length, bad characters and impossible birth dates', () => {
    expect(checkIdNumber('11010519491231002')).toEqual({ valid: false, reason: '身份证号应为18位，实际为17位' });
    expect(checkIdNumber('1101051949123100A2')).toEqual({ valid: false, reason: '身份证号只能由数字和末位X组成' });
    const feb30 = '11010519490230002';
    expect(checkIdNumber(feb30 + idCheckChar(feb30))).toEqual({ valid: false, reason: '身份证号中的出生日期无效' });
  });
});

describe('maskIdNumber', () => {
  it('keeps the region code and the last four characters only', () => {
    expect(maskIdNumber(SAMPLE)).toBe('110105********002X');
    expect(maskIdNumber(SAMPLE)).not.toContain('19491231');
  });
});
