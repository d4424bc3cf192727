/** Handlers for shared/api/app.ts: the app's status, first-run setup and the operator. */
import type { appChannels } from '../../../shared/api/app';
import { setOperator } from '../../core/audit/operator';
import { completeSetup } from '../../core/runtime/setup';
import { loadDemo } from '../../demo/demo';
import { appStatus } from '../appStatus';
import type { HandlersFor, Services } from '../services';

export function createAppHandlers({ ctx, blobs }: Services): HandlersFor<typeof appChannels> {
  const { db } = ctx;
  // Each start asks who works (the audit log's operator) until app.setup or app.setOperator answers.
  let operatorConfirmed = false;
  return {
    'app.status': () => ({ ...appStatus(ctx), operatorConfirmed }),
    'app.setup': async (input) => {
      await completeSetup(db, input, () => loadDemo(ctx, blobs));
      operatorConfirmed = true;
      return appStatus(ctx);
    },
    'app.setOperator': ({ operator }) => {
      setOperator(db, operator);
      operatorConfirmed = true;
      return appStatus(ctx);
    },
  };
}
