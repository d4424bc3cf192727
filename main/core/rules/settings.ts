/**
 * Rule settings per county and year, versioned (shared/rules.ts). Reading: the newest version
 * whose effective year is not after the year asked, else the county's older single-row
 * settings (county_settings, report_settings), else the defaults. Writing: a new version for
 * the effective year, holding the full settings (the rules in force for that year with the
 * change applied), audited; nothing stored is ever rewritten.
 */
import { attendanceSettingsPatchSchema } from '../../../shared/attendance';
import { AppError } from '../../../shared/result';
import {
  DEFAULT_RULE_SETTINGS,
  ruleSettingsPatchSchema,
  ruleSettingsSchema,
  type RuleSettings,
  type RulesInForce,
  type RuleVersion,
} from '../../../shared/rules';
import { nowIso, type Db } from '../../store/db';
import { audit } from '../audit/log';
import { operatorOf } from '../attendance/common';
import { readStoredPatch } from './storedPatch';
import { stmt } from '../../store/statementCache';

type Row = {
  id: number;
  countyId: number;
  effectiveYear: number;
  version: number;
  body: string;
  note: string | null;
  operator: string | null;
  createdAt: string;
};
const COLS = 'id, county_id AS countyId, effective_year AS effectiveYear, version, body, note, operator, created_at AS createdAt';

function parseBody(body: string, base: RuleSettings): RuleSettings {
  return { ...base, ...readStoredPatch(body, ruleSettingsPatchSchema) };
}

/** The county's older single-row settings over the defaults (what applies before any version). */
export function baseRules(db: Db, countyId: number): { settings: RuleSettings; fromCounty: boolean } {
  const att = stmt(db, 'SELECT settings FROM county_settings WHERE county_id = ?').get(countyId) as { settings: string } | undefined;
  const rep = stmt(
    db,
    'SELECT quarter_due_days AS quarterDueDays, half_due_days AS halfDueDays FROM report_settings WHERE county_id = ?',
  ).get(countyId) as { quarterDueDays: number; halfDueDays: number } | undefined;
  let settings: RuleSettings = { ...DEFAULT_RULE_SETTINGS };
  if (att) settings = { ...settings, ...readStoredPatch(att.settings, attendanceSettingsPatchSchema) };
  if (rep) settings = { ...settings, quarterDueDays: rep.quarterDueDays, halfDueDays: rep.halfDueDays };
  return { settings, fromCounty: Boolean(att || rep) };
}

/** The rules in force for a county in a year. */
export function rulesInForce(db: Db, countyId: number, year: number): RulesInForce {
  const base = baseRules(db, countyId);
  const r = stmt(
    db,
    `SELECT ${COLS} FROM rule_settings WHERE county_id = ? AND effective_year <= ? ORDER BY effective_year DESC, version DESC LIMIT 1`,
  ).get(countyId, year) as Row | undefined;
  if (!r)
    return { countyId, year, settings: base.settings, source: base.fromCounty ? 'county' : 'default', effectiveYear: null, version: null };
  return {
    countyId,
    year,
    settings: parseBody(r.body, base.settings),
    source: 'version',
    effectiveYear: r.effectiveYear,
    version: r.version,
  };
}

/** Every stored version of a county, newest first. */
export function ruleHistory(db: Db, countyId: number): RuleVersion[] {
  const base = baseRules(db, countyId).settings;
  const rows = stmt(db, `SELECT ${COLS} FROM rule_settings WHERE county_id = ? ORDER BY effective_year DESC, version DESC`).all(
    countyId,
  ) as Row[];
  return rows.map((r) => ({ ...r, settings: parseBody(r.body, base) }));
}

/** A county's id by its name (the CLI's --county), with a Chinese error when there is none. */
/**
 * Stores the change as a new version effective from `year`: the rules in force for that year
 * with the patch applied. A patch that changes nothing stores nothing.
 */
export function setRules(db: Db, countyId: number, year: number, patch: Partial<RuleSettings>, note?: string | null): RulesInForce {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new AppError('INVALID_INPUT', '施行年度应在2000年至2100年之间');
  const parsed = ruleSettingsPatchSchema.strict().safeParse(patch);
  if (!parsed.success) throw new AppError('INVALID_INPUT', parsed.error.issues[0]?.message ?? '规则设置有误');
  return db.transaction(() => {
    if (!db.prepare('SELECT 1 FROM counties WHERE id = ?').get(countyId))
      throw new AppError('NOT_FOUND', '所选县（市、区）不存在，请刷新后重试');
    const before = rulesInForce(db, countyId, year);
    const merged = ruleSettingsSchema.safeParse({ ...before.settings, ...parsed.data });
    if (!merged.success) throw new AppError('INVALID_INPUT', merged.error.issues[0]?.message ?? '规则设置有误');
    const next = merged.data;
    if (JSON.stringify(next) === JSON.stringify(before.settings)) return before;
    const version = (
      stmt(db, 'SELECT COALESCE(MAX(version), 0) + 1 AS v FROM rule_settings WHERE county_id = ? AND effective_year = ?').get(
        countyId,
        year,
      ) as { v: number }
    ).v;
    const text = note?.trim() ? note.trim().slice(0, 200) : null;
    const id = Number(
      stmt(
        db,
        'INSERT INTO rule_settings (county_id, effective_year, version, body, note, operator, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ).run(countyId, year, version, JSON.stringify(next), text, operatorOf(db), nowIso()).lastInsertRowid,
    );
    audit(
      db,
      'create',
      'rule_settings',
      id,
      { countyId, effectiveYear: year, version, note: text },
      { before: before.settings, after: next },
    );
    return rulesInForce(db, countyId, year);
  })();
}
