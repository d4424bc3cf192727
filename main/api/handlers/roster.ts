/** Handlers for shared/api/roster.ts over main/core/roster/roster.ts; the sheet arrives as a staging token. */
import type { rosterChannels } from '../../../shared/api/roster';
import { commitRoster, previewRoster } from '../../core/roster/roster';
import type { HandlersFor, Services } from '../services';

export function createRosterHandlers({ ctx, staging }: Services): HandlersFor<typeof rosterChannels> {
  const { db } = ctx;
  return {
    'roster.preview': ({ token }) => previewRoster(db, staging.get(token).path),
    'roster.commit': async ({ token, confirmed }) => {
      const result = await commitRoster(db, staging.get(token).path, confirmed);
      await staging.discard(token);
      return result;
    },
  };
}
