/** 结果 order: groups as they first appear, each by rank (ties kept in order), unscored rows last. */
import { expect, it } from 'vitest';
import type { ResultRow } from '../../../shared/evaluation';
import { sortResults } from './resultsOrder';

const r = (name: string, group: string, total: number | null, rank: number | null) => ({ name, group, total, rank }) as ResultRow;

it('ranks within each group and puts the unscored at the end', () => {
  const rows = [
    r('甲', '柳河乡', 80, 2),
    r('乙', '石桥镇', 91, 1),
    r('丙', '柳河乡', null, null),
    r('丁', '柳河乡', 95, 1),
    r('戊', '石桥镇', 70, 3),
    r('己', '石桥镇', 85, 2),
    r('庚', '柳河乡', 80, 2),
    r('辛', '石桥镇', null, null),
  ];
  expect(sortResults(rows).map((x) => x.name)).toEqual(['丁', '甲', '庚', '乙', '己', '戊', '丙', '辛']);
  // the input is left as it was
  expect(rows[0]!.name).toBe('甲');
});
