import type { eventChannels } from '../../../shared/api/events';
import { allAlerts } from '../../core/alerts/all';
import { getCheck, listChecks, removeCheck, saveCheck } from '../../core/events/checks';
import { candidates } from '../../core/events/common';
import { getEvent, listEvents, removeEvent, saveEvent } from '../../core/events/mustAttend';
import { concludeVerification } from '../../core/events/verificationOutcome';
import { listVerifications } from '../../core/events/verifications';
import type { HandlersFor, Services } from '../services';
import { removeBy } from './removeBy';

/** Handlers for the channels of shared/api/events.ts. */
export function createEventHandlers(s: Services): HandlersFor<typeof eventChannels> {
  const { db } = s.ctx;
  return {
    'events.list': (f) => listEvents(db, f),
    'events.get': ({ id }) => getEvent(db, id),
    'events.save': (input) => saveEvent(db, input),
    'events.remove': removeBy(db, removeEvent),
    'events.candidates': (input) => candidates(db, input),
    'checks.list': (f) => listChecks(db, f),
    'checks.get': ({ id }) => getCheck(db, id),
    'checks.save': (input) => saveCheck(db, input),
    'checks.remove': removeBy(db, removeCheck),
    'verifications.list': (f) => listVerifications(db, f),
    'verifications.conclude': (input) => {
      // 属实 revokes the month; the revocation marks the register it filed (core/attendance/certify.ts).
      const r = concludeVerification(db, input);
      return { verification: r.verification, revoked: r.revoked !== null };
    },
    'alerts.list': ({ year, countyId }) => allAlerts(db, countyId === undefined ? { year } : { year, countyId }),
  };
}
