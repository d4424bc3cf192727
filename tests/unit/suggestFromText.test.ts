import { describe, expect, it } from 'vitest';
import { suggestFromText } from '../../shared/suggestFromText';

const NOTICE = [
  '中共岚川县委组织部',
  '岚组发〔2025〕12号',
  '关于做好2025年度选派干部考核工作的通知',
  '各乡镇党委：',
  '为做好选派干部年度考核工作，现将有关事项通知如下。',
  '中共岚川县委组织部',
  '2025年11月20日',
].join('\n');

describe('intake suggestions from a page’s text', () => {
  it('finds title, document number, 落款 unit and date of a notice', () => {
    expect(suggestFromText(NOTICE)).toEqual({
      title: '关于做好2025年度选派干部考核工作的通知',
      docNumber: '岚组发〔2025〕12号',
      date: '2025-11-20',
      responsible: '中共岚川县委组织部',
    });
  });

  it('reads a date written in Chinese numerals and a recognised 【】 number', () => {
    const s = suggestFromText('青石镇驻村工作队\n县组字【2024】3号\n第三季度驻村工作情况汇报\n……\n青石镇驻村工作队\n二〇二五年九月三十日');
    expect(s.date).toBe('2025-09-30');
    expect(s.docNumber).toBe('县组字〔2024〕3号');
    expect(s.title).toBe('第三季度驻村工作情况汇报');
    expect(s.responsible).toBe('青石镇驻村工作队');
  });

  it('suggests nothing it cannot find', () => {
    expect(suggestFromText('今天天气很好')).toEqual({ title: null, docNumber: null, date: null, responsible: null });
  });
});
