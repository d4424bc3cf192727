/** Channels of the app itself: status, first-run setup, the operator. Merged into `channels` in shared/api.ts. */
import { z } from 'zod';
import type { AppStatus } from '../domain';
import { empty, name } from './fields';

export const appChannels = {
  'app.status': { input: empty, output: null as unknown as AppStatus },
  /** First-run choice: start empty or load the demo county; records the operator's name. */
  'app.setup': {
    input: z.object({ mode: z.enum(['empty', 'demo']), operator: name('操作员姓名', 30) }),
    output: null as unknown as AppStatus,
  },
  'app.setOperator': { input: z.object({ operator: name('操作员姓名', 30) }), output: null as unknown as AppStatus },
} as const;
