import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addMaterial,
  findDuplicate,
  getMaterial,
  listMaterials,
  removeMaterial,
  searchMaterials,
  updateMaterial,
} from '../../main/core/bag/bag';
import type { BlobStore } from '../../main/files/blobStore';
import type { Db } from '../../main/store/db';
import type { MaterialInput } from '../../shared/api/bag';
import { materialInput, openBagFolder, type BagFolder } from '../fixtures/bagFolder';
import { jpegWithExif, pdfLibPdf, pdfkitPdf } from '../fixtures/makeFiles';

let bag: BagFolder;
let dir: string;
let db: Db;
let blobs: BlobStore;
let zhang: number;
let li: number;
const write = (name: string, bytes: Buffer | Uint8Array) => bag.write(name, bytes);
const blobFiles = () => bag.blobFiles();

beforeAll(() => {
  bag = openBagFolder('onebag-bag-');
  ({ dir, db, blobs, zhang, li } = bag);
});
afterAll(() => bag.close());

describe('the bag', () => {
  let minutesId: number;

  it('files a material with two files in one go', async () => {
    const pdf = write('村两委会议记录.pdf', await pdfkitPdf(3));
    const photo = write('会场照片.jpg', jpegWithExif(64, 48, 6));
    const m = await addMaterial(
      db,
      blobs,
      zhang,
      materialInput({
        category: '会议记录',
        title: '村两委扩大会议记录',
        date: '2024-03-05',
        responsible: '王村支书',
        notes: '研究产业发展',
      }),
      [pdf, photo],
    );
    minutesId = m.id;
    expect(m).toMatchObject({ cadreId: zhang, category: '会议记录', title: '村两委扩大会议记录', date: '2024-03-05', year: 2024 });
    expect(m.files.map((f) => [f.originalName, f.kind, f.pageCount, f.orientation])).toEqual([
      ['村两委会议记录.pdf', 'pdf', 3, null],
      ['会场照片.jpg', 'jpeg', null, 6],
    ]);
    expect(m.files[1]).toMatchObject({ width: 64, height: 48, mime: 'image/jpeg' });
    // Stored under blobs/ab/cdef…, read-only, byte for byte.
    const stored = blobs.pathOf(m.files[0]!.sha256);
    expect(path.relative(path.join(dir, 'blobs'), stored)).toBe(path.join(m.files[0]!.sha256.slice(0, 2), m.files[0]!.sha256.slice(2)));
    expect(fs.readFileSync(stored).equals(fs.readFileSync(pdf.path))).toBe(true);
    if (process.platform !== 'win32') expect(fs.statSync(stored).mode & 0o222).toBe(0);
    expect(db.prepare("SELECT action, entity, entity_id FROM audit_log WHERE entity = 'material'").all()).toEqual([
      { action: 'attach', entity: 'material', entity_id: m.id },
    ]);
  });

  it('stores the same content once and says where it is already filed', async () => {
    const before = blobFiles().length;
    const copy = write('会议记录-副本.pdf', fs.readFileSync(path.join(dir, 'in', '村两委会议记录.pdf')));
    const m = await addMaterial(db, blobs, li, materialInput({ title: '转来的会议记录' }), [copy]);
    expect(blobFiles().length).toBe(before);
    expect(db.prepare('SELECT COUNT(*) FROM blobs').pluck().get()).toBe(2);
    expect(findDuplicate(db, m.files[0]!.sha256, zhang)).toMatchObject({
      materialTitle: '村两委扩大会议记录',
      cadreName: '张三',
      filedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
    });
    expect(findDuplicate(db, m.files[0]!.sha256, li)).toMatchObject({
      materialTitle: '转来的会议记录',
      cadreName: '李四',
      filedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
    });
    expect(findDuplicate(db, 'f'.repeat(64))).toBeNull();
  });

  it('lists in the archive order: category, then date, undated last; filtered by year', async () => {
    const one = async (category: MaterialInput['category'], title: string, date: string | null, year = 2024) =>
      addMaterial(db, blobs, zhang, materialInput({ category, title, date, year }), [write(`${title}.pdf`, await pdfLibPdf(1))]);
    await one('工作总结', '上半年工作总结', '2024-07-01');
    await one('调研报告', '产业调研报告', '2024-05-01');
    await one('调研报告', '无日期调研', null);
    await one('调研报告', '早期调研', '2024-02-01');
    await one('调研报告', '去年的调研', '2023-06-01', 2023);
    const titles = listMaterials(db, zhang, 2024).map((m) => m.title);
    expect(titles).toEqual(['早期调研', '产业调研报告', '无日期调研', '村两委扩大会议记录', '上半年工作总结']);
    expect(listMaterials(db, zhang).length).toBe(6);
    expect(listMaterials(db, zhang, 2023).map((m) => m.title)).toEqual(['去年的调研']);
  });

  it('finds two-character Chinese words in titles and notes', () => {
    const titles = (q: string) =>
      searchMaterials(db, q, 50)
        .map((m) => m.title)
        .sort();
    expect(titles('会议')).toEqual(['村两委扩大会议记录', '转来的会议记录'].sort());
    expect(titles('调研')).toEqual(['产业调研报告', '去年的调研', '早期调研', '无日期调研'].sort());
    expect(titles('产业')).toEqual(['产业调研报告', '村两委扩大会议记录']); // the latter through its notes
    expect(titles('扩大会议')).toEqual(['村两委扩大会议记录']);
    expect(titles('王村支书')).toEqual(['村两委扩大会议记录']); // responsible
    expect(titles('会场照片')).toEqual(['村两委扩大会议记录']); // file name
    expect(titles('扶贫')).toEqual([]);
    // Query syntax typed by users is plain text: quotes and brackets vanish, OR is a word to find.
    expect(titles('"会议" (')).toEqual(['村两委扩大会议记录', '转来的会议记录'].sort());
    expect(titles('会议 OR 调研')).toEqual([]);
    const hit = searchMaterials(db, '转来', 10)[0]!;
    expect(hit).toMatchObject({ cadreName: '李四', cadreId: li });
    expect(hit.files).toHaveLength(1);
    expect(searchMaterials(db, '调研', 2)).toHaveLength(2);
  });

  it('reindexes on update', () => {
    const m = updateMaterial(
      db,
      minutesId,
      materialInput({ category: '会议记录', title: '精准扶贫推进会', date: '2024-03-05', notes: '脱贫攻坚' }),
    );
    expect(m.title).toBe('精准扶贫推进会');
    expect(m.files).toHaveLength(2);
    expect(searchMaterials(db, '扶贫', 10).map((x) => x.id)).toEqual([minutesId]);
    expect(searchMaterials(db, '攻坚', 10).map((x) => x.id)).toEqual([minutesId]);
    expect(searchMaterials(db, '扩大', 10)).toEqual([]);
    expect(() => updateMaterial(db, 99_999, materialInput({}))).toThrow('该材料不存在');
  });

  it('removes the record, keeps the shared blobs', () => {
    const sha = getMaterial(db, minutesId).files[0]!.sha256;
    removeMaterial(db, minutesId);
    expect(() => getMaterial(db, minutesId)).toThrow('该材料不存在');
    expect(searchMaterials(db, '扶贫', 10)).toEqual([]);
    expect(db.prepare('SELECT COUNT(*) FROM material_files WHERE material_id = ?').pluck().get(minutesId)).toBe(0);
    expect(blobs.has(sha)).toBe(true);
    expect(findDuplicate(db, sha)).toMatchObject({
      materialTitle: '转来的会议记录',
      cadreName: '李四',
      filedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
    });
    expect(db.prepare('SELECT action FROM audit_log WHERE entity_id = ? ORDER BY id').pluck().all(minutesId)).toEqual([
      'attach',
      'update',
      'delete',
    ]);
  });

  it('refuses an unknown cadre before touching any file', async () => {
    const f = write('x.pdf', await pdfLibPdf(1));
    await expect(addMaterial(db, blobs, 424242, materialInput({}), [f])).rejects.toThrow('该干部不存在');
  });
});
