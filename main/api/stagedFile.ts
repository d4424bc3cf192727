import fs from 'node:fs';
import { AppError } from '../../shared/result';
import type { Staging } from '../files/staging';

/** A completed upload's path and the name it arrived with. */
export function stagedFile(staging: Staging, token: string): { path: string; name: string } {
  const f = staging.get(token);
  if (!fs.existsSync(f.path)) throw new AppError('NOT_FOUND', '上传的文件已失效，请重新添加');
  return { path: f.path, name: f.name };
}
