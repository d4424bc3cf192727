/** A log entry as running text (pure): only the filled parts, labelled, in table order. */
import { describe, expect, it } from 'vitest';
import { entryText } from './entryText';

const full = { place: '村部', persons: '张三户', situation: '了解种植情况', difficulties: '缺水', followUp: '协调水泵' };

describe('entryText', () => {
  it('labels each filled part and keeps table order', () => {
    expect(entryText(full, { separator: '\n', place: true })).toBe(
      '地点：村部\n走访对象：张三户\n了解种植情况\n困难：缺水\n下步打算：协调水泵',
    );
  });
  it('leaves out blank parts, and the place where it is shown on its own', () => {
    expect(entryText({ ...full, persons: '', difficulties: '' }, { separator: '　', place: false })).toBe(
      '了解种植情况　下步打算：协调水泵',
    );
    expect(entryText({ place: '', persons: '', situation: '', difficulties: '', followUp: '' }, { separator: '\n', place: true })).toBe('');
  });
});
