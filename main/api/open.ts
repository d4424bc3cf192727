import { BlobStore } from '../files/blobStore';
import { Staging } from '../files/staging';
import { closeDatabase, openDatabase } from '../store/db';
import type { CoreContext, HostServices } from '../core/runtime/context';
import type { HandlerTable } from '../core/runtime/dispatch';
import { createHandlers } from './handlers';

export interface OpenCore {
  ctx: CoreContext;
  handlers: HandlerTable;
  blobs: BlobStore;
  staging: Staging;
  close(): void;
}

/**
 * Opens a data directory for one host (Electron, bridge or CLI): the database with its
 * migrations, the blob store, the staging area and the ONE handler table every host uses.
 */
export function openCore(opts: { dataDir: string; host: HostServices }): OpenCore {
  const db = openDatabase(opts.dataDir);
  const ctx: CoreContext = { db, dataDir: opts.dataDir, host: opts.host };
  const blobs = new BlobStore(opts.dataDir);
  const staging = new Staging(opts.dataDir);
  const handlers = createHandlers(ctx, blobs, staging);
  let closed = false;
  return {
    ctx,
    handlers,
    blobs,
    staging,
    close() {
      if (closed) return;
      closed = true;
      closeDatabase(db);
    },
  };
}
