/**
 * An internal failure while filing shows a Chinese sentence naming the error log under the data
 * folder, never a stack trace; the stack is in that file. Driven through the real dispatcher (the
 * IPC and bridge entry) and the real CLI, with a handler table whose handler genuinely throws.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch, type HandlerTable } from '../../main/core/runtime/dispatch';
import { errorLogPath } from '../../main/core/runtime/errorLog';
import { onebag } from './intakeCli';

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'onebag-adv-errlog-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('internal errors go to the log, the user reads Chinese', () => {
  it('dispatch: a handler that throws a TypeError', async () => {
    const handlers = {
      'app.status': () => {
        const nothing = null as unknown as { dataDir: string };
        return nothing.dataDir; // a genuine TypeError
      },
    } as unknown as HandlerTable;
    const r = await dispatch(handlers, 'app.status', {}, tmp);
    expect(r.ok).toBe(false);
    const message = (r as { error: { message: string } }).error.message;
    expect(message).toMatch(/^内部错误，操作未完成，数据未改变。详细信息已记录在 .*errors\.log/);
    expect(message).toContain(errorLogPath(tmp));
    expect(message).not.toMatch(/TypeError|at .*:\d+/);
    const log = fs.readFileSync(errorLogPath(tmp), 'utf8');
    expect(log).toMatch(/app\.status\nTypeError: Cannot read properties of null/);
    expect(log).toMatch(/at .*intakeErrorLog\.test\.ts:\d+/);
  });

  it('CLI: a data folder that is a file fails internally; the message names a log that holds the stack', async () => {
    const notADir = path.join(tmp, 'file-not-folder');
    fs.writeFileSync(notADir, 'x');
    const r = await onebag(notADir, 'max-file-size');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^错误：/);
    expect(r.err).not.toMatch(/\n\s+at |Error:/);
    const log = /详细信息已记录在 (.+?)（/.exec(r.err)?.[1];
    if (log) expect(fs.readFileSync(log, 'utf8')).toMatch(/EEXIST|ENOTDIR/);
  });
});
