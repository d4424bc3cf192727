/** The durable-file toolkit on real files: what it publishes, and that a failure publishes nothing. */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  copyDurably,
  linkOrCopyDurablySync,
  sha256File,
  sha256FileSync,
  writeFileDurably,
  writeFileDurablySync,
} from '../../main/files/durableFiles';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onebag-durable-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const sha = (b: Buffer | string) => crypto.createHash('sha256').update(b).digest('hex');

describe('durable writes', () => {
  it('replace a file whole, with the mode asked for, and leave no temp file', async () => {
    const dest = path.join(dir, 'open-onebag.html');
    fs.writeFileSync(dest, 'old');
    writeFileDurablySync(dest, '新的内容', { mode: 0o600 });
    expect(fs.readFileSync(dest, 'utf8')).toBe('新的内容');
    if (process.platform !== 'win32') expect(fs.statSync(dest).mode & 0o777).toBe(0o600);
    await writeFileDurably(dest, Buffer.from([1, 2, 3]));
    expect([...fs.readFileSync(dest)]).toEqual([1, 2, 3]);
    expect(fs.readdirSync(dir)).toEqual(['open-onebag.html']);
  });

  it('fail without touching the destination when the rename cannot happen', async () => {
    const dest = path.join(dir, 'taken');
    fs.mkdirSync(path.join(dest, 'inside'), { recursive: true }); // a non-empty folder is in the way
    expect(() => writeFileDurablySync(dest, 'x')).toThrow();
    await expect(writeFileDurably(dest, 'x')).rejects.toThrow();
    expect(fs.readdirSync(dir)).toEqual(['taken']);
    expect(fs.readdirSync(dest)).toEqual(['inside']);
  });
});

describe('durable copies', () => {
  it('hash what they copy, and publish nothing when the hash is not the expected one', async () => {
    const src = path.join(dir, 'src.bin');
    const bytes = crypto.randomBytes(1024 * 1024 + 17); // more than one read chunk
    fs.writeFileSync(src, bytes);
    expect(sha256FileSync(src)).toEqual({ sha256: sha(bytes), size: bytes.length });
    expect(await sha256File(src)).toEqual({ sha256: sha(bytes), size: bytes.length });

    const copy = path.join(dir, 'pool', 'ab', 'copy');
    expect(await copyDurably(src, copy, { expectSha256: sha('other') })).toMatchObject({ ok: false, sha256: sha(bytes) });
    expect(fs.readdirSync(path.dirname(copy))).toEqual([]);
    expect(await copyDurably(src, copy, { expectSha256: sha(bytes) })).toEqual({ ok: true, sha256: sha(bytes), size: bytes.length });
    expect(fs.readFileSync(copy).equals(bytes)).toBe(true);

    const linked = path.join(dir, 'pool', 'cd', 'linked');
    expect(linkOrCopyDurablySync(src, linked, sha('other'))).toBe(false);
    expect(fs.readdirSync(path.dirname(linked))).toEqual([]);
    expect(linkOrCopyDurablySync(src, linked, sha(bytes))).toBe(true);
    expect(fs.readFileSync(linked).equals(bytes)).toBe(true);
  });
});
