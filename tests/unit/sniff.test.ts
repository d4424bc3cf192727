import { describe, expect, it } from 'vitest';
import { detectKind, type RandomAccess } from '../../main/files/sniff';
import { docx, jpegWithExif, ofd, ole2, pdfLibPdf, png, tiff, xlsx, zip } from '../fixtures/makeFiles';

const whole = (buf: Buffer): RandomAccess => ({ size: buf.length, read: (o, l) => buf.subarray(o, o + l) });
const kindOf = (buf: Buffer, withFile = true) => detectKind(buf.subarray(0, 64 * 1024), withFile ? whole(buf) : undefined)?.kind ?? null;

describe('detectKind', () => {
  it('recognises PDF, also with junk before %PDF', async () => {
    const pdf = await pdfLibPdf(1);
    expect(detectKind(pdf)).toEqual({ kind: 'pdf', mime: 'application/pdf' });
    expect(kindOf(Buffer.concat([Buffer.alloc(700, 0x41), pdf]))).toBe('pdf');
    expect(kindOf(Buffer.concat([Buffer.alloc(2000, 0x00), pdf]))).toBe(null);
  });

  it('recognises images by their signatures', () => {
    expect(kindOf(jpegWithExif(8, 8, 6))).toBe('jpeg');
    expect(kindOf(png(4, 4))).toBe('png');
    expect(kindOf(tiff(4, 4, 1))).toBe('tiff');
    const mm = Buffer.from([0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8]);
    expect(kindOf(mm)).toBe('tiff');
  });

  it('tells DOCX, XLSX and OFD apart by the zip entries', async () => {
    expect(kindOf(await docx())).toBe('docx');
    expect(kindOf(await xlsx())).toBe('xlsx');
    expect(kindOf(ofd())).toBe('ofd');
    expect(kindOf(ofd(), false)).toBe('ofd');
    expect(kindOf(zip({ 'readme.txt': 'hello' }))).toBe(null);
  });

  it('finds word/ in the central directory when the head holds only other entries', () => {
    const big = zip({ '[Content_Types].xml': Buffer.alloc(200_000, 0x20), 'word/document.xml': '<w/>' });
    expect(kindOf(big, false)).toBe(null);
    expect(kindOf(big)).toBe('docx');
  });

  it('tells DOC from XLS by the stream names, following the directory chain', () => {
    expect(kindOf(ole2('WordDocument'))).toBe('doc');
    expect(kindOf(ole2('Workbook'))).toBe('xls');
    expect(kindOf(ole2('Book'))).toBe('xls');
    const far = ole2('Workbook', 200);
    expect(far.length).toBeGreaterThan(64 * 1024);
    expect(kindOf(far)).toBe('xls');
    expect(kindOf(far, false)).toBe('doc'); // unknown stream names default to doc
  });

  it('accepts UTF-8 and GB18030 text, refuses binary', () => {
    expect(kindOf(Buffer.from('选派干部工作日志\r\n2024年3月1日 走访农户\n'))).toBe('text');
    expect(kindOf(Buffer.from(new TextEncoder().encode('会议记录')).subarray(0, 10))).toBe('text'); // cut inside a character
    expect(kindOf(Buffer.from([0xbb, 0xe1, 0xd2, 0xe9, 0xbc, 0xc7, 0xc2, 0xbc, 0x0d, 0x0a]))).toBe('text'); // 会议记录 in GBK
    expect(kindOf(Buffer.from([0x68, 0x69, 0x00, 0x01, 0x02]))).toBe(null);
    expect(kindOf(Buffer.alloc(0))).toBe(null);
  });
});
