/**
 * Issue 12, finding 1: a trusted department's bundle may create or update only its own rows.
 * The receiver (demo county 岚川县, its own key) has imported the genuine county bundles of two
 * peers (青峰县 and 白沙县, each with its own department key in its own data folder). Each
 * attack is that peer's genuine records.json, altered, and signed with the peer's real key:
 * it names the receiver's own cadre, reuses an ID number of the receiver or of the other peer,
 * overwrites the other peer's cadre, posts an imported cadre into a local village, re-levels a
 * shared unit. Each must show up as a conflict (both sides, field by field) and leave the data
 * folder byte-identical (database content and file listing). A genuine change of the peer's own
 * cadre is listed field by field in the preview, the CLI and the audit log (before and after).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenCore } from '../../main/api/open';
import { departmentKey, setDepartmentName } from '../../main/exchange/bundle/keys';
import { commitImport, previewImport } from '../../main/exchange/importBundle';
import type { RecordsDoc } from '../../main/exchange/records';
import { runOnebag } from '../fixtures/cli';
import { buildSourceCounty, openDir, tempDir } from '../integration/exchangeFixture';
import { dataFolderFingerprint } from './dataFolderFingerprint';
import {
  bundlePath,
  clone,
  envOf,
  exportPeerCounty,
  makePeer,
  peerRecords,
  rowsOf,
  setRows,
  signedBundle,
  type Peer,
} from './exchangePeers';

let root: string;
let receiver: OpenCore;
let recvFp = '';
let peer: Peer;
let other: Peer;
/** The receiver's own cadre, township and village (the demo's first posted first secretary). */
let own: { cadre: number; township: number; village: number; name: string; idNumber: string };

const db = () => receiver.ctx.db;
const cadreRow = (id: number) => db().prepare('SELECT * FROM cadres WHERE id = ?').get(id) as Record<string, unknown>;
const localIdOf = (origin: string, entity: string, remote: number) =>
  db()
    .prepare('SELECT local_id FROM import_map WHERE origin = ? AND entity = ? AND remote_id = ?')
    .pluck()
    .get(origin, entity, remote) as number;

beforeAll(async () => {
  root = tempDir('adv-owner');
  const recvDir = path.join(root, 'receiver');
  fs.mkdirSync(recvDir);
  const ids = await buildSourceCounty(recvDir);
  receiver = openDir(recvDir);
  setDepartmentName(db(), '岚川县委组织部');
  recvFp = departmentKey(db()).fingerprint;
  const c = cadreRow(ids.cadre);
  own = { cadre: ids.cadre, township: ids.township, village: ids.village, name: String(c.name), idNumber: String(c.id_number) };
  const sharedUnit = db().prepare('SELECT name FROM units ORDER BY id LIMIT 1').pluck().get() as string;
  peer = await makePeer(path.join(root, 'peer'), {
    department: '青峰县委组织部',
    county: '青峰县',
    unitName: sharedUnit,
    idSeed: '330102',
  });
  other = await makePeer(path.join(root, 'other'), {
    department: '白沙县委组织部',
    county: '白沙县',
    unitName: '白沙县农业农村局',
    idSeed: '330103',
  });
  for (const p of [peer, other]) {
    const r = await commitImport(envOf(receiver), await exportPeerCounty(p, bundlePath(root, `${p.county}-genuine`)), {
      trustSigner: true,
    });
    expect(r.plan.conflicts).toEqual([]);
    expect(r.plan.added).toBeGreaterThan(5);
  }
}, 300_000);

afterAll(() => {
  receiver?.close();
  peer?.core.close();
  other?.core.close();
  if (root) fs.rmSync(root, { recursive: true, force: true });
});

/** Previews and commits an attack; asserts the data folder is byte-identical afterwards; returns the plan. */
async function attack(name: string, doc: RecordsDoc, by: Peer = peer) {
  const file = await signedBundle(by, bundlePath(root, name), doc);
  const before = dataFolderFingerprint(receiver.ctx.dataDir);
  const preview = await previewImport(envOf(receiver), file);
  const result = await commitImport(envOf(receiver), file);
  expect(result.unchanged).toBe(true);
  expect(dataFolderFingerprint(receiver.ctx.dataDir)).toEqual(before);
  return preview.plan;
}

