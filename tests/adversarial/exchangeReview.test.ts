/**
 * Issue 12, finding 3: a review bundle may score only cadres of the county it is for, and a
 * refused import of any kind leaves no trusted key, no backup and no row behind. The receiver
 * owns 岚川县 and has imported 白沙县 from a peer; an evaluator (a third department, its own key,
 * not yet trusted) sends a review for 岚川县 that comments on a 白沙县 cadre. A county bundle
 * from a fourth, untrusted department passes every record check but fails while being written
 * (a table constraint): the backup taken before writing and the trust are undone.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { departmentKey, listTrustedKeys } from '../../main/exchange/bundle/keys';
import { commitImport } from '../../main/exchange/importBundle';
import { RECORDS_VERSION, type RecordsDoc } from '../../main/exchange/records';
import { tempDir } from '../integration/exchangeFixture';
import { dataFolderFingerprint } from './dataFolderFingerprint';
import {
  bundlePath,
  clone,
  envOf,
  exportPeerCounty,
  LANCHUAN,
  makePeer,
  peerRecords,
  QINGSHI,
  signedBundle,
  YEAR,
  type Peer,
} from './exchangePeers';

let root: string;
let receiver: Peer;
let other: Peer;
let evaluator: Peer;
let stranger: Peer;
let recvFp = '';

const trustedFps = () => listTrustedKeys(receiver.core.ctx.db).map((k) => k.fingerprint);

beforeAll(async () => {
  root = tempDir('adv-review');
  receiver = await makePeer(path.join(root, 'receiver'), LANCHUAN);
  other = await makePeer(path.join(root, 'other'), {
    department: '白沙县委组织部',
    county: '白沙县',
    unitName: '白沙县水利局',
    idSeed: '330103',
  });
  evaluator = await makePeer(path.join(root, 'evaluator'), {
    department: '市委组织部考核组',
    county: '考核组县',
    unitName: '市考核办',
    idSeed: '330104',
  });
  stranger = await makePeer(path.join(root, 'stranger'), { ...QINGSHI, unitName: '青石县林业局' });
  recvFp = departmentKey(receiver.core.ctx.db).fingerprint;
  await commitImport(envOf(receiver.core), await exportPeerCounty(other, bundlePath(root, 'baisha')), { trustSigner: true });
});

afterAll(() => {
  for (const p of [receiver, other, evaluator, stranger]) p?.core.close();
  if (root) fs.rmSync(root, { recursive: true, force: true });
});

/** A review of 岚川县 by the evaluator: one comment on `cadreRef`. */
function review(cadreRef: string): RecordsDoc {
  return {
    recordsVersion: RECORDS_VERSION,
    kind: 'review',
    origin: evaluator.fingerprint,
    scope: { county: receiver.county, year: YEAR },
    tables: {
      eval_comments: {
        columns: ['county_id', 'year', 'cadre_id', 'comment', 'author', 'updated_at'],
        rows: [[`${recvFp}#${receiver.countyId}`, YEAR, cadreRef, '实绩突出，群众认可', '市考核组李处长', '2025-12-01T08:00:00.000Z']],
      },
    },
    blobs: [],
    cadres: [],
  };
}

describe('review bundles', () => {
  it('a review scoring a cadre of another county is refused, leaving no trusted key, backup or row', async () => {
    const baishaCadre = receiver.core.ctx.db
      .prepare(`SELECT local_id FROM import_map WHERE origin = ? AND entity = 'cadres' AND remote_id = ?`)
      .pluck()
      .get(other.fingerprint, other.cadres[0]) as number;
    const file = await signedBundle(evaluator, bundlePath(root, 'review-other-county'), review(`${recvFp}#${baishaCadre}`));
    const before = dataFolderFingerprint(receiver.dir);
    await expect(commitImport(envOf(receiver.core), file, { trustSigner: true })).rejects.toThrow(
      `评审包为「岚川县」${YEAR}年度的评审结果，却给不属于该县的干部“周明远”评分或评议，已拒绝导入`,
    );
    expect(dataFolderFingerprint(receiver.dir)).toEqual(before);
    expect(trustedFps()).not.toContain(evaluator.fingerprint);
  });

  it('the same review of the county’s own cadre is accepted (the refusal above is about the cadre only)', async () => {
    const file = await signedBundle(evaluator, bundlePath(root, 'review-own'), review(`${recvFp}#${receiver.cadres[0]}`));
    const r = await commitImport(envOf(receiver.core), file, { trustSigner: true });
    expect(r.plan.added).toBe(1);
    expect(trustedFps()).toContain(evaluator.fingerprint);
  });
});

describe('a refusal while writing', () => {
  it('undoes the trust and the backup taken before writing', async () => {
    // Quarter 5 passes the record checks but not the table's CHECK constraint: refused while writing.
    const doc = clone(peerRecords(stranger));
    const t = doc.tables.allowance_payments!;
    const row: Record<string, unknown> = {
      id: `${stranger.fingerprint}#1`,
      cadre_id: `${stranger.fingerprint}#${stranger.cadres[0]}`,
      year: YEAR,
      quarter: 5,
      amount_fen: 180000,
      paid_on: '2025-04-05',
      created_at: '2025-04-05T08:00:00.000Z',
    };
    t.rows = [t.columns.map((c) => (row[c] ?? null) as string | number | null)];
    const file = await signedBundle(stranger, bundlePath(root, 'quarter-5'), doc);
    const before = dataFolderFingerprint(receiver.dir);
    const backups = () => fs.readdirSync(path.join(receiver.dir, 'backups')).sort();
    const backupsBefore = backups();
    expect(backupsBefore.length).toBeGreaterThan(0); // the 白沙县 import's backup: the folder is not simply created anew
    await expect(commitImport(envOf(receiver.core), file, { trustSigner: true })).rejects.toThrow(
      '交换包中的记录与本机已有记录冲突，导入已取消，数据未改变',
    );
    expect(dataFolderFingerprint(receiver.dir)).toEqual(before);
    expect(trustedFps()).not.toContain(stranger.fingerprint);
    expect(backups()).toEqual(backupsBefore);
  });
});
