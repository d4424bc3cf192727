/**
 * The IPC contract: one map from channel name to input schema (zod) and output type, assembled
 * from the per-feature files in shared/api/. main/ registers exactly one handler per channel
 * (main/api/handlers.ts); Electron's ipcMain and the loopback bridge both dispatch through that
 * table. The renderer calls channels through `window.onebag.invoke` (see shared/window.ts).
 */
import type { z } from 'zod';
import './zodChinese';
import { appChannels } from './api/app';
import { bagChannels } from './api/bag';
import { cadreChannels } from './api/cadres';
import { orgChannels } from './api/org';
import { rosterChannels } from './api/roster';
import { searchChannels } from './api/search';
import { stagingChannels } from './api/staging';
import { attendanceChannels } from './api/attendance';
import { attendanceIoChannels } from './api/attendanceIo';
import { dossierChannels } from './api/dossier';
import { evaluationChannels } from './api/evaluation';
import { eventChannels } from './api/events';
import { statsChannels } from './api/stats';
import { exchangeChannels } from './api/exchange';
import { integrityChannels } from './api/integrity';
import { auditChannels } from './api/audit';
import { ocrChannels } from './api/ocr';
import { leaderChannels } from './api/leaders';
import { schedulingChannels } from './api/scheduling';
import { villageChannels } from './api/villages';
import { workChannels } from './api/work';
import { worklogChannels } from './api/worklog';
import { outputChannels } from './api/output';
import { rulesChannels } from './api/rules';

/** Channel map. `input` is validated in main before the handler runs. */
export const channels = {
  ...appChannels,
  ...orgChannels,
  ...cadreChannels,
  ...rosterChannels,
  ...stagingChannels,
  ...bagChannels,
  ...searchChannels,
  ...attendanceChannels,
  ...attendanceIoChannels,
  ...eventChannels,
  ...dossierChannels,
  ...worklogChannels,
  ...workChannels,
  ...villageChannels,
  ...schedulingChannels,
  ...statsChannels,
  ...leaderChannels,
  ...evaluationChannels,
  ...exchangeChannels,
  ...integrityChannels,
  ...auditChannels,
  ...ocrChannels,
  ...outputChannels,
  ...rulesChannels,
} as const;

export type Channels = typeof channels;
export type Channel = keyof Channels;
export type ChannelInput<C extends Channel> = z.input<Channels[C]['input']>;
export type ChannelParsedInput<C extends Channel> = z.output<Channels[C]['input']>;
export type ChannelOutput<C extends Channel> = Channels[C]['output'];

/** Progress of a long job, pushed to the renderer as events. */
export interface ProgressEvent {
  jobId: string;
  label: string;
  done: number;
  total: number;
  finished?: boolean;
}
