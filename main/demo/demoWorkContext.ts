/**
 * What the demo's work records read from the archive before writing: the demo county, its
 * townships and villages, and every cadre with postings (through core lookups), plus small date
 * helpers relative to the injected today. Y is today's year.
 */
import type { CadreDetail, Posting } from '../../shared/domain';
import type { Db } from '../store/db';
import { getCadre, listCadres } from '../core/cadres/cadres';
import { countyByName } from '../core/lookup';
import { orgTree } from '../core/org/org';
import { DEMO_COUNTY } from './demoData';

export interface WorkPlace {
  townshipId: number;
  township: string;
  villages: Array<{ id: number; name: string }>;
}

export interface WorkContext {
  db: Db;
  today: string;
  /** Today's year. */
  Y: number;
  countyId: number;
  county: string;
  townships: WorkPlace[];
  cadres: CadreDetail[];
}

export function readWorkContext(db: Db, today: string): WorkContext {
  const county = countyByName(db, DEMO_COUNTY.name);
  const tree = orgTree(db).counties.find((c) => c.id === county.id)!;
  const townships = tree.townships.map((t) => ({
    townshipId: t.id,
    township: t.name,
    villages: t.villages.map((v) => ({ id: v.id, name: v.name })),
  }));
  const own = new Set(townships.map((t) => t.townshipId));
  const cadres = listCadres(db)
    .map((c) => getCadre(db, c.id))
    .filter((c) => c.postings.some((p) => own.has(p.townshipId)))
    .sort((a, b) => a.id - b.id);
  return { db, today, Y: Number(today.slice(0, 4)), countyId: county.id, county: county.name, townships, cadres };
}

export const pad2 = (n: number): string => String(n).padStart(2, '0');
export const ymd = (y: number, m: number, d: number): string => `${y}-${pad2(m)}-${pad2(d)}`;
export const notAfter = (date: string, today: string): boolean => date <= today;

/** The cadre's posting on a date, or undefined. */
export function postingOnDate(c: CadreDetail, date: string): Posting | undefined {
  return c.postings.find((p) => p.start <= date && (p.end === null || p.end >= date));
}

/** The cadre's last posting that overlaps the year, or undefined. */
export function postingInYear(c: CadreDetail, year: number): Posting | undefined {
  return c.postings.filter((p) => p.start <= `${year}-12-31` && (p.end === null || p.end >= `${year}-01-01`)).pop();
}

/** The village a cadre's work of the year belongs to: their posting's, or their township's first. */
export function villageOfYear(w: WorkContext, c: CadreDetail, year: number): { id: number; name: string } | null {
  const p = postingInYear(c, year);
  if (!p) return null;
  if (p.villageId !== null) return { id: p.villageId, name: p.villageName ?? '' };
  return w.townships.find((t) => t.townshipId === p.townshipId)?.villages[0] ?? null;
}
