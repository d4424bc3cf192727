/**
 * Pure helpers behind the app:// protocol and "open with the system viewer". No electron
 * import, so they can be unit-tested under plain Node.
 */
import path from 'node:path';
import { BLOBS_DIR, SHA256_RE, blobPathParts } from '../../shared/blobLayout';

const policies: Record<string, string> = {};
/**
 * Response CSP for everything served from app://onebag/. antd needs inline styles;
 * 'wasm-unsafe-eval' only permits compiling WebAssembly (pdf.js JPX/JBIG2 decoders), not eval().
 * Kept as one string literal assigned to a 'Content-Security-Policy' key so that
 * electronegativity (npm run lint:electron) finds the policy and evaluates it.
 */
policies['Content-Security-Policy'] =
  "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' blob: data:; font-src 'self'; connect-src 'self'; worker-src 'self' blob:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; object-src 'none'";
export const CONTENT_SECURITY_POLICY: string = policies['Content-Security-Policy'];

/** Originals are shown by the renderer (img/pdf.js) but never run as documents of our origin. */
export const BLOB_CONTENT_SECURITY_POLICY = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox";

export { resolveStaticPath, staticMime } from '../files/staticAssets';

/** <dataDir>/blobs/ab/cdef… for a SHA-256, or null when `sha` is not one. */
export function blobPath(dataDir: string, sha: string): string | null {
  if (!SHA256_RE.test(sha)) return null;
  return path.join(dataDir, BLOBS_DIR, ...blobPathParts(sha));
}

/** Inverse of blobPath: the SHA-256 when `filePath` is exactly a blob of `dataDir`, else null. */
export function shaFromBlobPath(dataDir: string, filePath: string): string | null {
  const rel = path.relative(path.resolve(dataDir, BLOBS_DIR), path.resolve(filePath));
  const parts = rel.split(path.sep);
  if (parts.length !== 2) return null;
  const sha = `${parts[0]}${parts[1]}`;
  return SHA256_RE.test(sha) && parts[0]!.length === 2 ? sha : null;
}

/** MIME types the renderer may display inline; anything else is served as a download-only octet stream. */
const INLINE_MIME = new Set(['application/pdf', 'image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/bmp', 'image/tiff']);

export function blobResponseMime(recorded: string | undefined): string {
  const m = (recorded ?? '').toLowerCase().split(';')[0]!.trim();
  return INLINE_MIME.has(m) ? m : 'application/octet-stream';
}

/**
 * Extensions a copy handed to the operating system may carry: documents and images only,
 * never anything the shell would execute (.exe, .bat, .lnk, .js, .html …).
 */
const OPENABLE_EXT = new Set([
  'pdf',
  'ofd',
  'jpg',
  'jpeg',
  'png',
  'gif',
  'webp',
  'bmp',
  'tif',
  'tiff',
  'doc',
  'docx',
  'wps',
  'xls',
  'xlsx',
  'et',
  'ppt',
  'pptx',
  'dps',
  'txt',
  'csv',
  'rtf',
]);

const MIME_EXT: Record<string, string> = {
  'application/pdf': 'pdf',
  'application/ofd': 'ofd',
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/bmp': 'bmp',
  'image/tiff': 'tif',
  'application/msword': 'doc',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.ms-excel': 'xls',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'text/plain': 'txt',
  'text/csv': 'csv',
};

/**
 * Name for the temporary copy opened with the system viewer: the original's base name made
 * safe for every file system, with an extension taken from the sniffed MIME type first (so a
 * PDF named "x.exe" opens as a PDF) and from the original name only if it is allow-listed.
 * Returns null when no safe extension exists — such a file is not handed to the shell.
 */
export function safeOpenName(originalName: string | undefined, mime: string | undefined): string | null {
  const fromMime = MIME_EXT[(mime ?? '').toLowerCase().split(';')[0]!.trim()];
  const origExt = path
    .extname(originalName ?? '')
    .slice(1)
    .toLowerCase();
  const ext = fromMime ?? (OPENABLE_EXT.has(origExt) ? origExt : null);
  if (!ext) return null;
  const base = path
    .basename(originalName ?? '', path.extname(originalName ?? ''))
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]/g, '_')
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .slice(0, 80);
  return `${base || '原件'}.${ext}`;
}
