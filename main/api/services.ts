import type { z } from 'zod';
import type { BlobStore } from '../files/blobStore';
import type { Staging } from '../files/staging';
import type { CoreContext } from '../core/runtime/context';

/** What every handler group gets: the core context and the file stores of this data directory. */
export interface Services {
  ctx: CoreContext;
  blobs: BlobStore;
  staging: Staging;
}

/** The handlers of one channel group of shared/api/*.ts, keyed like the group. */
export type HandlersFor<M extends Record<string, { input: z.ZodType; output: unknown }>> = {
  [C in keyof M]: (input: z.output<M[C]['input']>) => M[C]['output'] | Promise<M[C]['output']>;
};
