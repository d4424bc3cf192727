/**
 * Evaluation schemes, versioned per county and year. A draft is edited in place; an active
 * (or superseded) scheme is never rewritten — saving it creates the next version as a draft.
 * Activating a draft supersedes the previous active version; results already finalised keep
 * the scheme id (and so the version) they were computed with.
 */
import type { z } from 'zod';
import type { schemeBodySchema } from '../../../shared/api/evaluation';
import type { Scheme, SchemeBody, SchemeSummary, TemplateKey } from '../../../shared/evaluation';
import { templateBody, TEMPLATES } from '../../../shared/evaluation/templates';
import { schemeProblem } from '../../../shared/evaluation/validate';
import { AppError } from '../../../shared/result';
import { nowIso, type Db } from '../../store/db';
import { assertOpen } from './years';
import { audit } from '../audit/log';
import { snapshot } from '../audit/snapshot';

type Row = {
  id: number;
  countyId: number;
  year: number;
  version: number;
  status: Scheme['status'];
  template: TemplateKey | null;
  body: string;
  createdAt: string;
  activatedAt: string | null;
};
const COLS = 'id, county_id AS countyId, year, version, status, template, body, created_at AS createdAt, activated_at AS activatedAt';

const toScheme = (r: Row): Scheme => {
  const { body, ...rest } = r;
  // Schemes stored before the quota rounding and minimum group size existed: the rule they used.
  const stored = JSON.parse(body) as Partial<SchemeBody>;
  return {
    ...rest,
    ...(stored as SchemeBody),
    quotaRounding: stored.quotaRounding ?? 'floor',
    quotaMinGroupSize: stored.quotaMinGroupSize ?? 1,
  };
};

export function getScheme(db: Db, id: number): Scheme {
  const r = db.prepare(`SELECT ${COLS} FROM eval_schemes WHERE id = ?`).get(id) as Row | undefined;
  if (!r) throw new AppError('NOT_FOUND', '考核方案不存在，可能已被删除，请刷新后重试');
  return toScheme(r);
}

export function activeScheme(db: Db, countyId: number, year: number): Scheme | null {
  const r = db.prepare(`SELECT ${COLS} FROM eval_schemes WHERE county_id = ? AND year = ? AND status = 'active'`).get(countyId, year) as
    | Row
    | undefined;
  return r ? toScheme(r) : null;
}

export function listSchemes(db: Db, countyId: number, year: number): SchemeSummary[] {
  const rows = db
    .prepare(`SELECT ${COLS} FROM eval_schemes WHERE county_id = ? AND year = ? ORDER BY version DESC`)
    .all(countyId, year) as Row[];
  return rows.map((r) => {
    const s = toScheme(r);
    return {
      id: s.id,
      countyId: s.countyId,
      year: s.year,
      version: s.version,
      status: s.status,
      name: s.name,
      createdAt: s.createdAt,
      activatedAt: s.activatedAt,
    };
  });
}

function assertCounty(db: Db, countyId: number): void {
  if (!db.prepare('SELECT 1 FROM counties WHERE id = ?').get(countyId))
    throw new AppError('NOT_FOUND', '所选县（市、区）不存在，请刷新后重试');
}

function insertDraft(db: Db, countyId: number, year: number, body: SchemeBody, template: TemplateKey | null): Scheme {
  const problem = schemeProblem(body);
  if (problem) throw new AppError('INVALID_INPUT', problem);
  const next = (
    db.prepare('SELECT COALESCE(MAX(version), 0) + 1 AS v FROM eval_schemes WHERE county_id = ? AND year = ?').get(countyId, year) as {
      v: number;
    }
  ).v;
  const id = db
    .prepare(`INSERT INTO eval_schemes (county_id, year, version, status, template, body, created_at) VALUES (?, ?, ?, 'draft', ?, ?, ?)`)
    .run(countyId, year, next, template, JSON.stringify(body), nowIso()).lastInsertRowid;
  audit(
    db,
    'create',
    'eval_scheme',
    Number(id),
    { countyId, year, version: next, template },
    { after: snapshot(db, 'eval_schemes', Number(id)) },
  );
  return getScheme(db, Number(id));
}

export function createFromTemplate(db: Db, countyId: number, year: number, template: TemplateKey): Scheme {
  assertCounty(db, countyId);
  if (!TEMPLATES[template]) throw new AppError('INVALID_INPUT', '没有这个方案模板');
  return db.transaction(() => insertDraft(db, countyId, year, templateBody(template), template))();
}

/** Saves a draft in place, or — for an active or superseded scheme — a new draft version. */
export function saveDraft(db: Db, id: number, body: z.output<typeof schemeBodySchema>): Scheme {
  return db.transaction(() => {
    const s = getScheme(db, id);
    if (s.status !== 'draft') return insertDraft(db, s.countyId, s.year, body, s.template);
    const problem = schemeProblem(body);
    if (problem) throw new AppError('INVALID_INPUT', problem);
    const before = snapshot(db, 'eval_schemes', id);
    db.prepare('UPDATE eval_schemes SET body = ? WHERE id = ?').run(JSON.stringify(body), id);
    audit(
      db,
      'update',
      'eval_scheme',
      id,
      { countyId: s.countyId, year: s.year, version: s.version },
      { before, after: snapshot(db, 'eval_schemes', id) },
    );
    return getScheme(db, id);
  })();
}

export function activateScheme(db: Db, id: number): Scheme {
  return db.transaction(() => {
    const s = getScheme(db, id);
    if (s.status === 'active') return s;
    if (s.status === 'superseded')
      throw new AppError('INVALID_INPUT', `第${s.version}版方案已被替代，不能再启用；如需沿用，请在其基础上保存为新版本`);
    assertOpen(db, s.countyId, s.year, '已定档，不能更换考核方案；如确需调整，请先重新打开');
    const problem = schemeProblem(s);
    if (problem) throw new AppError('INVALID_INPUT', problem);
    db.prepare(`UPDATE eval_schemes SET status = 'superseded' WHERE county_id = ? AND year = ? AND status = 'active'`).run(
      s.countyId,
      s.year,
    );
    const before = snapshot(db, 'eval_schemes', id);
    db.prepare(`UPDATE eval_schemes SET status = 'active', activated_at = ? WHERE id = ?`).run(nowIso(), id);
    audit(
      db,
      'update',
      'eval_scheme',
      id,
      { countyId: s.countyId, year: s.year, version: s.version, activated: true },
      {
        before: { status: before?.status, activated_at: before?.activated_at },
        after: { status: 'active', activated_at: snapshot(db, 'eval_schemes', id)?.activated_at },
      },
    );
    return getScheme(db, id);
  })();
}
