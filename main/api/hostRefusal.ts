import { AppError } from '../../shared/result';
import type { HostServices } from '../core/runtime/context';

/**
 * Said when a desktop-only service (the system viewer, the print dialog, 另存为, a folder window) is
 * asked for where the host has none: browser mode or the CLI. `inBrowser` names what the page
 * offers instead.
 */
export function notOnThisHost(host: HostServices, what: string, inBrowser = '请使用页面上的“下载”或“打印”按钮'): AppError {
  return new AppError('UNSUPPORTED', host.kind === 'bridge' ? `浏览器模式下无法${what}，${inBrowser}` : `当前运行方式无法${what}`);
}
