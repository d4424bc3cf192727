/**
 * The audit-coverage run's state and calls (tests/integration/auditCoverage.test.ts): one
 * county department's data directory, the reviewer's (opened on demand), and `okOn`, which
 * calls a channel the way the renderer does and records whether the call wrote an audit
 * entry and whether it changed the database. The step tables of auditCoverage/*Steps.ts call
 * only through here, so the test sees every call.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openCore, type OpenCore } from '../../../main/api/open';
import { dispatch } from '../../../main/core/runtime/dispatch';
import type { Channel, ChannelInput, ChannelOutput } from '../../../shared/api';

export const OPERATOR = '组织部审计测试员';
export const YEAR = 2024;

/** The data directories of one run: the county department's, and the evaluating department's, which imports 义县's bundle (exchange steps). */
export const env: { dir: string; core: OpenCore; reviewer: OpenCore | null } = {
  dir: '',
  core: null as unknown as OpenCore,
  reviewer: null,
};

export function openAuditEnv(): void {
  env.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onebag-auditcov-'));
  env.core = openCore({ dataDir: env.dir, host: { kind: 'cli', blobUrl: (s) => `blob:${s}` } });
}

export function closeAuditEnv(): void {
  env.core.close();
  env.reviewer?.close();
  fs.rmSync(env.dir, { recursive: true, force: true });
}

/** Per channel: calls, calls that wrote an audit entry, calls that changed the database. */
export const called = new Map<Channel, { calls: number; audited: number; changed: number }>();
export const newestOn = (c: OpenCore) => (c.ctx.db.prepare('SELECT COALESCE(MAX(id), 0) AS n FROM audit_log').get() as { n: number }).n;
const changesOn = (c: OpenCore) => (c.ctx.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;

/** Calls a channel the way the renderer does (dispatch parses the input) and records what the call wrote. */
export async function okOn<C extends Channel>(on: OpenCore, channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const [entry, changes] = [newestOn(on), changesOn(on)];
  const r = await dispatch(on.handlers, channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
  const seen = called.get(channel) ?? { calls: 0, audited: 0, changed: 0 };
  called.set(channel, {
    calls: seen.calls + 1,
    audited: seen.audited + Number(newestOn(on) > entry),
    changed: seen.changed + Number(changesOn(on) > changes),
  });
  return r.value as ChannelOutput<C>;
}
/** A channel that starts a job: the job writes its entry when it finishes, after the call returned. */
export function creditJob(channel: Channel, on: OpenCore, since: number): void {
  if (newestOn(on) > since) called.get(channel)!.audited++;
}
export const ok = <C extends Channel>(channel: C, input: ChannelInput<C>) => okOn(env.core, channel, input);
export const reviewed = <C extends Channel>(channel: C, input: ChannelInput<C>) => okOn(env.reviewer!, channel, input);

/** 义县 as the reviewer imported it. */
export const importedCounty = async () => (await reviewed('org.tree', {})).counties.find((c) => c.name === '义县')!;

export function openReviewer(): OpenCore {
  env.reviewer ??= openCore({
    dataDir: fs.mkdtempSync(path.join(env.dir, 'reviewer-')),
    host: { kind: 'cli', blobUrl: (s) => `blob:${s}` },
  });
  return env.reviewer;
}

/** Stages bytes the way the renderer does: begin, base64 chunk, end (inspected as an attachment). */
export async function stage(name: string, bytes: Buffer): Promise<string> {
  const { token } = await ok('staging.begin', { name, size: bytes.length });
  await ok('staging.chunk', { token, data: bytes.toString('base64') });
  await ok('staging.end', { token, purpose: 'attachment' });
  return token;
}

/** Ids the steps hand on to later steps. */
export const id: Record<string, number> = {};

/** Which of before/after an entry holds; 'none' for acts without a record (an export), 'any' unchecked. */
export type Has = 'after' | 'before' | 'both' | 'none' | 'any';
export interface Step {
  kind: string;
  /** Without run, the step checks an entry the previous step wrote as a side effect. */
  run?: () => Promise<unknown>;
  /** The data directory the step writes to; by default the county department's. */
  on?: () => OpenCore;
  entity: string;
  action: string;
  /** A top-level field of the stored row(s): changed for 'both', present for the one side otherwise. */
  field?: string | RegExp;
  /** Which of before/after the entry holds; by default from the action. */
  has?: Has;
}

/** A record's create, update and delete, each step expecting an entry that shows `field`. */
export function lifecycleSteps(
  name: string,
  entity: string,
  field: string,
  run: { create: () => Promise<unknown>; update: () => Promise<unknown>; delete: () => Promise<unknown> },
): Step[] {
  return (['create', 'update', 'delete'] as const).map((action) => ({
    kind: `${name} ${action}`,
    entity,
    action,
    field,
    run: run[action],
  }));
}
