/** One size format for the screens, the command line and main/'s messages (shared/fileSize.ts). */
import { describe, expect, it } from 'vitest';
import { formatSize } from '../../shared/fileSize';

describe('formatSize', () => {
  it.each([
    [0, '0 字节'],
    [1023, '1023 字节'],
    [1024, '1 KB'],
    [1536, '1.5 KB'],
    [2048, '2 KB'],
    [2100, '2.1 KB'],
    [1024 * 1024, '1 MB'],
    [734.25 * 1024 * 1024, '734.3 MB'],
    [256 * 1024 * 1024, '256 MB'],
    [1.5 * 1024 ** 3, '1.5 GB'],
    [2 * 1024 ** 3, '2 GB'],
  ])('%d bytes → %s', (bytes, text) => {
    expect(formatSize(bytes)).toBe(text);
  });
});
