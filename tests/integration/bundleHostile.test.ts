/**
 * Hostile bundles: each is refused with an IMPORT_REFUSED whose Chinese message names the
 * problem, and nothing is written — the target folder an import would extract into stays
 * empty and no temp file appears next to the bundle.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BundleCaps } from '../../main/exchange/bundle/caps';
import { verifyBundle, writeBundle, type VerifyOptions } from '../../main/exchange/bundle/container';
import { AppError } from '../../shared/result';
import {
  buildZip,
  eocdOffset,
  hostileBundle,
  locate,
  mode,
  testSigner,
  type HostileBundleInput,
  type RawEntry,
} from '../fixtures/hostileZip';

let tmp: string;
const signer = testSigner('蒲县委组织部');
const other = testSigner('冒名单位');
const trustNobody: VerifyOptions = { trustedKey: () => null };
let realBundle: Buffer;

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'onebag-hostile-'));
  const src = path.join(tmp, 'src.bin');
  fs.writeFileSync(src, crypto.randomBytes(300_000));
  const out = path.join(tmp, 'real.onebag');
  await writeBundle({
    out,
    kind: 'county',
    scope: { county: '蒲县', year: 2024, cadres: 1 },
    signer,
    entries: [
      { path: 'records.json', role: 'records', source: { data: Buffer.from(JSON.stringify({ rows: ['张三', '李四'] })) }, compress: true },
      { path: 'originals/ab/调研报告.pdf', role: 'original', source: { file: src } },
    ],
  });
  realBundle = fs.readFileSync(out);
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

let n = 0;
/**
 * Writes the bytes as a bundle in a fresh folder, runs what an import does (verify, then
 * extract every listed file into target/) and returns the refusal; asserts nothing was written.
 */
async function refusal(bytes: Buffer, opts: VerifyOptions = trustNobody): Promise<string> {
  const dir = path.join(tmp, `case-${++n}`);
  const target = path.join(dir, 'target');
  fs.mkdirSync(target, { recursive: true });
  const file = path.join(dir, 'in.onebag');
  fs.writeFileSync(file, bytes);
  let err: unknown;
  try {
    const v = await verifyBundle(file, opts);
    for (const f of v.manifest.files) await v.extractEntry(f.path, path.join(target, f.path));
  } catch (e) {
    err = e;
  }
  expect(err, 'the bundle should have been refused').toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe('IMPORT_REFUSED');
  expect(fs.readdirSync(target)).toEqual([]);
  expect(fs.readdirSync(dir).sort()).toEqual(['in.onebag', 'target']);
  return (err as AppError).message;
}

const bundle = (entries: HostileBundleInput['entries'], more: Partial<HostileBundleInput> = {}) =>
  hostileBundle({ signer, entries, ...more });
const caps = (c: Partial<BundleCaps>): VerifyOptions => ({ ...trustNobody, caps: c });
const text = (s: string) => Buffer.from(s, 'utf8');

it('accepts the well-formed control bundles these cases are built from', async () => {
  const file = path.join(tmp, 'ok.onebag');
  fs.writeFileSync(
    file,
    bundle([
      { name: 'records.json', data: text('{}'), method: 8 },
      { name: 'a/b.txt', data: text('正文') },
    ]),
  );
  const v = await verifyBundle(file, trustNobody);
  expect(v.trusted).toBe(false);
  expect(v.manifest.files.map((f) => f.path)).toEqual(['records.json', 'a/b.txt']);
  fs.writeFileSync(file, realBundle);
  expect((await verifyBundle(file, trustNobody)).manifest.files).toHaveLength(2);
});

