#!/usr/bin/env node
/**
 * Copies the four bundled font files and their SIL OFL 1.1 licences from the npm packages
 * into build/fonts/ (electron-builder ships that folder as resources/fonts; see
 * main/dossier/fonts.ts for the lookup order). Only the weights we use are copied: the
 * packages carry every weight (60–130 MB each).
 *
 *   node scripts/copy-fonts.mjs            copies when missing or changed (size differs)
 *   node scripts/copy-fonts.mjs --force    copies always
 *
 * The .ttf files are git-ignored (build/fonts/.gitignore); the licences are committed in
 * build/licenses/ as well.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const force = process.argv.includes('--force');
const outDir = path.join(root, 'build', 'fonts');
const pkgDir = (pkg) => path.join(root, 'node_modules', '@expo-google-fonts', pkg);

const FONTS = [
  ['noto-serif-sc', '400Regular', 'NotoSerifSC_400Regular.ttf'],
  ['noto-serif-sc', '700Bold', 'NotoSerifSC_700Bold.ttf'],
  ['noto-sans-sc', '400Regular', 'NotoSansSC_400Regular.ttf'],
  ['noto-sans-sc', '700Bold', 'NotoSansSC_700Bold.ttf'],
];
const LICENCES = [
  ['noto-serif-sc', 'NotoSerifSC-OFL.txt'],
  ['noto-sans-sc', 'NotoSansSC-OFL.txt'],
];

function copy(src, dest) {
  if (!fs.existsSync(src)) {
    console.error(`✖ 缺少字体文件 ${path.relative(root, src)}（请先运行 npm ci）\n  missing ${src}; run npm ci`);
    process.exit(1);
  }
  const same = !force && fs.existsSync(dest) && fs.statSync(dest).size === fs.statSync(src).size;
  if (same) return false;
  fs.copyFileSync(src, dest);
  return true;
}

fs.mkdirSync(outDir, { recursive: true });
fs.mkdirSync(path.join(root, 'build', 'licenses'), { recursive: true });
let copied = 0;
for (const [pkg, weight, file] of FONTS) {
  if (copy(path.join(pkgDir(pkg), weight, file), path.join(outDir, file))) copied++;
}
for (const [pkg, name] of LICENCES) {
  const src = path.join(pkgDir(pkg), 'LICENSE_FONT');
  if (copy(src, path.join(outDir, name))) copied++;
  if (copy(src, path.join(root, 'build', 'licenses', name))) copied++;
}
const ignore = path.join(outDir, '.gitignore');
if (!fs.existsSync(ignore)) fs.writeFileSync(ignore, '# Font binaries are copied from node_modules by scripts/copy-fonts.mjs\n*.ttf\n');
console.log(`fonts: ${copied} file(s) copied to ${path.relative(root, outDir)}`);
