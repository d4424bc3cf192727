/**
 * Departments for the exchange attacks: the receiver (the demo county 岚川县 with rows in every
 * table, its own key) and peers — separate data folders with their own Ed25519 department keys
 * and a small county of their own entered through the real handlers. A peer's attack bundle is
 * its genuine records.json, altered, and signed with the peer's real key (writeBundle), so only
 * the records layer stands between it and the receiver's data.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { OpenCore } from '../../main/api/open';
import { writeBundle, type BundleKind } from '../../main/exchange/bundle/container';
import { departmentKey, setDepartmentName } from '../../main/exchange/bundle/keys';
import { exportCountyBundle } from '../../main/exchange/exportBundle';
import type { ImportEnv } from '../../main/exchange/importBundle';
import { exportCountyRecords, type RecordsDoc } from '../../main/exchange/records';
import { setSetting } from '../../main/core/runtime/settings';
import { idCheckChar } from '../../shared/idNumber';
import { handlerCalls } from '../fixtures/handlerCalls';
import { openDir, YEAR } from '../integration/exchangeFixture';

export { YEAR };

/** A valid GB 11643 ID number from 17 digits. */
export const idNumber = (first17: string): string => first17 + idCheckChar(first17);

export interface Peer {
  dir: string;
  core: OpenCore;
  fingerprint: string;
  county: string;
  countyId: number;
  /** Local ids at the peer (= remote ids in its bundles). */
  cadres: number[];
  unitName: string;
}

export const envOf = (c: OpenCore): ImportEnv => ({ db: c.ctx.db, dataDir: c.ctx.dataDir, blobs: c.blobs });

export interface PeerSetup {
  department: string;
  county: string;
  unitName: string;
  idSeed: string;
}

/** The department the attacks are aimed at. */
export const LANCHUAN: PeerSetup = { department: '岚川县委组织部', county: '岚川县', unitName: '岚川县农业农村局', idSeed: '330101' };
/** A neighbouring county's department (the attacker, the stranger). */
export const QINGSHI: PeerSetup = { department: '青石县委组织部', county: '青石县', unitName: '青石县水利局', idSeed: '330102' };

/** A department with one county, one township, one village, one unit and two cadres posted there in YEAR. */
export async function makePeer(dir: string, opts: PeerSetup): Promise<Peer> {
  fs.mkdirSync(dir, { recursive: true });
  const core = openDir(dir);
  setSetting(core.ctx.db, 'operator', `${opts.department}王干事`);
  setDepartmentName(core.ctx.db, opts.department);
  const { ok } = handlerCalls(() => core);
  const county = await ok('org.addCounty', { name: opts.county, kind: '县' });
  const township = await ok('org.addTownship', { countyId: county.id, name: '石门镇' });
  const village = await ok('org.addVillage', { townshipId: township.id, name: '上坪村' });
  const unit = await ok('org.addUnit', { name: opts.unitName, level: '县级' });
  const cadres: number[] = [];
  for (const [i, name] of ['周明远', '吴秀兰'].entries()) {
    const c = await ok('cadres.create', {
      cadre: {
        name,
        gender: i === 0 ? '男' : '女',
        birthDate: '1985-03-12',
        idNumber: idNumber(`${opts.idSeed}1985031212${i}`),
        partyStatus: '中共党员',
        phone: null,
        unitId: unit.id,
        level: '县级',
        postType: '村党组织第一书记',
      },
      posting: { townshipId: township.id, villageId: village.id, start: '2024-03-01', end: null },
    });
    cadres.push(c.id);
  }
  return {
    dir,
    core,
    fingerprint: departmentKey(core.ctx.db).fingerprint,
    county: opts.county,
    countyId: county.id,
    cadres,
    unitName: opts.unitName,
  };
}

/** The peer's genuine county bundle, exported by the real exporter. */
export async function exportPeerCounty(peer: Peer, out: string): Promise<string> {
  await exportCountyBundle(envOf(peer.core), { countyId: peer.countyId, year: YEAR, out, withDossiers: false });
  return out;
}

/** The peer's genuine records.json for its county, to alter. */
export function peerRecords(peer: Peer): RecordsDoc {
  return exportCountyRecords(peer.core.ctx.db, { countyId: peer.countyId, year: YEAR, origin: peer.fingerprint });
}

/** Signs `records` (an object, or raw bytes for encoding attacks) with the peer's real department key. */
export async function signedBundle(
  peer: Peer,
  out: string,
  records: RecordsDoc | Buffer,
  opts: { kind?: BundleKind; county?: string } = {},
): Promise<string> {
  const doc = Buffer.isBuffer(records) ? null : records;
  const data = Buffer.isBuffer(records) ? records : Buffer.from(JSON.stringify(records), 'utf8');
  await writeBundle({
    out,
    kind: opts.kind ?? doc?.kind ?? 'county',
    scope: { county: opts.county ?? doc?.scope.county ?? peer.county, year: doc?.scope.year ?? YEAR, cadres: doc?.cadres.length ?? 0 },
    signer: departmentKey(peer.core.ctx.db),
    entries: [{ path: 'records.json', role: 'records', source: { data }, compress: true }],
  });
  return out;
}

/** Rows of one table as objects (columns of the document). */
export function rowsOf(doc: RecordsDoc, table: string): Array<Record<string, unknown>> {
  const t = doc.tables[table];
  if (!t) return [];
  return t.rows.map((r) => Object.fromEntries(t.columns.map((c, i) => [c, r[i]])));
}

/** Replaces a table's rows with objects (keeping the column order). */
export function setRows(doc: RecordsDoc, table: string, rows: Array<Record<string, unknown>>): void {
  const t = doc.tables[table]!;
  t.rows = rows.map((r) => t.columns.map((c) => (r[c] === undefined ? null : r[c]) as string | number | null));
}

export const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

export const bundlePath = (dir: string, name: string) => path.join(dir, `${name}.onebag`);
