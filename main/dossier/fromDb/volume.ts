/**
 * The volume (卷) of one cadre: its period, the county's list of volumes for a year, and the
 * file name. The volume's 档号 is not computed here: it is assigned once and stored
 * (main/core/archive/numbers.ts), so list order never renumbers a volume.
 */
import type { DossierScope } from '../../../shared/api/dossier';
import type { CadreDetail, Posting } from '../../../shared/domain';
import { AppError } from '../../../shared/result';
import { localToday } from '../../core/runtime/clock';

export interface Period {
  from: string;
  to: string;
  yearLabel: string;
  /** Year used in the 档号 (start year for a term). */
  codeYear: string;
}

export function periodOf(cadre: CadreDetail, scope: DossierScope): Period {
  if (scope !== 'term') return { from: `${scope}-01-01`, to: `${scope}-12-31`, yearLabel: String(scope), codeYear: String(scope) };
  if (cadre.postings.length === 0) throw new AppError('INVALID_INPUT', `${cadre.name}没有任职记录，无法按任期生成档案，请按年度生成`);
  const from = cadre.postings.map((p) => p.start).sort()[0]!;
  const ends = cadre.postings.map((p) => p.end);
  const to = ends.includes(null) ? localToday() : (ends as string[]).sort().at(-1)!;
  const y1 = from.slice(0, 4);
  const y2 = to.slice(0, 4);
  return { from, to, yearLabel: y1 === y2 ? y1 : `${y1}—${y2}`, codeYear: y1 };
}

/** The posting printed on the cover: the latest one that touches the period (else the latest one). */
export function postingFor(cadre: CadreDetail, from: string, to: string): Posting | null {
  const touching = cadre.postings.filter((p) => p.start <= to && (p.end === null || p.end >= from));
  const list = touching.length ? touching : cadre.postings;
  return [...list].sort((a, b) => a.start.localeCompare(b.start)).at(-1) ?? null;
}

/** `<档号> <姓名>.pdf`, with characters Windows refuses in names replaced. */
export function dossierFileName(code: string, name: string): string {
  return `${code} ${name}.pdf`.replace(/[\\/:*?"<>|]/g, '_');
}
