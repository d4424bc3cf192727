/** Electron IPC channel names shared by main.ts and preload.ts (no runtime imports: the preload is sandboxed). */
export const IPC_INVOKE = 'onebag:invoke';
export const IPC_PROGRESS = 'onebag:progress';

/** Origin the renderer is served from; IPC from any other frame is refused. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'onebag';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