describe('not a zip, truncated', () => {
  it('refuses a file that is not a zip at all', async () => {
    expect(await refusal(Buffer.from('%PDF-1.7\n这不是压缩包'))).toBe('该文件不是 OneBag 交换包（不是 zip 格式），已拒绝导入');
    expect(await refusal(Buffer.alloc(0))).toMatch(/不是 OneBag 交换包/);
  });

  it('refuses a bundle cut short (copy interrupted)', async () => {
    for (const len of [realBundle.length - 1, Math.floor(realBundle.length / 2), 100]) {
      expect(await refusal(realBundle.subarray(0, len))).toMatch(/^交换包文件不完整或已损坏（可能复制中断），请重新拷贝/);
    }
  });

  it('refuses a central directory that points past the end of the file', async () => {
    const b = Buffer.from(realBundle);
    b.writeUInt32LE(b.length + 1000, eocdOffset(b) + 16);
    expect(await refusal(b)).toMatch(/^交换包文件不完整或已损坏（可能复制中断），请重新拷贝（压缩包目录超出文件范围）/);
  });

  it('refuses an entry whose data runs past the end of the data area', async () => {
    const z = buildZip([{ name: 'a.txt', data: text('abc'), compressedSize: 5000, size: 5000 }]);
    expect(await refusal(z)).toMatch(/^交换包文件不完整或已损坏（可能复制中断），请重新拷贝（“a\.txt”的数据超出文件范围）/);
  });
});

describe('names that climb out of the target folder', () => {
  it.each([
    ['../evil.txt', '含有上级目录“..”'],
    ['originals/../../evil.txt', '含有上级目录“..”'],
    ['/etc/cron.d/evil', '以斜杠开头的绝对路径'],
    ['\\Windows\\evil.dll', '含有反斜杠'],
    ['C:/Windows/evil.dll', '含有盘符'],
    ['c:evil.dll', '含有盘符'],
    ['originals\\evil.txt', '含有反斜杠'],
    ['a\u0000b.txt', '含有控制字符'],
    ['a\nb.txt', '含有控制字符'],
    ['originals//evil.txt', '含有空的路径段'],
    ['./evil.txt', '含有当前目录“.”'],
    ['evil.txt.', '路径段以点或空格结尾'],
    ['originals/NUL.txt', '含有 Windows 设备名'],
  ])('refuses %j', async (name, reason) => {
    const msg = await refusal(bundle([{ name, data: text('x') }]));
    expect(msg).toBe(`交换包中的文件名“${name}”不安全（${reason}），已拒绝导入`);
  });

  it('refuses names that are not valid UTF-8, or non-ASCII without the UTF-8 flag', async () => {
    expect(await refusal(buildZip([{ name: Buffer.from([0x61, 0xff, 0xfe]) }]))).toBe('交换包中有文件名不是有效的 UTF-8 编码，已拒绝导入');
    expect(await refusal(buildZip([{ name: '报告.pdf', flags: 0 }]))).toBe('交换包中有文件名不是有效的 UTF-8 编码，已拒绝导入');
  });
});

describe('links, folders and special files', () => {
  it('refuses a symbolic link', async () => {
    const z = bundle([{ name: 'originals/passwd', data: text('/etc/passwd'), externalAttr: mode(0o120777) }]);
    expect(await refusal(z)).toBe('交换包中的“originals/passwd”是符号链接，已拒绝导入');
  });

  it('refuses a directory where a file is expected', async () => {
    expect(await refusal(bundle([{ name: 'originals/', externalAttr: mode(0o040755) }]))).toBe(
      '交换包中的“originals/”是目录而不是文件，已拒绝导入',
    );
    expect(await refusal(bundle([{ name: 'originals', externalAttr: mode(0o040755) }]))).toBe(
      '交换包中的“originals”是目录而不是文件，已拒绝导入',
    );
    // MS-DOS directory attribute from a Windows zip tool.
    expect(await refusal(bundle([{ name: 'docs', versionMadeBy: 20, externalAttr: 0x10 }]))).toMatch(/“docs”是目录而不是文件/);
  });

  it('refuses devices and pipes', async () => {
    expect(await refusal(bundle([{ name: 'fifo', externalAttr: mode(0o010644) }]))).toBe(
      '交换包中的“fifo”不是普通文件（设备、管道等特殊文件），已拒绝导入',
    );
    expect(await refusal(bundle([{ name: 'dev', externalAttr: mode(0o020644) }]))).toMatch(/“dev”不是普通文件/);
  });
});

