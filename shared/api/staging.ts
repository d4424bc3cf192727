/**
 * Channels of staging: files enter main in chunks, are inspected, then referred to by token.
 * Merged into `channels` in shared/api.ts.
 */
import { z } from 'zod';
import type { StagedFile } from '../domain';
import { id } from './fields';

export const stagingChannels = {
  /** With purpose 'attachment' the originals size cap is checked before any byte is sent. */
  'staging.begin': {
    input: z.object({
      name: z.string().min(1).max(255),
      size: z.number().int().nonnegative(),
      purpose: z.enum(['attachment', 'roster']).optional(),
    }),
    output: null as unknown as { token: string },
  },
  /** `data` is base64; chunks arrive in order. */
  'staging.chunk': {
    input: z.object({ token: z.string(), data: z.string() }),
    output: null as unknown as { received: number },
  },
  /**
   * Completes the upload. purpose 'attachment' inspects the file (type from content, PDF
   * pages, image size) and refuses bad files, leaving nothing behind; 'roster' keeps it for
   * roster.preview.
   */
  'staging.end': {
    input: z.object({ token: z.string(), purpose: z.enum(['attachment', 'roster']), cadreId: id.optional() }),
    output: null as unknown as StagedFile,
  },
  'staging.discard': { input: z.object({ token: z.string() }), output: null as unknown as { discarded: true } },
} as const;
