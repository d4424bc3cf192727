/**
 * Every change a clerk makes lands in the audit log with who, what, before and after. One
 * table of steps, each a real call through the ONE handler table on a real data directory,
 * followed by the entity/action its newest audit entry must carry and a field that must show
 * in that entry (changed between before and after for updates). Adding a record kind is one
 * line. Steps run in order and build on each other (a cadre before its bag, and so on).
 *
 * The table covers the contract: every call is recorded, and at the end every channel of
 * shared/api.ts that shared/api/readOnly.ts does not declare read-only must have been called
 * and have written an audit entry, while the declared ones never wrote one and, when they only
 * read, left the database as it was.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channels, type Channel } from '../../shared/api';
import { READ_ONLY_CHANNELS, type ReadOnlyReason } from '../../shared/api/readOnly';
import { diffFields } from '../../shared/audit';
import { hasFieldLabel } from '../../shared/auditFieldLabels';
import { entityLabel } from '../../shared/auditLabels';
import { called, closeAuditEnv, env, newestOn, openAuditEnv, OPERATOR, type Has, type Step } from './auditCoverage/harness';
import { setupSteps } from './auditCoverage/setupSteps';
import { cadresSteps } from './auditCoverage/cadresSteps';
import { attendanceSteps } from './auditCoverage/attendanceSteps';
import { worklogSteps } from './auditCoverage/worklogSteps';
import { workSteps } from './auditCoverage/workSteps';
import { evaluationSteps } from './auditCoverage/evaluationSteps';
import { exchangeSteps } from './auditCoverage/exchangeSteps';

const DEFAULT_HAS: Record<string, Has> = {
  create: 'after',
  attach: 'after',
  finalise: 'after',
  import: 'after',
  update: 'both',
  move: 'both',
  reopen: 'both',
  delete: 'before',
};

/** The steps in order, one file per feature (auditCoverage/*Steps.ts); later steps build on earlier ones. */
const STEPS: Step[] = [
  ...setupSteps,
  ...cadresSteps,
  ...attendanceSteps,
  ...worklogSteps,
  ...workSteps,
  ...evaluationSteps,
  ...exchangeSteps,
];

interface Entry {
  id: number;
  operator: string | null;
  action: string;
  entity: string;
  before: string | null;
  after: string | null;
}

let mark = 0;
const matches = (f: string | RegExp, key: string) => (typeof f === 'string' ? key === f : f.test(key));
const keysWithValue = (v: unknown) =>
  Object.entries((v ?? {}) as Record<string, unknown>)
    .filter(([, x]) => x !== null && x !== undefined)
    .map(([k]) => k);

beforeAll(openAuditEnv);
afterAll(closeAuditEnv);

