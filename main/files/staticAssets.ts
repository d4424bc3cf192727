/**
 * Serving the built renderer (and pdf.js assets) from a folder: the MIME types and the path
 * guard shared by the Electron app:// protocol and the loopback bridge.
 */
import path from 'node:path';

const STATIC_MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.cjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.bcmap': 'application/octet-stream',
  '.pfb': 'application/x-font-type1',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.pdf': 'application/pdf',
};

export function staticMime(filePath: string): string {
  return STATIC_MIME[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Maps a URL path to a file under `root` ('/' → index.html), or null when the path escapes
 * the root (../, encoded separators, NUL, absolute or drive paths) or cannot be decoded.
 */
export function resolveStaticPath(root: string, urlPathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const rel = decoded.replace(/^\/+/, '') || 'index.html';
  if (rel.split('/').some((seg) => seg === '..') || path.isAbsolute(rel) || /^[a-zA-Z]:/.test(rel)) return null;
  const rootAbs = path.resolve(root);
  const full = path.resolve(rootAbs, rel);
  const back = path.relative(rootAbs, full);
  if (back === '' || back.startsWith('..') || path.isAbsolute(back)) return null;
  return full;
}
