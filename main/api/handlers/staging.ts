/** Handlers for shared/api/staging.ts: uploads in chunks, inspected at the end. */
import path from 'node:path';
import type { FileKind, StagedFile } from '../../../shared/domain';
import type { stagingChannels } from '../../../shared/api/staging';
import { suggestForFile } from '../../../shared/suggest';
import { sha256File } from '../../files/durableFiles';
import { inspectFile } from '../../files/inspect';
import { duplicateNote } from '../../core/bag/bag';
import { refuseOverCap } from '../../core/bag/intakeLimit';
import type { HandlersFor, Services } from '../services';

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
      if (purpose === 'attachment') refuseOverCap(db, name, size);
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
          duplicateOf: duplicateNote(db, sha256, cadreId),
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