describe('every change a clerk makes is in the audit log with before and after', () => {
  for (const s of STEPS) {
    it(`${s.kind}: ${s.action} ${s.entity}`, async () => {
      const on = s.on?.() ?? env.core;
      const since = s.run ? newestOn(on) : mark;
      await s.run?.();
      mark = since;
      const e = on.ctx.db
        .prepare('SELECT id, operator, action, entity, before, after FROM audit_log WHERE id > ? AND entity = ? ORDER BY id DESC LIMIT 1')
        .get(since, s.entity) as Entry | undefined;
      expect(e, `no audit entry for ${s.entity}`).toBeDefined();
      expect([e!.operator, e!.entity, e!.action]).toEqual([OPERATOR, s.entity, s.action]);
      const has = s.has ?? DEFAULT_HAS[s.action]!;
      if (has === 'any') return;
      const before: unknown = e!.before === null ? undefined : JSON.parse(e!.before);
      const after: unknown = e!.after === null ? undefined : JSON.parse(e!.after);
      expect([before !== undefined, after !== undefined], 'before/after present').toEqual([
        has === 'before' || has === 'both',
        has === 'after' || has === 'both',
      ]);
      if (has === 'none') return;
      const field = s.field!;
      if (has === 'both') {
        const changed = diffFields(before, after)
          .filter((d) => d.changed)
          .map((d) => d.field);
        expect(
          changed.some((k) => matches(field, k)),
          `changed fields: ${changed.join(', ')}`,
        ).toBe(true);
      } else {
        const keys = keysWithValue(has === 'after' ? after : before);
        expect(
          keys.some((k) => matches(field, k)),
          `stored fields: ${keys.join(', ')}`,
        ).toBe(true);
      }
    });
  }

  it('covers the contract: every channel not declared read-only was called and wrote an audit entry', () => {
    const all = Object.keys(channels) as Channel[];
    const readOnly = READ_ONLY_CHANNELS as Partial<Record<Channel, ReadOnlyReason>>;
    // The declaration names real channels only.
    expect(Object.keys(readOnly).filter((c) => !all.includes(c as Channel))).toEqual([]);
    const mutating = all.filter((c) => readOnly[c] === undefined);
    expect(
      mutating.filter((c) => !called.has(c)),
      'mutating channels the table never calls',
    ).toEqual([]);
    expect(
      mutating.filter((c) => called.get(c)!.audited === 0),
      'mutating channels that wrote no audit entry',
    ).toEqual([]);
  });

  it('declared read-only channels never wrote an audit entry, and those that only read changed nothing', () => {
    const readOnly = READ_ONLY_CHANNELS as Partial<Record<Channel, ReadOnlyReason>>;
    const declared = [...called].filter(([c]) => readOnly[c] !== undefined);
    expect(declared.length).toBeGreaterThan(5);
    // A job's own entry may land while its status is polled, so 'job' channels are left out here.
    expect(declared.filter(([c, n]) => readOnly[c] !== 'job' && n.audited > 0).map(([c]) => c)).toEqual([]);
    expect(declared.filter(([c, n]) => readOnly[c] === 'read' && n.changed > 0).map(([c]) => c)).toEqual([]);
  });

  it('speaks Chinese: every record type and every coded key the log stored has a label (issue 14, finding 4)', () => {
    const unlabelled = new Set<string>();
    const walk = (entity: string, v: unknown): void => {
      if (typeof v === 'string' && /^[[{]/.test(v)) {
        try {
          walk(entity, JSON.parse(v));
        } catch {
          // text as written
        }
      } else if (Array.isArray(v)) v.forEach((x) => walk(entity, x));
      else if (v && typeof v === 'object')
        for (const [k, x] of Object.entries(v)) {
          // a key that is not a code (a grid cell's 王立新(1) 2024-03-01 全) is shown as it is
          if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(k) && !hasFieldLabel(k)) unlabelled.add(`${entity}.${k}`);
          // a result row's component scores are keyed by the scheme's own component keys
          if (k !== 'componentScores') walk(entity, x);
        }
    };
    for (const on of [env.core, env.reviewer!]) {
      const rows = on.ctx.db.prepare('SELECT entity, detail, before, after FROM audit_log').all() as Array<Record<string, string | null>>;
      expect(rows.length).toBeGreaterThan(10);
      for (const r of rows) {
        if (entityLabel(r.entity!) === '其他记录') unlabelled.add(r.entity!);
        for (const c of ['detail', 'before', 'after']) if (r[c]) walk(r.entity!, JSON.parse(r[c]!));
      }
    }
    expect([...unlabelled].sort()).toEqual([]);
  });

  it('stores no file contents: originals appear by hash and name only', () => {
    const big = env.core.ctx.db
      .prepare("SELECT MAX(LENGTH(COALESCE(before, '')) + LENGTH(COALESCE(after, ''))) AS n FROM audit_log")
      .get() as {
      n: number;
    };
    expect(big.n).toBeLessThan(20_000);
    const text = env.core.ctx.db
      .prepare("SELECT COUNT(*) AS n FROM audit_log WHERE after LIKE '%PDF-1.%' OR before LIKE '%PDF-1.%'")
      .get() as {
      n: number;
    };
    expect(text.n).toBe(0);
  });
});
