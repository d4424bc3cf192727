/**
 * addMaterials (main/core/bag/bag.ts): several materials for several cadres filed as one batch,
 * all or nothing: one refused file files nothing and publishes nothing; a good batch publishes
 * every original once, writes every row, search entry and audit entry in one transaction. Files
 * made here (stageMadeHere, fileStagedMadeHere) go in the same way whether in memory or written to disk.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMaterials, listMaterials } from '../../main/core/bag/bag';
import { fileStagedMadeHere, type MadeHereMaterial } from '../../main/core/bag/madeHere';
import { stageMadeHere } from '../../main/files/madeHere';
import type { FileFacts } from '../../main/files/inspect';
import type { BlobStore } from '../../main/files/blobStore';
import type { Db } from '../../main/store/db';
import { materialInput, openBagFolder, type BagFolder } from '../fixtures/bagFolder';
import { AppError } from '../../shared/result';
import { jpegWithExif, pdfLibPdf } from '../fixtures/makeFiles';

let bag: BagFolder;
let dir: string;
let db: Db;
let blobs: BlobStore;
let zhang: number;
let li: number;
const write = (name: string, bytes: Buffer | Uint8Array) => bag.write(name, bytes);
const blobFiles = () => bag.blobFiles();
const count = (sql: string) => db.prepare(sql).pluck().get() as number;

beforeAll(() => {
  bag = openBagFolder('onebag-bagbatch-');
  ({ dir, db, blobs, zhang, li } = bag);
});
afterAll(() => bag.close());

describe('addMaterials', () => {
  it('one refused file files nothing of the batch and publishes no blob', async () => {
    const good = write('good.jpg', jpegWithExif(64, 48, 1));
    const whole = jpegWithExif(64, 48, 1);
    const cut = write('cut.jpg', whole.subarray(0, Math.floor(whole.length * 0.6)));
    const err = await addMaterials(db, blobs, [
      { cadreId: zhang, input: materialInput({ title: '好' }), files: [good] },
      { cadreId: li, input: materialInput({ title: '坏' }), files: [cut] },
    ]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).message).toMatch(/「cut\.jpg」.*无法归档/);
    expect(count('SELECT COUNT(*) FROM materials')).toBe(0);
    expect(blobFiles()).toEqual([]); // nothing published, and no temp copy left behind
  });

  it('files materials of several cadres in order, each file once, with search and audit entries', async () => {
    const pdf = write('会议记录.pdf', await pdfLibPdf(2));
    const jpg = write('扫描件.jpg', jpegWithExif(80, 60, 6));
    const again = write('扫描件副本.jpg', fs.readFileSync(jpg.path)); // same content as jpg
    const auditBefore = count("SELECT COUNT(*) FROM audit_log WHERE action = 'attach'");
    const ids = await addMaterials(db, blobs, [
      { cadreId: zhang, input: materialInput({ title: '会议记录' }), files: [pdf] },
      { cadreId: li, input: materialInput({ title: '扫描件' }), files: [jpg, again] },
      { cadreId: zhang, input: materialInput({ title: '第二份' }), files: [again] },
    ]);
    expect(ids).toHaveLength(3);
    expect(ids[0]! < ids[1]! && ids[1]! < ids[2]!).toBe(true);
    expect(
      listMaterials(db, zhang)
        .map((m) => m.title)
        .sort(),
    ).toEqual(['会议记录', '第二份'].sort());
    const scan = listMaterials(db, li)[0]!;
    expect(scan.files.map((f) => [f.originalName, f.kind, f.width, f.orientation])).toEqual([
      ['扫描件.jpg', 'jpeg', 80, 6],
      ['扫描件副本.jpg', 'jpeg', 80, 6],
    ]);
    expect(blobFiles().filter((n) => !n.includes('-'))).toHaveLength(2); // the PDF and the one JPEG content
    expect(fs.readdirSync(path.join(dir, 'blobs', 'tmp'))).toEqual([]);
    expect(count("SELECT COUNT(*) FROM audit_log WHERE action = 'attach'") - auditBefore).toBe(3);
    expect(count('SELECT COUNT(*) FROM material_fts')).toBe(3);
  });

  it('files made here go in alike from memory and from disk: one blob, its bytes, no temp copy', async () => {
    const bytes = jpegWithExif(40, 30, 1);
    const facts: FileFacts = {
      kind: 'jpeg',
      mime: 'image/jpeg',
      size: bytes.length,
      pageCount: null,
      width: 40,
      height: 30,
      orientation: 1,
      flags: [],
      notice: null,
    };
    const onDisk = write('内存扫描件.jpg', bytes);
    const blobsBefore = blobFiles().length;
    const items: MadeHereMaterial[] = [
      {
        cadreId: zhang,
        input: materialInput({ title: '内存中的扫描件' }),
        files: [{ madeHere: true, bytes, name: '内存扫描件.jpg', facts }],
      },
      {
        cadreId: li,
        input: materialInput({ title: '磁盘上的扫描件' }),
        files: [{ madeHere: true, path: onDisk.path, name: onDisk.name, facts }],
      },
    ];
    const ids = await fileStagedMadeHere(
      db,
      blobs,
      items,
      await stageMadeHere(
        blobs,
        items.flatMap((i) => i.files),
      ),
    );
    const [fromMemory, fromDisk] = ids.map((id) => db.prepare('SELECT sha256 FROM material_files WHERE material_id = ?').pluck().get(id));
    expect(fromMemory).toBe(crypto.createHash('sha256').update(bytes).digest('hex'));
    expect(fromDisk).toBe(fromMemory);
    expect(fs.readFileSync(blobs.pathOf(fromMemory as string)).equals(bytes)).toBe(true);
    expect(blobFiles().length - blobsBefore).toBe(1);
    expect(fs.readdirSync(path.join(dir, 'blobs', 'tmp'))).toEqual([]);
  });

  it('refuses an unknown cadre before reading any file', async () => {
    const f = write('x.jpg', jpegWithExif(16, 16, 1));
    await expect(addMaterials(db, blobs, [{ cadreId: 99_999, input: materialInput({ title: '无' }), files: [f] }])).rejects.toThrow(
      '该干部不存在或已被删除',
    );
  });
});
