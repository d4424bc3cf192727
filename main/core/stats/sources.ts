/**
 * Which source supplies each figure; collects the facts of the figures asked for.
 * A scope spanning several counties (the city) is collected county by county, so every
 * county's facts are exactly those of its own view (its term start, its settings) and the
 * city's figures are the sum of the counties'.
 */
import type { FigureKey } from '../../../shared/stats';
import type { Db } from '../../store/db';
import { attendanceFacts } from './attendanceFacts';
import { cumulativeFacts } from './cumulativeFacts';
import { evaluationFacts } from './evaluationFacts';
import type { FigureFacts, Scope } from './facts';
import { reportFacts } from './reportFacts';
import { verificationFacts } from './verificationFacts';
import { villageFacts } from './villageFacts';
import { workFacts } from './workFacts';

type Source = (db: Db, s: Scope) => FigureFacts[];

const SOURCES: Array<{ keys: FigureKey[]; run: Source }> = [
  { keys: ['attendance'], run: (db, s) => [attendanceFacts(db, s)] },
  { keys: ['registerChecks'], run: (db, s) => [verificationFacts(db, s)] },
  { keys: ['weakDelistedYear', 'weakDelistedTerm', 'projects', 'projectFunds'], run: workFacts },
  { keys: ['reportsOnTime'], run: (db, s) => [reportFacts(db, s)] },
  { keys: ['commended', 'promoted'], run: evaluationFacts },
  { keys: ['villagesIncome50k', 'villagesIncome50kChange', 'shellVillages', 'weakNetChange'], run: villageFacts },
  { keys: ['commendedSince', 'promotedSince'], run: cumulativeFacts },
];

function collectOne(db: Db, s: Scope, only?: FigureKey): Map<FigureKey, FigureFacts> {
  const out = new Map<FigureKey, FigureFacts>();
  for (const src of SOURCES) {
    if (only && !src.keys.includes(only)) continue;
    for (const ff of src.run(db, s)) out.set(ff.key, ff);
  }
  return out;
}

/** The scope cut into one scope per county (in the scope's county order). */
export function countyScopes(s: Scope): Array<{ county: string; scope: Scope }> {
  const by = new Map<number, { county: string; scope: Scope }>();
  for (const t of s.townships.values()) {
    let e = by.get(t.countyId);
    if (!e) by.set(t.countyId, (e = { county: t.county, scope: { ...s, countyId: t.countyId, townships: new Map() } }));
    e.scope.townships.set(t.id, t);
  }
  return [...by.values()];
}

export function collectFacts(db: Db, s: Scope, only?: FigureKey): Map<FigureKey, FigureFacts> {
  const parts = countyScopes(s);
  if (parts.length <= 1) return collectOne(db, s, only);
  const collected = parts.map((p) => ({ county: p.county, facts: collectOne(db, p.scope, only) }));
  const out = new Map<FigureKey, FigureFacts>();
  for (const [key, first] of collected[0]!.facts) {
    const each = collected.map((c) => ({ county: c.county, ff: c.facts.get(key)! }));
    const notes = new Set(each.map((e) => e.ff.note ?? ''));
    // Notes that differ by county (e.g. each county's term start) are kept, named by county.
    const note =
      notes.size <= 1
        ? first.note
        : each
            .filter((e) => e.ff.note)
            .map((e) => `${e.county}${e.ff.note}`)
            .join('；');
    out.set(key, { key, unavailable: first.unavailable, ...(note ? { note } : {}), facts: each.flatMap((e) => e.ff.facts) });
  }
  return out;
}
