/** Pure helpers behind app:// and "open with the system viewer" (main/app/appProtocol.ts). */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  blobPath,
  blobResponseMime,
  CONTENT_SECURITY_POLICY,
  resolveStaticPath,
  safeOpenName,
  shaFromBlobPath,
} from '../../main/app/appProtocol';

const root = path.resolve('/srv/onebag/dist/renderer');
const sha = 'ab' + 'c'.repeat(62);

describe('app:// static files', () => {
  it('maps paths inside the renderer root', () => {
    expect(resolveStaticPath(root, '/')).toBe(path.join(root, 'index.html'));
    expect(resolveStaticPath(root, '/assets/index-1.js')).toBe(path.join(root, 'assets', 'index-1.js'));
    expect(resolveStaticPath(root, '/pdfjs/cmaps/UniGB-UCS2-H.bcmap')).toBe(path.join(root, 'pdfjs', 'cmaps', 'UniGB-UCS2-H.bcmap'));
  });

  it('refuses traversal, encoded separators, NUL and drive paths', () => {
    for (const p of [
      '/../package.json',
      '/assets/../../x',
      '/..%2f..%2fpackage.json',
      '/%2e%2e/x',
      '/a%5c..%5cb',
      '/x%00.js',
      '/C:/Windows/win.ini',
      '/%E0%A4%A',
    ]) {
      expect(resolveStaticPath(root, p), p).toBeNull();
    }
  });
});

describe('blobs', () => {
  it('locates a blob by SHA-256 and back', () => {
    const p = blobPath('/data', sha)!;
    expect(p).toBe(path.join('/data', 'blobs', 'ab', 'c'.repeat(62)));
    expect(shaFromBlobPath('/data', p)).toBe(sha);
    expect(blobPath('/data', '../etc/passwd')).toBeNull();
    expect(shaFromBlobPath('/data', '/data/blobs/tmp/x')).toBeNull();
    expect(shaFromBlobPath('/data', '/elsewhere/ab/' + 'c'.repeat(62))).toBeNull();
  });

  it('serves only viewable types inline', () => {
    expect(blobResponseMime('application/pdf')).toBe('application/pdf');
    expect(blobResponseMime('image/jpeg')).toBe('image/jpeg');
    expect(blobResponseMime('text/html')).toBe('application/octet-stream');
    expect(blobResponseMime('image/svg+xml')).toBe('application/octet-stream');
    expect(blobResponseMime(undefined)).toBe('application/octet-stream');
  });

  it('names temp copies safely, extension from the sniffed type', () => {
    expect(safeOpenName('2024年述职报告.pdf', 'application/pdf')).toBe('2024年述职报告.pdf');
    expect(safeOpenName('evil.exe', 'application/pdf')).toBe('evil.pdf');
    expect(safeOpenName('a/b\\..\\c:d.jpg', 'image/jpeg')).not.toMatch(/[/\\:]/);
    expect(safeOpenName('run.bat', 'application/octet-stream')).toBeNull();
    expect(safeOpenName('notes.docx', 'application/zip')).toBe('notes.docx');
    expect(safeOpenName(undefined, 'image/png')).toBe('原件.png');
  });
});

describe('CSP', () => {
  it('starts from default-src none and allows nothing remote', () => {
    expect(CONTENT_SECURITY_POLICY.startsWith("default-src 'none'")).toBe(true);
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*|'unsafe-eval'/);
  });
});