describe('duplicate names', () => {
  it('refuses the same name twice', async () => {
    const z = bundle([
      { name: 'records.json', data: text('{}') },
      { name: 'records.json', data: text('{"evil":1}'), unlisted: true },
    ]);
    expect(await refusal(z)).toBe('交换包中有重复的文件名“records.json”，已拒绝导入');
  });

  it('refuses names that differ only in case', async () => {
    const z = bundle([
      { name: 'originals/A.pdf', data: text('1') },
      { name: 'originals/a.pdf', data: text('2') },
    ]);
    expect(await refusal(z)).toBe('交换包中的文件名“originals/a.pdf”与“originals/A.pdf”重复（不区分大小写或 Unicode 写法），已拒绝导入');
  });

  it('refuses names that are the same after Unicode normalisation', async () => {
    const z = bundle([
      { name: 'caf\u00e9.txt', data: text('1') },
      { name: 'cafe\u0301.txt', data: text('2') },
    ]);
    expect(await refusal(z)).toMatch(/^交换包中的文件名“cafe\u0301\.txt”与“caf\u00e9\.txt”重复/);
  });
});

describe('zip bombs', () => {
  it('refuses more entries than the cap', async () => {
    const z = bundle(Array.from({ length: 6 }, (_, i) => ({ name: `f${i}.txt`, data: text(String(i)) })));
    expect(await refusal(z, caps({ maxEntries: 5 }))).toBe('交换包中的文件数（8）超过上限 5，可能是恶意压缩包，已拒绝导入');
  });

  it('refuses an entry declared larger than the per-entry cap', async () => {
    const z = bundle([{ name: 'big.bin', data: Buffer.alloc(2048, 1) }]);
    expect(await refusal(z, caps({ maxEntryBytes: 1024 }))).toBe('交换包中的“big.bin”解压后大小 2 KB 超过单个文件上限 1 KB，已拒绝导入');
  });

  it('refuses entries declared larger than the total cap together', async () => {
    const z = bundle([1, 2, 3].map((i) => ({ name: `p${i}.bin`, data: Buffer.alloc(1000, i) })));
    expect(await refusal(z, caps({ maxTotalBytes: 2500 }))).toMatch(/^交换包解压后总大小 .+ 超过上限 .+，可能是压缩炸弹，已拒绝导入$/);
  });

  it('refuses a deflated entry with an absurd compression ratio', async () => {
    const z = bundle([{ name: 'zeros.json', data: Buffer.alloc(4 * 1024 * 1024), method: 8 }]);
    expect(await refusal(z)).toMatch(/^交换包中的“zeros\.json”压缩比异常（\d+:1），可能是压缩炸弹，已拒绝导入$/);
  });

  it('stops inflating as soon as an entry yields more than it declared', async () => {
    const bomb = zlib.deflateRawSync(Buffer.alloc(50 * 1024 * 1024));
    // Declares 1,000 bytes (ratio below the cap), listed honestly as such in a signed manifest.
    const z = bundle([{ name: 'records.json', data: Buffer.alloc(1000), method: 8, raw: bomb, size: 1000 }]);
    const before = process.memoryUsage().rss;
    expect(await refusal(z)).toBe('交换包中的“records.json”解压后的数据超过声明的大小，可能是压缩炸弹，已拒绝导入');
    expect(process.memoryUsage().rss - before).toBeLessThan(40 * 1024 * 1024);
  });

  it('refuses entries whose data overlap (one compressed stream shared by many names)', async () => {
    const z = Buffer.from(
      bundle([
        { name: 'a.txt', data: text('aaaa') },
        { name: 'b.txt', data: text('aaaa') },
      ]),
    );
    // Point b.txt's central record at a.txt's local header.
    z.writeUInt32LE(locate(z, 'a.txt').local, locate(z, 'b.txt').central + 42);
    expect(await refusal(z)).toMatch(/^交换包结构异常（“a\.txt”与“b\.txt”的数据相互重叠）/);
  });
});

