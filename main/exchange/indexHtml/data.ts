/**
 * What the bundle's pages show, read straight from the database with the bundle's scope:
 * the county, and its cadres with a posting in the county overlapping the year — their
 * details and postings, the year's materials, attendance per month, the finalised result.
 */
import { AppError } from '../../../shared/result';
import type { MonthGrid } from '../../../shared/api/attendance';
import type { CadreDetail, Material } from '../../../shared/domain';
import type { ResultRow } from '../../../shared/evaluation';
import { getMonthGrid } from '../../core/attendance/grid';
import { listMaterials } from '../../core/bag/bag';
import { getCadre } from '../../core/cadres/cadres';
import { finalisedResult } from '../../core/evaluation/results';
import type { Db } from '../../store/db';
import { localToday } from '../../core/runtime/clock';

export interface AttendanceMonth {
  month: string;
  township: string;
  required: number;
  onPost: number;
  leave: number;
  absent: number;
  /** Rest days outside the count (the county does not count rest days). */
  rest: number;
  meetsMinimum: boolean;
  /** False while the month has not ended (figures still provisional). */
  complete: boolean;
  /** 认定人 and date, or null when not certified. */
  certified: string | null;
}

export interface ScopeCadre {
  /** 1-based; the cadre's page is cadres/<no>.html. */
  no: number;
  detail: CadreDetail;
  /** Township and village of the latest posting in the county during the year. */
  township: string;
  village: string | null;
  materials: Material[];
  attendance: AttendanceMonth[];
  result: { row: ResultRow; finalisedAt: string } | null;
}

export interface BundleScope {
  county: string;
  year: number;
  cadres: ScopeCadre[];
}

const zh = new Intl.Collator('zh-CN');
const pad = (n: number) => String(n).padStart(2, '0');

/** `withMaterials` false leaves each cadre's materials empty, for callers that load them one cadre at a time. */
export function readScope(db: Db, countyId: number, year: number, today = localToday(), withMaterials = true): BundleScope {
  const county = db.prepare('SELECT name FROM counties WHERE id = ?').get(countyId) as { name: string } | undefined;
  if (!county) throw new AppError('NOT_FOUND', '所选县（市、区）不存在，可能已被删除，请刷新后重试');
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const rows = db
    .prepare(
      `SELECT c.id, t.id AS townshipId, t.name AS township, v.name AS village
         FROM cadres c
         JOIN postings p ON p.id = (SELECT p2.id FROM postings p2 JOIN townships t2 ON t2.id = p2.township_id
                                     WHERE p2.cadre_id = c.id AND t2.county_id = @county AND p2.start <= @to AND (p2."end" IS NULL OR p2."end" >= @from)
                                     ORDER BY p2.start DESC, p2.id DESC LIMIT 1)
         JOIN townships t ON t.id = p.township_id LEFT JOIN villages v ON v.id = p.village_id`,
    )
    .all({ county: countyId, from, to }) as Array<{ id: number; townshipId: number; township: string; village: string | null }>;
  const grids = new Map<string, MonthGrid>();
  const grid = (townshipId: number, month: string) => {
    const k = `${townshipId}|${month}`;
    let g = grids.get(k);
    if (!g) grids.set(k, (g = getMonthGrid(db, townshipId, month)));
    return g;
  };
  // Months that have begun: later ones have nothing to show yet.
  const months = Array.from({ length: 12 }, (_, i) => `${year}-${pad(i + 1)}`).filter((m) => `${m}-01` <= today);
  const details = rows.map((r) => ({ r, detail: getCadre(db, r.id) }));
  details.sort(
    (a, b) =>
      a.r.townshipId - b.r.townshipId ||
      zh.compare(a.r.village ?? '', b.r.village ?? '') ||
      zh.compare(a.detail.name, b.detail.name) ||
      a.r.id - b.r.id,
  );
  return {
    county: county.name,
    year,
    cadres: details.map(({ r, detail }, i) => {
      const fin = finalisedResult(db, r.id, year);
      return {
        no: i + 1,
        detail,
        township: r.township,
        village: r.village,
        materials: withMaterials ? listMaterials(db, r.id, year) : [],
        attendance: attendanceOf(detail, countyId, months, grid),
        result: fin && fin.countyId === countyId ? { row: fin.row, finalisedAt: fin.finalisedAt } : null,
      };
    }),
  };
}

function attendanceOf(
  c: CadreDetail,
  countyId: number,
  months: string[],
  grid: (townshipId: number, month: string) => MonthGrid,
): AttendanceMonth[] {
  const out: AttendanceMonth[] = [];
  for (const m of months) {
    const first = `${m}-01`;
    const last = `${m}-31`;
    const townships = [
      ...new Set(
        c.postings.filter((p) => p.countyId === countyId && p.start <= last && (p.end === null || p.end >= first)).map((p) => p.townshipId),
      ),
    ];
    for (const t of townships) {
      const g = grid(t, m);
      const row = g.rows.find((x) => x.cadreId === c.id);
      if (!row) continue;
      const n = row.counts;
      out.push({
        month: m,
        township: g.townshipName,
        required: n.required,
        onPost: n.onPost,
        leave: n.leave,
        absent: n.absent,
        rest: n.rest,
        meetsMinimum: n.meetsMinimum,
        complete: g.complete,
        certified: g.certification ? `${g.certification.secretaryName} ${g.certification.certifiedOn.slice(0, 10)}` : null,
      });
    }
  }
  return out;
}
