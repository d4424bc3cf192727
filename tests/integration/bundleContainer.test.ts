/**
 * The .onebag container end to end over real files: department keys in a real database,
 * writeBundle → verifyBundle → readEntry/extractEntry, what other zip readers make of it,
 * progress, cancel and failure leaving nothing behind, and trust decisions.
 */
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeTestDb } from '../fixtures/testDb';
import { verifyBundle, writeBundle, type BundleEntryInput } from '../../main/exchange/bundle/container';
import { crc32, crc32Table } from '../../main/files/crc32';
import {
  departmentKey,
  fingerprintOf,
  listTrustedKeys,
  revokeTrust,
  setDepartmentName,
  trustedPublicKey,
  trustKey,
  verifySignature,
} from '../../main/exchange/bundle/keys';
import { openDatabase, type Db } from '../../main/store/db';
import { expectAppError, expectAppErrorAsync } from '../fixtures/appError';
import { testSigner } from '../fixtures/hostileZip';

let tmp: string;
let db: Db;
const sha = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'onebag-bundle-'));
  db = openDatabase(path.join(tmp, 'data'));
});
afterAll(() => {
  closeTestDb(db, tmp);
});

describe('department key', () => {
  it('is generated once, stored in settings, audited, and named after the first county', () => {
    const a = departmentKey(db);
    expect(a.name).toBe('OneBag');
    expect(a.fingerprint).toMatch(/^[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}$/);
    expect(a.fingerprint).toBe(fingerprintOf(a.publicKey));
    expect(Buffer.from(a.publicKey, 'base64')).toHaveLength(32);
    db.prepare(`INSERT INTO counties (name, kind) VALUES ('蒲县', '县')`).run();
    const b = departmentKey(db);
    expect(b.publicKey).toBe(a.publicKey);
    expect(b.name).toBe('蒲县委组织部');
    const sig = b.sign(Buffer.from('清单'));
    expect(verifySignature(a.publicKey, Buffer.from('清单'), sig.toString('base64'))).toBe(true);
    expect(verifySignature(a.publicKey, Buffer.from('清单!'), sig.toString('base64'))).toBe(false);

    const created = db.prepare(`SELECT detail FROM audit_log WHERE entity = 'signing_key'`).all() as Array<{ detail: string }>;
    expect(created).toHaveLength(1);
    expect(created[0]!.detail).toContain(a.fingerprint);
    const settings = db.prepare(`SELECT key, value FROM settings WHERE key LIKE 'signingKey%'`).all() as Array<{
      key: string;
      value: string;
    }>;
    expect(settings.find((s) => s.key === 'signingKeyPrivate')!.value).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    const everything = JSON.stringify(db.prepare('SELECT * FROM audit_log').all());
    expect(everything).not.toContain('PRIVATE KEY');

    setDepartmentName(db, ' 临汾市蒲县委组织部 ');
    expect(departmentKey(db).name).toBe('临汾市蒲县委组织部');
    expectAppError(() => setDepartmentName(db, '  '), { code: 'INVALID_INPUT' });
  });

  it('trusts a key only when the fingerprint matches it, and revokes with an audit entry', () => {
    const peer = testSigner('乡宁县委组织部');
    expectAppError(() => trustKey(db, { fingerprint: testSigner().fingerprint, publicKey: peer.publicKey, name: '乡宁县委组织部' }), {
      code: 'INVALID_INPUT',
      message: /与公钥不符/,
    });
    expectAppError(() => trustKey(db, { fingerprint: peer.fingerprint, publicKey: 'AAAA', name: 'x' }), { code: 'INVALID_INPUT' });
    expect(trustedPublicKey(db, peer.fingerprint)).toBeNull();
    trustKey(db, { fingerprint: peer.fingerprint, publicKey: peer.publicKey, name: '乡宁县委组织部' });
    expect(trustedPublicKey(db, peer.fingerprint)).toBe(peer.publicKey);
    const revoked = revokeTrust(db, peer.fingerprint);
    expect(revoked.revokedAt).not.toBeNull();
    expect(trustedPublicKey(db, peer.fingerprint)).toBeNull();
    expect(listTrustedKeys(db).map((k) => [k.name, k.revokedAt !== null])).toEqual([['乡宁县委组织部', true]]);
    expectAppError(() => revokeTrust(db, 'FFFF-FFFF-FFFF-FFFF'), { code: 'NOT_FOUND' });
    const actions = db.prepare(`SELECT action FROM audit_log WHERE entity = 'trusted_key' ORDER BY id`).pluck().all();
    expect(actions).toEqual(['create', 'revoke']);
  });
});

