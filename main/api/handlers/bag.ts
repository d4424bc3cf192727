/** Handlers for shared/api/bag.ts over main/core/bag/bag.ts, and the originals' URLs. */
import type { bagChannels } from '../../../shared/api/bag';
import { AppError } from '../../../shared/result';
import { addMaterial, listMaterials, removeMaterial, updateMaterial } from '../../core/bag/bag';
import { blobMeta } from '../../core/blobs/lookup';
import { notOnThisHost } from '../hostRefusal';
import type { HandlersFor, Services } from '../services';
import { removeBy } from './removeBy';

export function createBagHandlers({ ctx, blobs, staging }: Services): HandlersFor<typeof bagChannels> {
  const { db } = ctx;
  const blobMime = (sha256: string): string => {
    const row = blobMeta(db, sha256);
    if (!row) throw new AppError('NOT_FOUND', '找不到该文件，可能已被删除');
    return row.mime;
  };
  return {
    'bag.list': ({ cadreId, year }) => listMaterials(db, cadreId, year),
    'bag.add': async ({ cadreId, material, files }) => {
      const resolved = files.map((t) => staging.get(t));
      const result = await addMaterial(db, blobs, cadreId, material, resolved);
      for (const t of files) await staging.discard(t);
      return result;
    },
    'bag.update': ({ id, material }) => updateMaterial(db, id, material),
    'bag.remove': removeBy(db, removeMaterial),
    'files.url': ({ sha256 }) => ({ url: ctx.host.blobUrl(sha256), mime: blobMime(sha256) }),
    'files.openExternal': async ({ sha256 }) => {
      const open = ctx.host.openPath;
      if (!open) throw notOnThisHost(ctx.host, '调用系统程序打开文件', '请下载后查看');
      blobMime(sha256);
      if (!blobs.has(sha256)) throw new AppError('NOT_FOUND', '找不到该文件的原件，可能已被删除');
      // The host gets the blob's own path; it copies it under a safe, typed name before opening.
      await open(blobs.pathOf(sha256));
      return { opened: true as const };
    },
  };
}
