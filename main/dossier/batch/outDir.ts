/**
 * Where a county batch writes its dossiers: the folder the clerk named (a full path), or
 * <data>/dossiers/县名YYYY年度; created and checked writable before the batch starts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/result';

export function batchOutDir(dataDir: string, countyName: string, year: number, outDir?: string): string {
  if (outDir && !path.isAbsolute(outDir)) throw new AppError('INVALID_INPUT', '输出文件夹应为完整路径');
  const dir = outDir ? path.resolve(outDir) : path.join(dataDir, 'dossiers', `${countyName}${year}年度`);
  try {
    fs.mkdirSync(dir, { recursive: true });
    fs.accessSync(dir, fs.constants.W_OK);
  } catch {
    throw new AppError('INVALID_INPUT', `无法写入输出文件夹：${dir}，请换一个文件夹`);
  }
  return dir;
}
