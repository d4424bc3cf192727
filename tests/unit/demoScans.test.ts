/**
 * The demo's scan images (main/demo/demoScans.ts) are assembled from bands encoded once: each must
 * still be an ordinary, complete image that independent decoders read (libjpeg through sharp with
 * warnings as errors, jpeg-js), pass the intake like a user's scan, carry its 100 dpi and comment,
 * come out the same for the same seed and differ in content between seeds.
 */
import { seededRandom } from '../../shared/random';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import jpeg from 'jpeg-js';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { writeScanJpeg, writeScanPng } from '../../main/demo/demoScans';
import { inspectFile } from '../../main/files/inspect';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onebag-scans-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const decodeStrict = (file: string) => sharp(file, { failOn: 'warning' }).raw().toBuffer({ resolveWithObject: true });

describe('demo scans', () => {
  it('a sealed register scan is a complete A4 JPEG at 100 dpi with its comment and a red seal', async () => {
    const file = path.join(dir, 'register.jpg');
    writeScanJpeg(file, 'sealedRegister', seededRandom(7), 'OneBag demo register test');
    const bytes = fs.readFileSync(file);
    const { data, info } = await decodeStrict(file);
    expect([info.width, info.height, info.channels]).toEqual([827, 1169, 3]);
    expect((await sharp(file).metadata()).density).toBe(100);
    expect(jpeg.decode(bytes, { useTArray: true }).comments).toEqual(['OneBag demo register test']);
    let red = 0;
    for (let i = 0; i < data.length; i += 3) if (data[i]! > 150 && data[i + 1]! < 110 && data[i + 2]! < 110) red++;
    expect(red).toBeGreaterThan(2000); // the seal ring
    expect(await inspectFile(file, '考勤表签章扫描件.jpg')).toMatchObject({ kind: 'jpeg', width: 827, height: 1169, orientation: 1 });
  });

  it('a work-log scan is grayscale; the ledger is an RGB PNG; both read back whole', async () => {
    const log = path.join(dir, 'log.jpg');
    writeScanJpeg(log, 'worklog', seededRandom(8), 'log');
    expect((await decodeStrict(log)).info).toMatchObject({ width: 827, height: 1169 });
    expect(await sharp(log).metadata()).toMatchObject({ channels: 1, space: 'b-w', density: 100 });
    const ledger = path.join(dir, 'ledger.png');
    writeScanPng(ledger, 'ledger', seededRandom(9));
    expect((await decodeStrict(ledger)).info).toMatchObject({ width: 827, height: 1169, channels: 3 });
    expect(await inspectFile(ledger, '户情登记表.png')).toMatchObject({ kind: 'png', width: 827, height: 1169 });
  });

  it('the same seed gives the same bytes; other seeds give other pages, not only another comment', async () => {
    const a = path.join(dir, 'a.jpg');
    const b = path.join(dir, 'b.jpg');
    const c = path.join(dir, 'c.jpg');
    writeScanJpeg(a, 'worklog', seededRandom(11), 'same');
    writeScanJpeg(b, 'worklog', seededRandom(11), 'same');
    writeScanJpeg(c, 'worklog', seededRandom(12), 'same');
    expect(fs.readFileSync(a).equals(fs.readFileSync(b))).toBe(true);
    const [pa, pc] = await Promise.all([decodeStrict(a), decodeStrict(c)]);
    let differing = 0;
    for (let i = 0; i < pa.data.length; i++) if (Math.abs(pa.data[i]! - pc.data[i]!) > 40) differing++;
    expect(differing).toBeGreaterThan(5000);
  });
});
