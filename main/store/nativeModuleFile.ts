/**
 * What a compiled Node addon (`*.node`) was built for, read from the file itself without loading
 * it: the executable format and CPU (ELF, PE, Mach-O headers) and the NODE_MODULE_VERSION that
 * non-N-API addons such as better-sqlite3 carry in their exported `node_register_module_v<N>`
 * symbol. Loading a wrong build crashes or throws a cryptic dlopen error; reading it first lets
 * us refuse it with a clear message.
 */
import fs from 'node:fs';

export type NativeFormat = 'elf' | 'pe' | 'macho' | 'unknown';

export interface NativeModuleInfo {
  format: NativeFormat;
  /** Node's arch name (x64, arm64, ia32, …) or null when the header names another CPU. */
  arch: string | null;
  /** NODE_MODULE_VERSION the addon was compiled against; null when none is exported (e.g. N-API). */
  moduleVersion: number | null;
}

const ELF_MACHINES: Record<number, string> = { 3: 'ia32', 40: 'arm', 62: 'x64', 183: 'arm64', 243: 'riscv64', 258: 'loong64' };
const PE_MACHINES: Record<number, string> = { 0x14c: 'ia32', 0x8664: 'x64', 0xaa64: 'arm64' };
const MACHO_CPUS: Record<number, string> = { 0x01000007: 'x64', 0x0100000c: 'arm64' };

/** The OS family a format belongs to (what `process.platform` would be on a machine that loads it). */
export function formatPlatforms(format: NativeFormat): readonly NodeJS.Platform[] {
  if (format === 'elf') return ['linux', 'freebsd', 'openbsd', 'android'];
  if (format === 'pe') return ['win32'];
  if (format === 'macho') return ['darwin'];
  return [];
}

function headerArch(buf: Buffer): Pick<NativeModuleInfo, 'format' | 'arch'> {
  if (buf.length >= 20 && buf.readUInt32BE(0) === 0x7f454c46) {
    const le = buf[5] !== 2;
    const machine = le ? buf.readUInt16LE(18) : buf.readUInt16BE(18);
    return { format: 'elf', arch: ELF_MACHINES[machine] ?? null };
  }
  if (buf.length >= 0x40 && buf[0] === 0x4d && buf[1] === 0x5a) {
    const pe = buf.readUInt32LE(0x3c);
    if (pe + 6 <= buf.length && buf.readUInt32BE(pe) === 0x50450000) {
      return { format: 'pe', arch: PE_MACHINES[buf.readUInt16LE(pe + 4)] ?? null };
    }
  }
  if (buf.length >= 8 && buf.readUInt32LE(0) === 0xfeedfacf) {
    return { format: 'macho', arch: MACHO_CPUS[buf.readUInt32LE(4)] ?? null };
  }
  if (buf.length >= 8 && buf.readUInt32BE(0) === 0xcafebabe) return { format: 'macho', arch: 'universal' };
  return { format: 'unknown', arch: null };
}

/** Reads `file` and reports what it was built for. Throws the fs error when it cannot be read. */
export function inspectNativeModule(file: string): NativeModuleInfo {
  const buf = fs.readFileSync(file);
  const { format, arch } = headerArch(buf);
  const versions = new Set<number>();
  for (const m of buf.toString('latin1').matchAll(/node_register_module_v(\d{2,4})/g)) versions.add(Number(m[1]));
  // More than one distinct version would be a corrupt or hand-made file: treat it as unknown.
  const moduleVersion = versions.size === 1 ? [...versions][0]! : null;
  return { format, arch, moduleVersion };
}
