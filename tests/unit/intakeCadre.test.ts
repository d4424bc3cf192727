import { describe, expect, it } from 'vitest';
import { guessCadre, suggestResponsible } from '../../shared/intakeCadre';

const CADRES = [
  { id: 1, name: '王建国' },
  { id: 2, name: '李秀英' },
  { id: 3, name: '王建' },
  { id: 4, name: '张伟' },
  { id: 5, name: '张伟' },
];

describe('whose bag a file name points to', () => {
  it.each([
    ['王建国2025年第三季度驻村工作汇报.pdf', 1],
    ['D:\\资料\\李 秀 英-工作日志.docx', 2],
    ['2025年3月王建走访记录.jpg', 3],
    ['张伟工作总结.pdf', null], // two cadres named 张伟: the clerk picks
    ['村委会议照片.png', null],
  ])('%s', (name, id) => {
    expect(guessCadre(name, CADRES)).toBe(id);
  });
});

describe('责任者 from the posting', () => {
  it('names the 派出单位, else the village or township, else the cadre alone', () => {
    expect(suggestResponsible({ name: '王建国', unitName: '县财政局', village: '东村' })).toBe('王建国（县财政局）');
    expect(suggestResponsible({ name: '李秀英', unitName: null, village: '东村', township: '柳河乡' })).toBe('李秀英（驻东村）');
    expect(suggestResponsible({ name: '张伟', unitName: null, village: null, township: '柳河乡' })).toBe('张伟（驻柳河乡）');
    expect(suggestResponsible({ name: '赵磊', unitName: null })).toBe('赵磊');
  });
});
