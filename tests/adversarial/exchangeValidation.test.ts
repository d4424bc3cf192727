/**
 * Issue 12, finding 2: records inside a signed bundle are checked like local input. A second
 * department (its own key, its own data folder) signs its genuine records.json with one record
 * made invalid — a wrong ID check digit, "12345" as an ID number, 2025-02-30, year 1e300, an
 * unknown enum value, invalid UTF-8, a lone surrogate, a 1 MB name. Each bundle is refused as a
 * whole, in Chinese, naming record and field; although the user chose to trust the signer, the
 * receiver's data folder (database content, files) is unchanged and the key is not trusted.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listTrustedKeys } from '../../main/exchange/bundle/keys';
import { commitImport, previewImport } from '../../main/exchange/importBundle';
import type { RecordsDoc } from '../../main/exchange/records';
import { tempDir } from '../integration/exchangeFixture';
import { dataFolderFingerprint } from './dataFolderFingerprint';
import {
  bundlePath,
  clone,
  envOf,
  LANCHUAN,
  makePeer,
  peerRecords,
  QINGSHI,
  rowsOf,
  setRows,
  signedBundle,
  type Peer,
} from './exchangePeers';

let root: string;
let receiver: Peer;
let peer: Peer;
let genuine: RecordsDoc;

beforeAll(async () => {
  root = tempDir('adv-valid');
  receiver = await makePeer(path.join(root, 'receiver'), LANCHUAN);
  peer = await makePeer(path.join(root, 'peer'), QINGSHI);
  genuine = peerRecords(peer);
});

afterAll(() => {
  receiver?.core.close();
  peer?.core.close();
  if (root) fs.rmSync(root, { recursive: true, force: true });
});

/** Signs `records`, tries preview and a trusting commit; both must refuse with `message`; nothing changes. */
async function refused(name: string, records: RecordsDoc | Buffer, message: string | RegExp) {
  const file = await signedBundle(peer, bundlePath(root, name), records, { county: peer.county });
  const before = dataFolderFingerprint(receiver.dir);
  await expect(previewImport(envOf(receiver.core), file)).rejects.toThrow(message);
  await expect(commitImport(envOf(receiver.core), file, { trustSigner: true })).rejects.toMatchObject({ code: 'IMPORT_REFUSED' });
  await expect(commitImport(envOf(receiver.core), file, { trustSigner: true })).rejects.toThrow(message);
  expect(dataFolderFingerprint(receiver.dir)).toEqual(before);
  expect(listTrustedKeys(receiver.core.ctx.db).map((k) => k.fingerprint)).not.toContain(peer.fingerprint);
}

/** The genuine document with the first cadre's fields replaced. */
function withCadre(fields: Record<string, unknown>): RecordsDoc {
  const doc = clone(genuine);
  const [first, ...rest] = rowsOf(doc, 'cadres');
  setRows(doc, 'cadres', [{ ...first!, ...fields }, ...rest]);
  return doc;
}

const cadreRecord = () => `交换包中“干部”第 1 条记录，编号 ${peer.fingerprint}#${peer.cadres[0]}的字段`;

describe('one invalid record refuses the whole bundle', () => {
  it('the genuine bundle itself would be accepted (the attacks differ from it in one field only)', async () => {
    const file = await signedBundle(peer, bundlePath(root, 'genuine'), genuine);
    const p = await previewImport(envOf(receiver.core), file);
    expect(p.plan.added).toBeGreaterThan(5);
    expect(p.plan.conflicts).toEqual([]);
  });

  it('an ID number with a wrong check digit', async () => {
    const id = String(rowsOf(genuine, 'cadres')[0]!.id_number);
    const wrong = id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
    await refused('check-digit', withCadre({ id_number: wrong }), `${cadreRecord()}“id_number”不符合录入规则：`);
  });

  it('"12345" as an ID number', async () => {
    await refused('short-id', withCadre({ id_number: '12345' }), `${cadreRecord()}“id_number”不符合录入规则：`);
  });

  it('a date that does not exist (2025-02-30)', async () => {
    await refused(
      'feb-30',
      withCadre({ birth_date: '2025-02-30' }),
      `${cadreRecord()}“birth_date”不是真实的日期（2025-02-30），已拒绝导入整个交换包`,
    );
  });

  it('year 1e300', async () => {
    const doc = clone(genuine);
    const t = doc.tables.allowance_payments!;
    const row: Record<string, unknown> = {
      id: `${peer.fingerprint}#1`,
      cadre_id: `${peer.fingerprint}#${peer.cadres[0]}`,
      year: 1e300,
      quarter: 1,
      amount_fen: 180000,
      paid_on: '2025-04-05',
      created_at: '2025-04-05T08:00:00.000Z',
    };
    t.rows = [t.columns.map((c) => (row[c] ?? null) as string | number | null)];
    await refused('year-1e300', doc, /^交换包中“补贴发放”第 1 条记录，编号 .+#1的字段“year”不是有效的整数（1e\+300）/);
  });

  it('an unknown enum value', async () => {
    await refused('enum', withCadre({ post_type: '村支书' }), `${cadreRecord()}“post_type”不符合录入规则：请选择任职类型`);
    const doc = clone(genuine);
    setRows(
      doc,
      'units',
      rowsOf(doc, 'units').map((u) => ({ ...u, level: '部级' })),
    );
    await refused('unit-enum', doc, /“派出单位”第 1 条记录.*的字段“level”的值“部级”不在允许的取值（省级、市级、县级、乡镇级）之中/);
  });

  it('invalid UTF-8 is refused, not silently replaced', async () => {
    const marker = 'BADUTF8MARK';
    const bytes = Buffer.from(JSON.stringify(withCadre({ name: marker })), 'utf8');
    const at = bytes.indexOf(marker);
    bytes[at] = 0xff;
    bytes[at + 1] = 0xfe;
    await refused('bad-utf8', bytes, '交换包中的记录文件含有无效的 UTF-8 字符编码，已拒绝导入整个交换包');
  });

  it('a lone surrogate in a name', async () => {
    await refused('surrogate', withCadre({ name: '周\ud800明' }), `${cadreRecord()}“name”含有无效的字符编码`);
  });

  it('a 1 MB name, and a name longer than local input allows', async () => {
    // Pseudo-random CJK characters: a repeated one would be refused earlier as a compression bomb.
    let seed = 12345;
    const chars = Array.from({ length: 1_000_000 }, () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return String.fromCharCode(0x4e00 + (seed % 0x5000));
    });
    await refused('huge-name', withCadre({ name: chars.join('') }), `${cadreRecord()}“name”过长（1000000 个字符，最多 20000 个）`);
    await refused('long-name', withCadre({ name: '名'.repeat(31) }), `${cadreRecord()}“name”不符合录入规则：姓名不能超过30个字`);
  });
});
