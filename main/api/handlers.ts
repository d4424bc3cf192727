/** The composition root of the handler table: one group per feature in handlers/*.ts, one handler per channel of shared/api.ts. */
import type { HandlerTable } from '../core/runtime/dispatch';
import type { BlobStore } from '../files/blobStore';
import type { Staging } from '../files/staging';
import type { CoreContext } from '../core/runtime/context';
import { createAppHandlers } from './handlers/app';
import { createBagHandlers } from './handlers/bag';
import { createCadreHandlers } from './handlers/cadres';
import { createOrgHandlers } from './handlers/org';
import { createRosterHandlers } from './handlers/roster';
import { createSearchHandlers } from './handlers/search';
import { createStagingHandlers } from './handlers/staging';
import { createAttendanceHandlers } from './handlers/attendance';
import { createAttendanceIoHandlers } from './handlers/attendanceIo';
import { createDossierHandlers } from './handlers/dossier';
import { createEvaluationHandlers } from './handlers/evaluation';
import { createEventHandlers } from './handlers/events';
import { createStatsHandlers } from './handlers/stats';
import { createLeaderHandlers } from './handlers/leaders';
import { createSchedulingHandlers } from './handlers/scheduling';
import { createVillageHandlers } from './handlers/villages';
import { createWorkHandlers } from './handlers/work';
import { createWorklogHandlers } from './handlers/worklog';
import { createExchangeHandlers } from './handlers/exchange';
import { createIntegrityHandlers } from './handlers/integrity';
import { createAuditHandlers } from './handlers/audit';
import { createOcrHandlers } from './handlers/ocr';
import { createOutputHandlers } from './handlers/output';
import { createRulesHandlers } from './handlers/rules';

/** Builds the one handler table for every channel of shared/api.ts. */
export function createHandlers(ctx: CoreContext, blobs: BlobStore, staging: Staging): HandlerTable {
  const services = { ctx, blobs, staging };
  return {
    ...createAttendanceHandlers(services),
    ...createAttendanceIoHandlers(services),
    ...createEventHandlers(services),
    ...createDossierHandlers(services),
    ...createWorklogHandlers(services),
    ...createWorkHandlers(services),
    ...createVillageHandlers(services),
    ...createSchedulingHandlers(services),
    ...createStatsHandlers(services),
    ...createLeaderHandlers(services),
    ...createEvaluationHandlers(services),
    ...createExchangeHandlers(services),
    ...createIntegrityHandlers(services),
    ...createOcrHandlers(services),
    ...createAuditHandlers(services),
    ...createOutputHandlers(services),
    ...createRulesHandlers(services),
    ...createAppHandlers(services),
    ...createOrgHandlers(services),
    ...createCadreHandlers(services),
    ...createRosterHandlers(services),
    ...createStagingHandlers(services),
    ...createBagHandlers(services),
    ...createSearchHandlers(services),
  };
}
