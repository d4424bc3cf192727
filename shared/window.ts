import type { Channel, ChannelInput, ChannelOutput, ProgressEvent } from './api';
import type { Result } from './result';

/** What the preload (Electron) or the bridge script (browser) defines as `window.onebag`. */
export interface OnebagWindowApi {
  invoke<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<Result<ChannelOutput<C>>>;
  /** Subscribe to progress of long jobs; returns an unsubscribe function. */
  onProgress(listener: (e: ProgressEvent) => void): () => void;
}
