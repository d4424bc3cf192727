/**
 * The records behind the figures. Each source (attendance, work, reports) turns its tables
 * into facts; the figures are sums over the facts and the drill-down lists the very same
 * facts, so a figure and the records it opens can never disagree.
 */
import type { DrillRecord, FigureKey } from '../../../shared/stats';
import type { Db } from '../../store/db';

export interface Fact extends DrillRecord {
  townshipId: number;
  /** What a counted fact adds to the value: 1 for counts, fen for money. */
  weight: number;
  /** Chart groupings: a project's kind; the month of a cadre-month. */
  kind?: string;
  month?: string;
  /** Not yet certified (未认定): counted in neither numerator nor denominator, but in `pending`. */
  pending?: boolean;
  /** A project's funds by source, fen. */
  sources?: Record<string, number>;
}

export interface FigureFacts {
  key: FigureKey;
  /** null when the records exist; otherwise why the figure is shown as —. */
  unavailable: string | null;
  /** Shown beside an available figure (how it is counted, or why it is 0). */
  note?: string;
  facts: Fact[];
}

export interface Township {
  id: number;
  name: string;
  countyId: number;
  county: string;
}

export interface Scope {
  year: number;
  countyId: number | null;
  /** The clerk's today: months and due dates after it are not counted yet. */
  today: string;
  townships: Map<number, Township>;
}

/** True when a table exists (another feature's migration may not have landed in this data file). */
export function hasTable(db: Db, name: string): boolean {
  return !!db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(name);
}

/** Column names of a table (sources read only the columns they know). */
export function columnsOf(db: Db, table: string): Set<string> {
  return new Set((db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as Array<{ name: string }>).map((r) => r.name));
}
