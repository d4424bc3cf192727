import type { auditChannels } from '../../../shared/api/audit';
import type { InspectorKind } from '../../../shared/audit';
import { storeGeneratedPdf } from '../../core/blobs/rows';
import { verifyChain } from '../../core/audit/chain';
import { auditOperators, getAudit, listAudit, type AuditFilter } from '../../core/audit/query';
import { auditPdf } from '../../dossier/auditPrint/auditPdf';
import type { HandlersFor, Services } from '../services';

/** Handlers for the channels of shared/api/audit.ts. */
export function createAuditHandlers(s: Services): HandlersFor<typeof auditChannels> {
  const { ctx, blobs } = s;
  const { db } = ctx;
  const filterOf = (f: { kinds?: string[] } & Omit<AuditFilter, 'kinds'>): AuditFilter => ({
    ...f,
    kinds: f.kinds as InspectorKind[] | undefined,
  });
  return {
    'audit.list': ({ filter, before, limit }) => listAudit(db, { ...filterOf(filter), before, limit }),
    'audit.get': ({ id }) => getAudit(db, id),
    'audit.verify': () => verifyChain(db),
    'audit.operators': () => auditOperators(db),
    'audit.print': async ({ filter }) => {
      const r = await auditPdf(db, filterOf(filter));
      const { sha256 } = await storeGeneratedPdf(db, blobs, r.pdf, r.pages);
      return { sha256, url: ctx.host.blobUrl(sha256), pages: r.pages, entries: r.entries };
    },
  };
}
