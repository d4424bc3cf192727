/**
 * Entry names a bundle may hold: relative, forward slashes, nothing that could land outside
 * the target folder or be renamed by Windows. Used by the writer (our own input) and the
 * reader (hostile input) alike.
 */

const WINDOWS_DEVICES = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\.|$)/i;

/** Chinese reason the name is unsafe, or null when it is fine. */
export function nameProblem(name: string): string | null {
  if (name.length === 0) return '文件名为空';
  if (name.length > 1024) return '文件名过长';
  if (/[\u0000-\u001f\u007f]/.test(name)) return '含有控制字符';
  if (name.includes('\\')) return '含有反斜杠';
  if (name.startsWith('/')) return '以斜杠开头的绝对路径';
  if (/^[A-Za-z]:/.test(name)) return '含有盘符';
  if (name.includes(':')) return '含有冒号';
  for (const seg of name.split('/')) {
    if (seg === '..') return '含有上级目录“..”';
    if (seg === '.') return '含有当前目录“.”';
    if (seg === '') return '含有空的路径段';
    if (/[. ]$/.test(seg)) return '路径段以点或空格结尾';
    if (WINDOWS_DEVICES.test(seg)) return '含有 Windows 设备名';
  }
  return null;
}

/** Two names collide when a case-insensitive file system or Unicode normalisation makes them one. */
export const collisionKey = (name: string): string => name.normalize('NFC').toLowerCase();
