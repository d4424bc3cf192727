/**
 * Tells an encrypted PDF that opens without a password (empty user password, only
 * "permissions" set — typical of files downloaded from government systems) from one that
 * needs a password. The first kind is accepted: its bytes are stored unchanged and a
 * decrypted rendition is made in-process with PDFium when the volume is printed
 * (renditions/pdfium.ts); the second is refused by name ("需要打开密码"). Implements the
 * standard security handler's user-password check (ISO 32000-2 §7.6.4, revisions 2–6) for
 * the empty password; PDFium confirms it and counts the pages (pdf-lib cannot read an
 * encrypted file's object streams).
 */
import crypto from 'node:crypto';
import { PDFArray, PDFDict, PDFHexString, PDFName, PDFNumber, PDFString, type PDFDocument } from 'pdf-lib';
import { openPdf } from './renditions/pdfium';

export type PdfEncryption = 'none' | 'emptyUserPassword' | 'needsPassword';

const PAD = Buffer.from('28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a', 'hex');

function bytesOf(obj: unknown): Buffer | null {
  if (obj instanceof PDFString || obj instanceof PDFHexString) return Buffer.from(obj.asBytes());
  return null;
}

/** RC4 in JS: OpenSSL 3 no longer offers it through node:crypto. */
function rc4(key: Buffer, data: Buffer): Buffer {
  const s = new Uint8Array(256).map((_, i) => i);
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + s[i]! + key[i % key.length]!) & 255;
    [s[i], s[j]] = [s[j]!, s[i]!];
  }
  const out = Buffer.alloc(data.length);
  for (let n = 0, i = 0, j = 0; n < data.length; n++) {
    i = (i + 1) & 255;
    j = (j + s[i]!) & 255;
    [s[i], s[j]] = [s[j]!, s[i]!];
    out[n] = data[n]! ^ s[(s[i]! + s[j]!) & 255]!;
  }
  return out;
}

const md5 = (...parts: Buffer[]) => crypto.createHash('md5').update(Buffer.concat(parts)).digest();

/** Revisions 2–4: RC4/AES-128 with an MD5-derived key (Algorithms 2, 4 and 5). */
function emptyPasswordR2to4(
  r: number,
  lengthBits: number,
  o: Buffer,
  u: Buffer,
  p: number,
  id0: Buffer,
  encryptMetadata: boolean,
): boolean {
  const n = r === 2 ? 5 : Math.max(5, Math.min(16, lengthBits / 8));
  const pBytes = Buffer.alloc(4);
  pBytes.writeInt32LE(p | 0);
  const extra = r >= 4 && !encryptMetadata ? Buffer.from([0xff, 0xff, 0xff, 0xff]) : Buffer.alloc(0);
  let key = md5(PAD, o.subarray(0, 32), pBytes, id0, extra);
  if (r >= 3) for (let i = 0; i < 50; i++) key = md5(key.subarray(0, n));
  key = key.subarray(0, n);
  if (r === 2) return rc4(key, PAD).equals(u.subarray(0, 32));
  let x = rc4(key, md5(PAD, id0));
  for (let i = 1; i <= 19; i++) x = rc4(Buffer.from(key.map((b) => b ^ i)), x);
  return x.equals(u.subarray(0, 16));
}

/** Revision 6 hash (Algorithm 2.B); revision 5 is its first SHA-256 step alone. */
function hashR6(password: Buffer, salt: Buffer): Buffer {
  let k = crypto
    .createHash('sha256')
    .update(Buffer.concat([password, salt]))
    .digest();
  for (let i = 0; ; i++) {
    const k1 = Buffer.concat(Array(64).fill(Buffer.concat([password, k])));
    const cipher = crypto.createCipheriv('aes-128-cbc', k.subarray(0, 16), k.subarray(16, 32)).setAutoPadding(false);
    const e = Buffer.concat([cipher.update(k1), cipher.final()]);
    let sum = 0;
    for (let j = 0; j < 16; j++) sum += e[j]!;
    k = crypto
      .createHash(['sha256', 'sha384', 'sha512'][sum % 3]!)
      .update(e)
      .digest();
    if (i >= 63 && e[e.length - 1]! <= i + 1 - 32) break;
  }
  return k.subarray(0, 32);
}

/** Reads the trailer's /Encrypt dictionary of a document loaded with `ignoreEncryption: true`. */
export function pdfEncryption(doc: PDFDocument): PdfEncryption {
  const ctx = doc.context;
  const enc = ctx.lookup(ctx.trailerInfo.Encrypt);
  if (!enc) return 'none';
  if (!(enc instanceof PDFDict)) return 'needsPassword';
  const filter = enc.lookup(PDFName.of('Filter'));
  if (filter !== PDFName.of('Standard')) return 'needsPassword'; // certificate security and the like
  const num = (k: string, dflt: number) => {
    const v = enc.lookup(PDFName.of(k));
    return v instanceof PDFNumber ? v.asNumber() : dflt;
  };
  const r = num('R', 0);
  const o = bytesOf(enc.lookup(PDFName.of('O')));
  const u = bytesOf(enc.lookup(PDFName.of('U')));
  if (!o || !u || u.length < 32) return 'needsPassword';
  try {
    if (r === 5)
      return crypto.createHash('sha256').update(u.subarray(32, 40)).digest().equals(u.subarray(0, 32))
        ? 'emptyUserPassword'
        : 'needsPassword';
    if (r === 6) return hashR6(Buffer.alloc(0), u.subarray(32, 40)).equals(u.subarray(0, 32)) ? 'emptyUserPassword' : 'needsPassword';
    if (r < 2 || r > 4) return 'needsPassword';
    const ids = ctx.lookup(ctx.trailerInfo.ID);
    const id0 = ids instanceof PDFArray ? bytesOf(ids.lookup(0)) : null;
    const encMeta = enc.lookup(PDFName.of('EncryptMetadata'));
    const ok = emptyPasswordR2to4(
      r,
      num('Length', r === 4 ? 128 : 40),
      o,
      u,
      num('P', 0),
      id0 ?? Buffer.alloc(0),
      encMeta?.toString() !== 'false',
    );
    return ok ? 'emptyUserPassword' : 'needsPassword';
  } catch {
    return 'needsPassword';
  }
}

export type OpenablePdf = { ok: true; pages: number } | { ok: false; reason: 'needsPassword' | 'damaged' };

/** Opens an encrypted PDF with the empty password (PDFium) and counts its pages. */
export async function openableEncryptedPdf(bytes: Uint8Array): Promise<OpenablePdf> {
  const r = await openPdf(bytes);
  if (!r.ok) return { ok: false, reason: r.reason === 'damaged' ? 'damaged' : 'needsPassword' };
  try {
    const pages = r.handle.pageCount;
    // the decrypted rendition must be possible, or the file could not be printed later
    r.handle.saveDecrypted();
    return pages > 0 ? { ok: true, pages } : { ok: false, reason: 'damaged' };
  } catch {
    return { ok: false, reason: 'damaged' };
  } finally {
    r.handle.close();
  }
}