describe('a peer bundle never touches rows it does not own', () => {
  it('a row carrying the receiver’s own fingerprint does not rename the receiver’s cadre', async () => {
    const doc = clone(peerRecords(peer));
    const mine = { ...rowsOf(doc, 'cadres')[0]!, id: `${recvFp}#${own.cadre}`, name: '篡改姓名', id_number: own.idNumber };
    setRows(doc, 'cadres', [...rowsOf(doc, 'cadres'), mine]);
    const plan = await attack('own-fingerprint', doc);
    const c = plan.conflicts.find((x) => x.key === `${recvFp}#${own.cadre}`)!;
    expect(c.reason).toContain('本机自己的记录');
    expect(c.fields.find((f) => f.column === 'name')).toEqual({ column: 'name', local: own.name, incoming: '篡改姓名' });
    expect(cadreRow(own.cadre).name).toBe(own.name);
  });

  it('an ID number of the receiver’s own cadre is a conflict; the cadre and its posting are not written', async () => {
    const doc = clone(peerRecords(peer));
    const ref = `${peer.fingerprint}#9001`;
    const cadre = { ...rowsOf(doc, 'cadres')[0]!, id: ref, name: '冒名顶替', id_number: own.idNumber };
    const posting = { ...rowsOf(doc, 'postings')[0]!, id: `${peer.fingerprint}#9002`, cadre_id: ref };
    setRows(doc, 'cadres', [...rowsOf(doc, 'cadres'), cadre]);
    setRows(doc, 'postings', [...rowsOf(doc, 'postings'), posting]);
    const plan = await attack('own-id-number', doc);
    const c = plan.conflicts.find((x) => x.key === ref)!;
    expect(c.reason).toBe('身份证号（id_number）与本机已有的“干部”相同，不属于签名单位，未导入');
    expect(c.fields.find((f) => f.column === 'name')).toEqual({ column: 'name', local: own.name, incoming: '冒名顶替' });
    expect(c.fields.find((f) => f.column === 'id_number')).toEqual({ column: 'id_number', local: own.idNumber, incoming: own.idNumber });
    expect(plan.tables.find((t) => t.table === 'postings')!.skipped).toBe(1);
    expect(plan.skipped).toBe(2);
  });

  it('an ID number already imported from another department is a conflict naming that department', async () => {
    const doc = clone(peerRecords(peer));
    const theirs = cadreRow(localIdOf(other.fingerprint, 'cadres', other.cadres[0]!));
    const cadre = { ...rowsOf(doc, 'cadres')[0]!, id: `${peer.fingerprint}#9003`, name: '改名', id_number: theirs.id_number };
    setRows(doc, 'cadres', [...rowsOf(doc, 'cadres'), cadre]);
    const plan = await attack('other-id-number', doc);
    expect(plan.conflicts.map((c) => c.reason)).toEqual([
      `身份证号（id_number）与另一单位（指纹 ${other.fingerprint}）已有的“干部”相同，不属于签名单位，未导入`,
    ]);
    expect(cadreRow(theirs.id as number).name).toBe(theirs.name);
  });

  it('a row of another department’s county is not overwritten', async () => {
    const doc = clone(peerRecords(peer));
    const localId = localIdOf(other.fingerprint, 'cadres', other.cadres[0]!);
    const before = cadreRow(localId);
    const row = {
      ...rowsOf(doc, 'cadres')[0]!,
      id: `${other.fingerprint}#${other.cadres[0]}`,
      name: '被改写',
      id_number: before.id_number,
    };
    setRows(doc, 'cadres', [...rowsOf(doc, 'cadres'), row]);
    const plan = await attack('other-origin-row', doc);
    expect(plan.conflicts).toHaveLength(1);
    expect(plan.conflicts[0]!.reason).toBe(`记录来自另一单位（指纹 ${other.fingerprint}），不是签名单位的数据`);
    expect(cadreRow(localId)).toEqual(before);
  });

  it('a posting never moves an imported cadre into a local village', async () => {
    const doc = clone(peerRecords(peer));
    const move = {
      ...rowsOf(doc, 'postings')[0]!,
      id: `${peer.fingerprint}#9004`,
      township_id: `${recvFp}#${own.township}`,
      village_id: `${recvFp}#${own.village}`,
      start: '2025-06-01',
    };
    setRows(doc, 'postings', [...rowsOf(doc, 'postings'), move]);
    const plan = await attack('local-village', doc);
    expect(plan.conflicts).toHaveLength(1);
    expect(plan.conflicts[0]!.reason).toMatch(/^指向本机的“乡镇”（.+），交换包不能把记录挂到不属于签名单位的数据上$/);
    expect(plan.conflicts[0]!.fields.find((f) => f.column === 'village_id')!.incoming).toBe(`${recvFp}#${own.village}`);
  });

  it('a shared unit is matched read-only: its level does not change', async () => {
    const doc = clone(peerRecords(peer));
    const unitName = peer.unitName;
    const levelBefore = db().prepare('SELECT level FROM units WHERE name = ?').pluck().get(unitName);
    setRows(
      doc,
      'units',
      rowsOf(doc, 'units').map((u) => ({ ...u, level: levelBefore === '省级' ? '市级' : '省级' })),
    );
    const plan = await attack('unit-level', doc);
    expect(plan.conflicts).toEqual([]);
    expect(plan.tables.find((t) => t.table === 'units')).toMatchObject({ updated: 0, unchanged: 1 });
    expect(db().prepare('SELECT level FROM units WHERE name = ?').pluck().get(unitName)).toBe(levelBefore);
  });
});

describe('the peer’s own rows', () => {
  it('a genuine change is listed field by field in the preview and the CLI, and audited with before and after', async () => {
    const remote = peer.cadres[0]!;
    peer.core.ctx.db.prepare(`UPDATE cadres SET phone = '13800001111' WHERE id = ?`).run(remote);
    const file = await exportPeerCounty(peer, bundlePath(root, 'genuine-change'));
    const preview = await previewImport(envOf(receiver), file);
    expect(preview.plan.conflicts).toEqual([]);
    expect(preview.plan.changes).toEqual([
      {
        table: 'cadres',
        label: '干部',
        action: 'update',
        key: `${peer.fingerprint}#${remote}`,
        fields: [{ column: 'phone', before: null, after: '13800001111' }],
      },
    ]);
    const cli = runOnebag(receiver.ctx.dataDir, ['import', file]);
    expect(cli.stdout).toContain(`更新 干部 ${peer.fingerprint}#${remote}：联系电话（phone） （空） → 13800001111`);
    const r = await commitImport(envOf(receiver), file);
    expect(r.plan.updated).toBe(1);
    const localId = localIdOf(peer.fingerprint, 'cadres', remote);
    const entry = db()
      .prepare(
        `SELECT before, after FROM audit_log WHERE action = 'import' AND entity = 'cadres' AND entity_id = ? ORDER BY id DESC LIMIT 1`,
      )
      .get(localId) as { before: string; after: string };
    expect(JSON.parse(entry.before).phone).toBeNull();
    expect(JSON.parse(entry.after).phone).toBe('13800001111');
    expect(JSON.parse(entry.after).name).toBe('周明远');
  });
});