describe('headers that disagree, methods and encryption', () => {
  const cases: Array<[string, RawEntry['local'], string]> = [
    ['a name', { name: 'x.txt' }, '文件名不同'],
    ['a method', { method: 8 }, '压缩方式不同'],
    ['a size', { size: 3, compressedSize: 3 }, '大小不同'],
    ['a CRC', { crc: 1234 }, 'CRC 不同'],
  ];
  it.each(cases)('refuses a local header with %s other than the central directory', async (_what, local, reason) => {
    const z = bundle([{ name: 'a.txt', data: text('正文内容'), local }]);
    expect(await refusal(z)).toBe(`交换包中的“a.txt”的本地文件头与中央目录不一致（${reason}），文件已损坏或被篡改，已拒绝导入`);
  });

  it('refuses an unsupported compression method', async () => {
    expect(await refusal(bundle([{ name: 'a.bz2', data: text('BZh9'), method: 12 }]))).toBe(
      '交换包中的“a.bz2”使用了不支持的压缩方式（12），已拒绝导入',
    );
  });

  it('refuses an encrypted entry', async () => {
    expect(await refusal(bundle([{ name: 'secret.pdf', data: text('x'), flags: 0x801 }]))).toBe(
      '交换包中的“secret.pdf”已加密，OneBag 不能读取加密的压缩包，已拒绝导入',
    );
  });

  it('refuses a CRC mismatch', async () => {
    const z = bundle([{ name: 'a.txt', data: text('正文内容'), crc: 0xdeadbeef }]);
    expect(await refusal(z)).toBe('交换包中的“a.txt”校验失败（CRC 不符），文件已损坏或被修改，已拒绝导入');
  });
});

describe('manifest and version', () => {
  const entries = [{ name: 'records.json', data: text('{}'), role: 'records' as const }];

  it('refuses a bundle without manifest.json', async () => {
    expect(await refusal(bundle(entries, { omitManifest: true }))).toBe(
      '交换包中缺少清单 manifest.json，不是有效的 OneBag 交换包，已拒绝导入',
    );
  });

  it('refuses a manifest that is not JSON', async () => {
    expect(await refusal(bundle(entries, { manifestText: '{"format": "onebag-bundle",' }))).toBe(
      '交换包的清单 manifest.json 无法解析（不是有效的 UTF-8 JSON），已拒绝导入',
    );
  });

  it('refuses a manifest of another format or with missing fields', async () => {
    expect(await refusal(bundle(entries, { manifest: (m) => void (m.format = 'zip' as 'onebag-bundle') }))).toBe(
      '交换包的清单格式不正确（format 不是 onebag-bundle），不是有效的 OneBag 交换包，已拒绝导入',
    );
    expect(await refusal(bundle(entries, { manifest: (m) => void (m.files = 'all' as unknown as []) }))).toBe(
      '交换包的清单格式不正确（字段 files 无效），不是有效的 OneBag 交换包，已拒绝导入',
    );
  });

  it('refuses a bundle made for newer readers, saying which version', async () => {
    const z = bundle(entries, { manifest: (m) => Object.assign(m, { formatVersion: 3, minReaderVersion: 2 }) });
    expect(await refusal(z)).toBe('该交换包由更新版本的 OneBag 制作（格式版本 3），本软件只能读取版本 1，请升级后再导入');
  });

  it('accepts a newer bundle that old readers may read, ignoring fields it does not know', async () => {
    const file = path.join(tmp, 'v2.onebag');
    fs.writeFileSync(
      file,
      bundle(entries, { manifest: (m) => Object.assign(m, { formatVersion: 2, minReaderVersion: 1, attachments: { future: true } }) }),
    );
    const v = await verifyBundle(file, trustNobody);
    expect(v.manifest.formatVersion).toBe(2);
    expect((await v.readEntry('records.json')).toString()).toBe('{}');
  });
});

