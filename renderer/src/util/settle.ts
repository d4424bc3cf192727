/**
 * A promise-returning handler as the void callback React and antd expect (onClick, onOk…).
 * Most handlers report their own failures (useNotify); a failure one did not catch is shown
 * in Chinese here instead of being lost as an unhandled rejection. Root installs the reporter.
 */
import { errorMessage } from '../api/client';

type Reporter = (text: string) => void;

let report: Reporter = (text) => console.error(text);

/** Root calls this once with antd's notification (it needs the App context). */
export function setUnexpectedFailureReporter(r: Reporter): void {
  report = r;
}

/** `handler` may return any thenable (antd's modal.confirm does) or nothing. */
export function settle<A extends unknown[]>(handler: ((...args: A) => PromiseLike<unknown> | void) | undefined): (...args: A) => void {
  return (...args: A) => {
    if (!handler) return;
    Promise.resolve(handler(...args)).catch((err: unknown) => report(`操作未完成：${errorMessage(err)}`));
  };
}
