/** Which source supplies each figure; collects the facts of the figures asked for. */
import type { FigureKey } from '../../../shared/stats';
import type { Db } from '../../store/db';
import { attendanceFacts } from './attendanceFacts';
import { evaluationFacts } from './evaluationFacts';
import type { FigureFacts, Scope } from './facts';
import { reportFacts } from './reportFacts';
import { workFacts } from './workFacts';

type Source = (db: Db, s: Scope) => FigureFacts[];

const SOURCES: Array<{ keys: FigureKey[]; run: Source }> = [
  { keys: ['attendance'], run: (db, s) => [attendanceFacts(db, s)] },
  { keys: ['weakDelistedYear', 'weakDelistedTerm', 'villagesIncome50k', 'projects', 'projectFunds'], run: workFacts },
  { keys: ['reportsOnTime'], run: (db, s) => [reportFacts(db, s)] },
  { keys: ['commended', 'promoted'], run: evaluationFacts },
];

export function collectFacts(db: Db, s: Scope, only?: FigureKey): Map<FigureKey, FigureFacts> {
  const out = new Map<FigureKey, FigureFacts>();
  for (const src of SOURCES) {
    if (only && !src.keys.includes(only)) continue;
    for (const ff of src.run(db, s)) out.set(ff.key, ff);
  }
  return out;
}
