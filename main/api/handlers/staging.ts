/** Handlers for shared/api/staging.ts: uploads in chunks, inspected at the end. */
import path from 'node:path';
import type { FileKind, StagedFile } from '../../../shared/domain';
import type { stagingChannels } from '../../../shared/api/staging';
import { dateLabel, isoDateOf } from '../../../shared/dates';
import { formatSize } from '../../../shared/fileSize';
import { AppError } from '../../../shared/result';
import { suggestForFile } from '../../../shared/suggest';
import { sha256File } from '../../files/durableFiles';
import { inspectFile } from '../../files/inspect';
import { findDuplicate } from '../../core/bag/bag';
import { intakeMaxBytes } from '../../core/bag/intakeLimit';
import type { HandlersFor, Services } from '../services';

/** Where the same content is already filed, in words: 「2024年度工作总结」（张三，2025年3月12日归档）. */
function describeDuplicate(d: { materialTitle: string; cadreName: string; filedAt: string } | null): string | null {
  if (!d) return null;
  const at = new Date(d.filedAt);
  const day = dateLabel(Number.isNaN(at.getTime()) ? d.filedAt.slice(0, 10) : isoDateOf(at));
  return `「${d.materialTitle}」（${d.cadreName}，${day}归档）`;
}

function rosterKind(name: string): FileKind {
  const ext = path.extname(name).toLowerCase();
  if (ext === '.xls') return 'xls';
  if (ext === '.csv' || ext === '.txt') return 'text';
  return 'xlsx';
}

export function createStagingHandlers({ ctx, staging }: Services): HandlersFor<typeof stagingChannels> {
  const { db } = ctx;
  return {
    'staging.begin': async ({ name, size, purpose }) => {
      // Refused before a byte arrives: the originals cap (a roster or other import has its own checks).
      const max = intakeMaxBytes(db);
      if (purpose === 'attachment' && size > max) {
        throw new AppError(
          'FILE_REFUSED',
          `「${name}」大小为 ${formatSize(size)}，超过原件大小上限 ${formatSize(max)}，无法归档。请压缩或拆分后再添加（上限可在设置中调整）`,
        );
      }
      return { token: await staging.begin(name, size) };
    },
    'staging.chunk': ({ token, data }) => staging.chunk(token, data),
    'staging.end': async ({ token, purpose, cadreId }): Promise<StagedFile> => {
      const done = await staging.end(token);
      if (purpose === 'roster') {
        const { sha256 } = await sha256File(done.path);
        return {
          token,
          name: done.name,
          size: done.size,
          kind: rosterKind(done.name),
          pageCount: null,
          sha256,
          duplicateOf: null,
          suggestion: suggestForFile(done.name),
        };
      }
      try {
        const facts = await inspectFile(done.path, done.name);
        const { sha256 } = await sha256File(done.path);
        return {
          token,
          name: done.name,
          size: facts.size,
          kind: facts.kind,
          pageCount: facts.pageCount,
          sha256,
          duplicateOf: describeDuplicate(findDuplicate(db, sha256, cadreId)),
          suggestion: suggestForFile(done.name),
          flags: facts.flags,
          notice: facts.notice,
          symlinkTarget: null,
        };
      } catch (err) {
        await staging.discard(token);
        throw err;
      }
    },
    'staging.discard': async ({ token }) => {
      await staging.discard(token);
      return { discarded: true as const };
    },
  };
}
