#!/usr/bin/env node
/**
 * Checks the Electron build of better-sqlite3 inside an installed or unpacked app:
 *
 *   node scripts/check-packaged-native.mjs <app resources folder>
 *
 * - resources/native/electron-<version>-<platform>-<arch>/better_sqlite3.node exists for the
 *   Electron version in package.json, and its CPU and module version fit (nativeBinding.ts);
 * - node_modules/better-sqlite3/build (the Node build) was not shipped;
 * - on Windows, the module imports no Visual C++ runtime DLL (VCRUNTIME140.dll, MSVCP140.dll):
 *   node-gyp links the CRT statically (/MT), Electron does too, so the installer needs no
 *   VC++ redistributable. This check is what backs that sentence in the README.
 */
import fs from 'node:fs';
import path from 'node:path';
import { electronModuleVersion, electronVersion } from './electron-sqlite.mjs';

const resources = process.argv[2];
if (!resources || !fs.existsSync(resources)) {
  console.error(`用法 / usage: node scripts/check-packaged-native.mjs <resources folder> (${resources ?? 'missing'})`);
  process.exit(2);
}
const arch = process.env.ONEBAG_CHECK_ARCH || process.arch;
const version = electronVersion();
const key = `electron-${version}-${process.platform}-${arch}`;
const file = path.join(resources, 'native', key, 'better_sqlite3.node');
const problems = [];

if (!fs.existsSync(file)) {
  problems.push(`缺少 ${file}`);
} else {
  const { tsImport } = await import('tsx/esm/api');
  const { bindingMismatch } = await tsImport('../main/store/nativeBinding.ts', import.meta.url);
  const mismatch = bindingMismatch(file, {
    electron: version,
    modules: electronModuleVersion(version),
    platform: process.platform,
    arch,
    env: {},
    appRoot: resources,
  });
  if (mismatch) problems.push(mismatch);
  if (process.platform === 'win32') {
    const text = fs.readFileSync(file).toString('latin1');
    for (const dll of ['VCRUNTIME140.dll', 'VCRUNTIME140_1.dll', 'MSVCP140.dll']) {
      if (text.toLowerCase().includes(dll.toLowerCase())) problems.push(`${path.basename(file)} 依赖 ${dll}（需要 VC++ 运行库）`);
    }
  }
}
for (const shipped of [
  path.join(resources, 'app.asar.unpacked', 'node_modules', 'better-sqlite3', 'build'),
  path.join(resources, 'app', 'node_modules', 'better-sqlite3', 'build'),
]) {
  if (fs.existsSync(shipped)) problems.push(`不应打包 Node 版 better-sqlite3：${shipped}`);
}

if (problems.length > 0) {
  for (const p of problems) console.error(`✖ ${p}`);
  process.exit(1);
}
console.log(`✔ ${file}：Electron ${version}（模块版本 ${electronModuleVersion(version)}，${process.platform}-${arch}）`);
