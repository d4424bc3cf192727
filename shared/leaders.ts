/**
 * City leaders who "contract" counties (市委组织部领导班子成员每人"承包"两个县(市、区)) and the checks
 * they made there (不打招呼、不设路线、直接进村、随机入户). A record and a view, not an alert: the
 * source gives no cadence. Leaders are never ranked by how many checks they made (减负).
 * Pure: no node:*, no DOM.
 */

/** One contract: the leader answers for the county from `start` to `end` (null: still). */
export interface LeaderContract {
  id: number;
  countyId: number;
  county: string;
  /** Fingerprint of the department the county was imported from; null for an own county. */
  origin: string | null;
  start: string;
  end: string | null;
}

export interface CityLeader {
  id: number;
  name: string;
  /** 职务, e.g. 市委组织部副部长. */
  title: string;
  contracts: LeaderContract[];
  /** Checks linked to the leader (any year). */
  linkedChecks: number;
}

/** One check a leader made, as the view lists it. */
export interface LeaderCheck {
  checkId: number;
  date: string;
  kind: string;
  township: string;
  /** Villages of the cadres checked, joined with 、 (empty when only township posts were checked). */
  villages: string;
  checked: number;
  notOnPost: number;
  /** Names of those found not on post, joined with 、. */
  notOnPostNames: string;
  findings: string | null;
}

/** A county the leader contracted for some part of the year, and the checks made there then. */
export interface LeaderCountyYear {
  countyId: number;
  county: string;
  origin: string | null;
  /** The contract period as recorded (it may reach beyond the year). */
  start: string;
  end: string | null;
  checks: LeaderCheck[];
}

export interface LeaderYear {
  leaderId: number;
  name: string;
  title: string;
  counties: LeaderCountyYear[];
  /** Checks linked to the leader that year outside the contracted counties and periods. */
  elsewhere: Array<LeaderCheck & { county: string }>;
  /** Every check linked to the leader that year (contracted counties and elsewhere). */
  checkCount: number;
}

/** A 市级 check of the year in a contracted county that names no leader yet. */
export interface UnlinkedCityCheck extends LeaderCheck {
  countyId: number;
  county: string;
  checker: string;
}

export interface LeadersYearView {
  year: number;
  leaders: LeaderYear[];
  unlinked: UnlinkedCityCheck[];
}

/** What a leader with no recorded check in the year shows: the truth, not a zero that reads as a fact. */
export const NO_CHECKS_TEXT = '本年度未录入督查记录';

/** The contract period in words: 2024-03-01 至今 / 2024-03-01 至 2025-02-28. */
export const contractPeriodText = (start: string, end: string | null): string => `${start} 至${end === null ? '今' : ` ${end}`}`;

/** Whether a contract period overlaps the calendar year. */
export const overlapsYear = (start: string, end: string | null, year: number): boolean =>
  start <= `${year}-12-31` && (end === null || end >= `${year}-01-01`);