describe('signature and signer', () => {
  const entries = [{ name: 'records.json', data: text('{"县":"蒲县"}'), role: 'records' as const }];

  it('refuses a bundle without manifest.sig', async () => {
    expect(await refusal(bundle(entries, { signature: null }))).toBe('交换包缺少签名 manifest.sig，无法确认来源，已拒绝导入');
  });

  it('refuses a manifest re-signed with another key', async () => {
    expect(await refusal(bundle(entries, { signWith: other }))).toBe(
      '交换包的签名无效：清单在签名后被修改，或签名不是“蒲县委组织部”的密钥所签，已拒绝导入',
    );
  });

  it('refuses a manifest changed after signing', async () => {
    const z = Buffer.from(realBundle);
    const at = z.indexOf(Buffer.from('"cadres": 1'), locate(z, 'manifest.json').data);
    z.write('"cadres": 9', at);
    // The CRC would give it away too; make it consistent so that only the signature can.
    const l = locate(z, 'manifest.json');
    const { crc32 } = await import('../../main/files/crc32');
    const crc = crc32(z.subarray(l.data, l.data + l.compressedSize));
    z.writeUInt32LE(crc, l.central + 16);
    z.writeUInt32LE(crc, l.data + l.compressedSize + 4);
    expect(await refusal(z)).toMatch(/^交换包的签名无效：清单在签名后被修改/);
  });

  it('refuses a fingerprint that does not belong to the public key', async () => {
    const z = bundle(entries, { manifest: (m) => void (m.signer.fingerprint = other.fingerprint) });
    expect(await refusal(z)).toBe(`交换包声明的密钥指纹 ${other.fingerprint} 与其公钥不符，已拒绝导入`);
  });

  it('refuses a signer whose trusted fingerprint maps to a different key here (impersonation)', async () => {
    const z = bundle(entries);
    const msg = await refusal(z, { trustedKey: (fp) => (fp === signer.fingerprint ? other.publicKey : null) });
    expect(msg).toBe(
      `交换包自称由“蒲县委组织部”（指纹 ${signer.fingerprint}）签名，但所用密钥与本机信任的该指纹的密钥不同，可能是冒充，已拒绝导入`,
    );
  });
});

describe('a manifest that lies', () => {
  it('refuses an entry the manifest does not list', async () => {
    const z = bundle([
      { name: 'records.json', data: text('{}') },
      { name: 'originals/extra.exe', data: text('MZ'), unlisted: true },
    ]);
    expect(await refusal(z)).toBe('交换包中的“originals/extra.exe”不在清单中，已拒绝导入');
  });

  it('refuses a listed file that is absent', async () => {
    const z = bundle([{ name: 'records.json', data: text('{}') }], {
      manifest: (m) => void m.files.push({ path: 'originals/gone.pdf', size: 3, sha256: 'a'.repeat(64), role: 'original' }),
    });
    expect(await refusal(z)).toBe('清单列出的“originals/gone.pdf”在交换包中不存在，已拒绝导入');
  });

  it('refuses a size that differs from the manifest', async () => {
    const z = bundle([{ name: 'records.json', data: text('{}') }], { manifest: (m) => void (m.files[0]!.size = 3) });
    expect(await refusal(z)).toBe('交换包中的“records.json”大小与清单不符（清单 3 字节，实际 2 字节），已拒绝导入');
  });

  it('refuses an original modified after signing (one byte flipped)', async () => {
    const z = Buffer.from(realBundle);
    const l = locate(z, 'originals/ab/调研报告.pdf');
    z.writeUInt8(z.readUInt8(l.data + 1000) ^ 0xff, l.data + 1000);
    expect(await refusal(z)).toBe('交换包中的“originals/ab/调研报告.pdf”与清单记录的 SHA-256 不符，文件在制作后被修改或已损坏，已拒绝导入');
  });

  it('refuses a modified deflated entry', async () => {
    const z = Buffer.from(realBundle);
    const l = locate(z, 'records.json');
    z.writeUInt8(z.readUInt8(l.data + 2) ^ 0x55, l.data + 2);
    expect(await refusal(z)).toMatch(/^交换包中的“records\.json”(已损坏|与清单记录的 SHA-256 不符|校验失败)/);
  });
});

describe('after verification', () => {
  it('extractEntry re-checks the hash and publishes nothing when the file changed since', async () => {
    const dir = path.join(tmp, 'changed');
    fs.mkdirSync(path.join(dir, 'target'), { recursive: true });
    const file = path.join(dir, 'in.onebag');
    fs.writeFileSync(file, realBundle);
    const v = await verifyBundle(file, trustNobody);
    const l = locate(realBundle, 'originals/ab/调研报告.pdf');
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.from([realBundle[l.data + 5]! ^ 1]), 0, 1, l.data + 5);
    fs.closeSync(fd);
    const dest = path.join(dir, 'target', 'report.pdf');
    await expect(v.extractEntry('originals/ab/调研报告.pdf', dest)).rejects.toThrow(/与清单记录的 SHA-256 不符/);
    await expect(v.readEntry('originals/ab/调研报告.pdf')).rejects.toThrow(/与清单记录的 SHA-256 不符/);
    expect(fs.readdirSync(path.join(dir, 'target'))).toEqual([]);
  });
});
