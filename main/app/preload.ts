/**
 * Sandboxed preload: exposes exactly `window.onebag` (see shared/window.ts) and nothing else.
 * Only type imports from shared/ — a sandboxed preload may require nothing but 'electron'.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { ProgressEvent } from '../../shared/api';
import type { OnebagWindowApi } from '../../shared/window';
import { IPC_INVOKE, IPC_PROGRESS } from './ipcChannels';

const api: OnebagWindowApi = {
  invoke: (channel, input) => ipcRenderer.invoke(IPC_INVOKE, channel, input),
  onProgress(listener) {
    const wrapped = (_event: IpcRendererEvent, e: ProgressEvent) => listener(e);
    ipcRenderer.on(IPC_PROGRESS, wrapped);
    return () => {
      ipcRenderer.removeListener(IPC_PROGRESS, wrapped);
    };
  },
};

contextBridge.exposeInMainWorld('onebag', api);
