/**
 * The volume (卷) of one cadre: its period, the county's list of volumes for a year, and the
 * file name. The volume's 档号 is not computed here: it is assigned once and stored
 * (main/core/archive/numbers.ts), so list order never renumbers a volume.
 */
import type { DossierScope } from '../../../shared/api/dossier';
import type { CadreDetail, Posting } from '../../../shared/domain';
import { AppError } from '../../../shared/result';
import { localToday } from '../../core/attendance/common';
import type { Db } from './settings';

const zh = new Intl.Collator('zh-CN');

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

interface CountyRow {
  cadreId: number;
  name: string;
  township: string;
  village: string | null;
}

/** Cadres with a posting in the county during the period, in the order the county's files are numbered. */
export function countyCadres(db: Db, countyId: number, from: string, to: string): CountyRow[] {
  const rows = db
    .prepare(
      `SELECT p.cadre_id AS cadreId, c.name, t.name AS township, v.name AS village, p.start
         FROM postings p JOIN cadres c ON c.id = p.cadre_id JOIN townships t ON t.id = p.township_id
         LEFT JOIN villages v ON v.id = p.village_id
        WHERE t.county_id = ? AND p.start <= ? AND (p."end" IS NULL OR p."end" >= ?)
        ORDER BY p.start DESC`,
    )
    .all(countyId, to, from) as Array<CountyRow & { start: string }>;
  const seen = new Map<number, CountyRow>();
  for (const r of rows) if (!seen.has(r.cadreId)) seen.set(r.cadreId, r); // latest posting wins
  return [...seen.values()].sort(
    (a, b) => zh.compare(a.township, b.township) || zh.compare(a.village ?? '', b.village ?? '') || zh.compare(a.name, b.name) || a.cadreId - b.cadreId,
  );
}

/** `<档号> <姓名>.pdf`, with characters Windows refuses in names replaced. */
export function dossierFileName(code: string, name: string): string {
  return `${code} ${name}.pdf`.replace(/[\\/:*?"<>|]/g, '_');
}
