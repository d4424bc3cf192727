#!/usr/bin/env node
/**
 * Writes SHA-256 checksums of release artefacts in the `sha256sum` format (works the same on
 * Windows, where sha256sum is absent):
 *
 *   node scripts/sha256sums.mjs <dir> <out-file> <ext> [<ext> …]     e.g. release SHA256SUMS-linux-x64.txt deb AppImage
 *
 * Fails when no artefact matches, so an empty upload never passes as a release.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const [dir, out, ...exts] = process.argv.slice(2);
if (!dir || !out || exts.length === 0) {
  console.error('用法 / usage: node scripts/sha256sums.mjs <dir> <out-file> <ext> [<ext> …]');
  process.exit(2);
}
const files = fs
  .readdirSync(dir)
  .filter((f) => exts.some((e) => f.toLowerCase().endsWith(`.${e.toLowerCase()}`)))
  .sort();
if (files.length === 0) {
  console.error(`✖ ${dir} 中没有 ${exts.join('/')} 文件 / no artefacts found`);
  process.exit(1);
}
const lines = [];
for (const f of files) {
  const hash = crypto.createHash('sha256');
  const fd = fs.openSync(path.join(dir, f), 'r');
  const buf = Buffer.allocUnsafe(1 << 20);
  try {
    for (let n; (n = fs.readSync(fd, buf, 0, buf.length, null)) > 0; ) hash.update(buf.subarray(0, n));
  } finally {
    fs.closeSync(fd);
  }
  lines.push(`${hash.digest('hex')}  ${f}`);
}
fs.writeFileSync(out, `${lines.join('\n')}\n`);
console.log(lines.join('\n'));
