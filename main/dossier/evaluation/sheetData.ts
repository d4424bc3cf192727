/**
 * What the 考核登记表 and the county table print: a cadre's result (the finalised snapshot when
 * there is one, otherwise the live result marked 未定档) with the scheme it was computed under.
 */
import {
  computeResults,
  countyName,
  countyOfCadre,
  evaluationRoster,
  finalisedResult,
  getCadre,
  getScheme,
  listComments,
  rulesInForce,
} from '../../core/dossierReads/readers';
import type { CadreDetail } from '../../../shared/domain';
import type { EvaluationResults, ResultRow, Scheme } from '../../../shared/evaluation';
import { AppError } from '../../../shared/result';
import type { EvalComment } from '../../../shared/api/exchange';
import type { ReadonlyDb } from '../../core/dossierReads/readers';
import type { RulesInForce } from '../../../shared/rules';

export interface SheetData {
  county: string;
  year: number;
  cadre: CadreDetail;
  row: ResultRow;
  scheme: Scheme;
  /** Term within the county (first start — end or 至今). */
  term: string;
  finalised: boolean;
  finalisedAt: string | null;
  /** 评审意见 an evaluator sent back in a review bundle, if any. */
  review: EvalComment | null;
  /** The county's rules in force for the year (rank printing, the thresholds the form explains). */
  rules: RulesInForce;
}

export function sheetData(db: ReadonlyDb, cadreId: number, year: number, today?: string): SheetData {
  const cadre = getCadre(db, cadreId);
  const fin = finalisedResult(db, cadreId, year);
  const countyId = fin?.countyId ?? countyOfCadre(db, cadreId, year);
  const county = countyName(db, countyId);
  const r = evaluationRoster(db, countyId, year).find((c) => c.cadreId === cadreId);
  const term = r ? `${r.start} 至 ${r.end ?? '今'}` : '—';
  const review = listComments(db, countyId, year).find((c) => c.cadreId === cadreId) ?? null;
  const rules = rulesInForce(db, countyId, year);
  if (fin)
    return {
      county,
      year,
      cadre,
      row: fin.row,
      scheme: getScheme(db, fin.schemeId),
      term,
      finalised: true,
      finalisedAt: fin.finalisedAt,
      review,
      rules,
    };
  const res = computeResults(db, today ? { countyId, year, today } : { countyId, year });
  const row = res.rows.find((x) => x.cadreId === cadreId);
  if (!res.scheme) throw new AppError('INVALID_INPUT', `${county}${year}年度尚未启用考核方案，无法打印考核登记表`);
  if (!row) throw new AppError('INVALID_INPUT', `${cadre.name}${year}年度没有考核结果`);
  return { county, year, cadre, row, scheme: getScheme(db, res.scheme.id), term, finalised: false, finalisedAt: null, review, rules };
}

export interface TableData {
  county: string;
  year: number;
  results: EvaluationResults;
  scheme: Scheme;
}

export function tableData(db: ReadonlyDb, countyId: number, year: number, today?: string): TableData {
  const county = countyName(db, countyId);
  const results = computeResults(db, today ? { countyId, year, today } : { countyId, year });
  if (!results.scheme) throw new AppError('INVALID_INPUT', `${county}${year}年度尚未启用考核方案`);
  return { county, year, results, scheme: getScheme(db, results.scheme.id) };
}