describe('write, verify, read back', () => {
  let src: string;
  let big: Buffer;
  let entries: BundleEntryInput[];
  const records = Buffer.from(JSON.stringify({ 干部: Array.from({ length: 2000 }, (_, i) => ({ 姓名: `干部${i}`, 村: '石门村' })) }));

  beforeAll(() => {
    src = path.join(tmp, 'src');
    fs.mkdirSync(src);
    big = crypto.randomBytes(20 * 1024 * 1024);
    fs.writeFileSync(path.join(src, 'big.pdf'), big);
    fs.writeFileSync(path.join(src, 'empty.txt'), '');
    fs.writeFileSync(path.join(src, '会议记录.docx'), crypto.randomBytes(70_000));
    entries = [
      { path: 'records.json', role: 'records', source: { data: records }, compress: true },
      {
        path: 'index.html',
        role: 'index',
        source: { data: Buffer.from('<!doctype html><title>蒲县2024年度档案</title>'.repeat(50)) },
        compress: true,
      },
      { path: 'originals/ab/大文件.pdf', role: 'original', source: { file: path.join(src, 'big.pdf') } },
      { path: 'originals/cd/空文件.txt', role: 'original', source: { file: path.join(src, 'empty.txt') } },
      { path: 'originals/ef/会议记录.docx', role: 'original', source: { file: path.join(src, '会议记录.docx') }, compress: true },
      { path: 'dossiers/张三-2024.pdf', role: 'dossier', source: { data: Buffer.alloc(0) } },
    ];
  });

  it('round-trips stored and deflated entries, CJK names, an empty file and a 20 MB file', async () => {
    const out = path.join(tmp, 'out', '蒲县-2024.onebag');
    const progress: Array<[number, number]> = [];
    const key = departmentKey(db);
    const w = await writeBundle({
      out,
      kind: 'county',
      scope: { county: '蒲县', year: 2024, cadres: 1 },
      signer: key,
      entries,
      onProgress: (d, t) => progress.push([d, t]),
    });
    const bytes = fs.readFileSync(out);
    expect(w.size).toBe(bytes.length);
    expect(w.sha256).toBe(sha(bytes));
    expect(fs.readdirSync(path.dirname(out))).toEqual(['蒲县-2024.onebag']);
    // The 20 MB original is stored, not compressed; records are deflated.
    expect(bytes.length).toBeGreaterThan(big.length);
    expect(bytes.length).toBeLessThan(big.length + 70_000 + records.length / 2 + 20_000);
    const total = entries.reduce((n, e) => n + ('data' in e.source ? e.source.data.length : fs.statSync(e.source.file).size), 0);
    expect(progress.at(-1)).toEqual([total, total]);
    expect(progress.every(([d], i) => i === 0 || d >= progress[i - 1]![0])).toBe(true);

    const vprog: number[] = [];
    const v = await verifyBundle(out, {
      trustedKey: (fp) => (fp === key.fingerprint ? key.publicKey : null),
      onProgress: (d) => vprog.push(d),
    });
    expect(v.trusted).toBe(true);
    expect(v.sha256).toBe(w.sha256);
    expect(v.size).toBe(bytes.length);
    expect(vprog.at(-1)).toBe(bytes.length);
    expect(v.manifest).toMatchObject({
      format: 'onebag-bundle',
      formatVersion: 1,
      minReaderVersion: 1,
      kind: 'county',
      scope: { county: '蒲县', year: 2024, cadres: 1 },
    });
    expect(v.manifest.signer).toEqual({ name: key.name, fingerprint: key.fingerprint, publicKey: key.publicKey });
    expect(v.manifest.files.map((f) => [f.path, f.role])).toEqual(entries.map((e) => [e.path, e.role]));
    expect(v.manifest.files[2]).toMatchObject({ size: big.length, sha256: sha(big) });
    expect(v.manifest.files[3]).toMatchObject({ size: 0, sha256: sha(Buffer.alloc(0)) });

    expect((await v.readEntry('records.json')).equals(records)).toBe(true);
    expect(await v.readEntry('dossiers/张三-2024.pdf')).toHaveLength(0);
    const dest = path.join(tmp, 'extract', 'x', '大文件.pdf');
    await v.extractEntry('originals/ab/大文件.pdf', dest);
    expect(fs.readFileSync(dest).equals(big)).toBe(true);
    await v.extractEntry('originals/ef/会议记录.docx', path.join(tmp, 'extract', 'm.docx'));
    expect(sha(fs.readFileSync(path.join(tmp, 'extract', 'm.docx')))).toBe(sha(fs.readFileSync(path.join(src, '会议记录.docx'))));
    expect(fs.readdirSync(path.join(tmp, 'extract')).sort()).toEqual(['m.docx', 'x']);
    await expectAppErrorAsync(() => v.readEntry('originals/none.pdf'), { code: 'NOT_FOUND' });

    // An untrusted signer is not a refusal: the caller asks the user.
    expect((await verifyBundle(out, { trustedKey: () => null })).trusted).toBe(false);
  });

  it('is read by other zip tools (unzip -t or Python zipfile), also with ZIP64 records', async () => {
    for (const forceZip64 of [false, true]) {
      const out = path.join(tmp, `tools-${forceZip64}.onebag`);
      await writeBundle({
        out,
        kind: 'county',
        scope: { county: '蒲县', year: 2024, cadres: 1 },
        signer: departmentKey(db),
        entries,
        forceZip64,
      });
      const py = spawnSync('python3', ['-c', PY_CHECK, out], { encoding: 'utf8' });
      if (py.status !== null) {
        expect(py.stderr).toBe('');
        const listing = JSON.parse(py.stdout) as Record<string, string>;
        expect(listing['originals/ab/大文件.pdf']).toBe(sha(big));
        expect(listing['records.json']).toBe(sha(records));
        expect(Object.keys(listing)).toContain('manifest.sig');
      }
      if (fs.existsSync('/usr/bin/unzip')) {
        const r = spawnSync('/usr/bin/unzip', ['-t', out], { encoding: 'utf8' });
        expect(r.stdout).toContain('No errors detected');
        expect(r.status).toBe(0);
      }
      expect(py.status !== null || fs.existsSync('/usr/bin/unzip')).toBe(true);
      const v = await verifyBundle(out, { trustedKey: () => null });
      expect((await v.readEntry('originals/ab/大文件.pdf')).equals(big)).toBe(true);
    }
  });

  it('cancelling leaves neither the bundle nor a partial file, and an existing file untouched', async () => {
    const dir = path.join(tmp, 'cancel');
    fs.mkdirSync(dir);
    const out = path.join(dir, 'b.onebag');
    fs.writeFileSync(out, 'earlier export');
    const ac = new AbortController();
    const write = writeBundle({
      out,
      kind: 'county',
      scope: { county: '蒲县', year: 2024, cadres: 1 },
      signer: departmentKey(db),
      entries,
      signal: ac.signal,
      onProgress: (d) => {
        if (d > 5 * 1024 * 1024) ac.abort();
      },
    });
    await expectAppErrorAsync(() => write, { message: '已取消，未生成交换包' });
    expect(fs.readdirSync(dir)).toEqual(['b.onebag']);
    expect(fs.readFileSync(out, 'utf8')).toBe('earlier export');
  });

  it('verification can be cancelled, and a folder or missing file is not a bundle', async () => {
    const out = path.join(tmp, 'verify-cancel.onebag');
    await writeBundle({ out, kind: 'county', scope: { county: '蒲县', year: 2024, cadres: 1 }, signer: departmentKey(db), entries });
    const ac = new AbortController();
    const verify = verifyBundle(out, { trustedKey: () => null, signal: ac.signal, onProgress: (d) => d > 4 * 1024 * 1024 && ac.abort() });
    await expectAppErrorAsync(() => verify, { code: 'INVALID_INPUT', message: '已取消校验，未做任何改动' });
    await expectAppErrorAsync(() => verifyBundle(tmp, { trustedKey: () => null }), { code: 'INVALID_INPUT', message: /是文件夹/ });
    await expectAppErrorAsync(() => verifyBundle(path.join(tmp, 'none.onebag'), { trustedKey: () => null }), { code: 'NOT_FOUND' });
  });

  it('refuses entry names the reader would refuse, and a missing source, writing nothing', async () => {
    const dir = path.join(tmp, 'bad-input');
    const base = { kind: 'county' as const, scope: { county: '蒲县', year: 2024, cadres: 1 }, signer: departmentKey(db) };
    const one = (p: string): BundleEntryInput => ({ path: p, role: 'original', source: { data: Buffer.from('x') } });
    await expectAppErrorAsync(() => writeBundle({ ...base, out: path.join(dir, 'a.onebag'), entries: [one('../x.pdf')] }), {
      code: 'INVALID_INPUT',
      message: /含有上级目录/,
    });
    await expectAppErrorAsync(() => writeBundle({ ...base, out: path.join(dir, 'a.onebag'), entries: [one('a.pdf'), one('A.PDF')] }), {
      code: 'INVALID_INPUT',
      message: /重复/,
    });
    await expectAppErrorAsync(() => writeBundle({ ...base, out: path.join(dir, 'a.onebag'), entries: [one('manifest.json')] }), {
      code: 'INVALID_INPUT',
    });
    await expectAppErrorAsync(
      () =>
        writeBundle({
          ...base,
          out: path.join(dir, 'a.onebag'),
          entries: [{ path: 'o.pdf', role: 'original', source: { file: path.join(tmp, 'nope.pdf') } }],
        }),
      { code: 'NOT_FOUND', message: /nope\.pdf/ },
    );
    expect(fs.existsSync(dir)).toBe(false);
  });

  it('reports an unknown or revoked signer as untrusted rather than refusing', async () => {
    const peer = testSigner('吉县委组织部');
    const out = path.join(tmp, 'peer.onebag');
    await writeBundle({ out, kind: 'review', scope: { county: '蒲县', year: 2024, cadres: 1 }, signer: peer, entries: [entries[0]!] });
    const opts = { trustedKey: (fp: string) => trustedPublicKey(db, fp) };
    expect((await verifyBundle(out, opts)).trusted).toBe(false);
    trustKey(db, { fingerprint: peer.fingerprint, publicKey: peer.publicKey, name: peer.name });
    expect((await verifyBundle(out, opts)).trusted).toBe(true);
    revokeTrust(db, peer.fingerprint);
    const v = await verifyBundle(out, opts);
    expect(v.trusted).toBe(false);
    expect(v.manifest.kind).toBe('review');
  });
});

it('the native and table CRC-32 agree, also chained over chunks', () => {
  const data = crypto.randomBytes(100_003);
  expect(crc32Table(data)).toBe(crc32(data));
  expect(crc32(data.subarray(50_000), crc32(data.subarray(0, 50_000)))).toBe(crc32(data));
  expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
});

const PY_CHECK = `
import hashlib, json, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
assert z.testzip() is None
print(json.dumps({i.filename: hashlib.sha256(z.read(i)).hexdigest() for i in z.infolist()}))
`;
