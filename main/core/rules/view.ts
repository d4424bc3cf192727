/** The rules screen's view: the rules in force, their versions, and the year's 优秀 quota rule. */
import { quotaRuleText } from '../../../shared/evaluation/results';
import type { RulesView } from '../../../shared/rules';
import type { Db } from '../../store/db';
import { activeScheme } from '../evaluation/schemes';
import { countyName } from '../evaluation/roster';
import { ruleHistory, rulesInForce } from './settings';

export function rulesView(db: Db, countyId: number, year: number): RulesView {
  const county = countyName(db, countyId);
  const scheme = activeScheme(db, countyId, year);
  return {
    ...rulesInForce(db, countyId, year),
    county,
    history: ruleHistory(db, countyId),
    quota: scheme ? { schemeId: scheme.id, schemeVersion: scheme.version, schemeName: scheme.name, text: quotaRuleText(scheme) } : null,
  };
}
