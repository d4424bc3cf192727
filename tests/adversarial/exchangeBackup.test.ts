/**
 * Issue 12, finding 7: `onebag check` with the audit log's append-only triggers dropped (or
 * replaced by a same-named trigger that does nothing) reports an error and exits 1; backup
 * manifests are signed with the department key and `onebag restore` refuses an unsigned one,
 * an altered one, one re-signed by a second department's key and one whose counts disagree with
 * the backup's database even though it carries a valid signature; `restore --dry-run` shows the
 * counts read from the backup's database. Refused restores leave the target folder absent.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupTo } from '../../main/exchange/integrity/backup';
import { departmentKey, fingerprintOf } from '../../main/exchange/bundle/keys';
import { getSetting } from '../../main/core/runtime/settings';
import { DB_FILE } from '../../main/store/db';
import { MANIFEST_FILE, MANIFEST_SIGNATURE_FILE } from '../../main/store/backupManifest';
import { onebagHere } from '../fixtures/cliHere';
import { copyDir, tempDir } from '../integration/exchangeFixture';
import { dataFolderFingerprint } from './dataFolderFingerprint';
import { LANCHUAN, makePeer, QINGSHI, type Peer } from './exchangePeers';

let root: string;
let dept: Peer;
let attacker: Peer;
let backupDir = '';
let deptFp = '';

beforeAll(async () => {
  root = tempDir('adv-backup');
  dept = await makePeer(path.join(root, 'dept'), LANCHUAN);
  attacker = await makePeer(path.join(root, 'attacker'), QINGSHI);
  deptFp = departmentKey(dept.core.ctx.db).fingerprint;
  backupDir = (await backupTo(dept.dir, path.join(root, 'usb'))).dir;
  dept.core.close();
  attacker.core.close();
});

afterAll(() => {
  if (root) fs.rmSync(root, { recursive: true, force: true });
});

describe('onebag check', () => {
  const tampered = (sql: string) => {
    const dir = copyDir(dept.dir, 'adv-check');
    const db = new Database(path.join(dir, DB_FILE));
    db.exec(sql);
    db.close();
    return dir;
  };

  it('is clean on the untouched folder', async () => {
    expect((await onebagHere(dept.dir, ['check'])).code).toBe(0);
  });

  it('dropped audit triggers are an error with exit 1', async () => {
    const dir = tampered('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
    const r = await onebagHere(dir, ['check']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('审计日志的只追加保护已被移除或改动（禁止修改、禁止删除的触发器），日志可以被改写');
  });

  it('a same-named trigger that does nothing is an error too', async () => {
    const dir = tampered(
      'DROP TRIGGER audit_log_no_delete; CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT 1; END;',
    );
    const r = await onebagHere(dir, ['check']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('审计日志的只追加保护已被移除或改动（禁止删除的触发器）');
  });
});

describe('onebag restore', () => {
  /** A copy of the backup folder (with its pool) whose manifest `alter` rewrites; returns the copy's backup dir. */
  const alteredCopy = (alter: (dir: string) => void) => {
    const usb = copyDir(path.dirname(backupDir), 'adv-usb');
    const dir = path.join(usb, path.basename(backupDir));
    alter(dir);
    return dir;
  };
  const editManifest = (dir: string, edit: (m: Record<string, unknown>) => void) => {
    const m = JSON.parse(fs.readFileSync(path.join(dir, MANIFEST_FILE), 'utf8')) as Record<string, unknown>;
    edit(m);
    const text = JSON.stringify(m, null, 1) + '\n';
    fs.writeFileSync(path.join(dir, MANIFEST_FILE), text);
    return Buffer.from(text, 'utf8');
  };
  const signWith = (dir: string, privatePem: string, data: Buffer) =>
    fs.writeFileSync(
      path.join(dir, MANIFEST_SIGNATURE_FILE),
      crypto.sign(null, data, crypto.createPrivateKey(privatePem)).toString('base64') + '\n',
    );
  const setting = (p: Peer, key: 'signingKeyPrivate' | 'signingKeyPublic') => {
    const db = new Database(path.join(p.dir, DB_FILE), { readonly: true });
    try {
      return getSetting(db, key)!;
    } finally {
      db.close();
    }
  };
  const dryRun = async (dir: string) => {
    const target = path.join(tempDir('adv-restore'), 'data');
    const r = await onebagHere(target, ['restore', dir, '--dry-run']);
    expect(fs.existsSync(path.join(target, DB_FILE))).toBe(false);
    return r;
  };

  it('--dry-run of a genuine backup shows the counts read from its database and the signing key', async () => {
    const r = await dryRun(backupDir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('干部：2 名，材料：0 份，原件：0 个');
    expect(r.stdout).toContain(`签名密钥指纹：${deptFp}`);
    expect(r.stdout).toContain('校验通过');
  });

  it('refuses an altered manifest (cadre count edited to 99)', async () => {
    const dir = alteredCopy((d) => editManifest(d, (m) => ((m.counts as { cadres: number }).cadres = 99)));
    const r = await dryRun(dir);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain(`备份未通过校验，未恢复任何内容：备份清单的签名不符（指纹 ${deptFp}），清单在备份后被改动过`);
    expect(r.stdout).not.toContain('校验通过');
  });

  it('refuses an unsigned manifest', async () => {
    const dir = alteredCopy((d) => fs.rmSync(path.join(d, MANIFEST_SIGNATURE_FILE)));
    const r = await dryRun(dir);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('备份清单没有本单位密钥的签名（缺少 manifest.sig），无法确认清单未被改动');
  });

  it('refuses a manifest re-signed with a second department’s key', async () => {
    const dir = alteredCopy((d) => {
      const data = editManifest(d, (m) => ((m.signer as { publicKey: string }).publicKey = setting(attacker, 'signingKeyPublic')));
      signWith(d, setting(attacker, 'signingKeyPrivate'), data);
    });
    const r = await dryRun(dir);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('备份清单的签名密钥不是备份数据库中记载的本单位密钥');
    expect(fingerprintOf(setting(attacker, 'signingKeyPublic'))).not.toBe(deptFp);
  });

  it('refuses counts that disagree with the backup’s database, even under a valid signature', async () => {
    const dir = alteredCopy((d) => {
      const data = editManifest(d, (m) => ((m.counts as { cadres: number }).cadres = 99));
      signWith(d, setting(dept, 'signingKeyPrivate'), data);
    });
    const r = await dryRun(dir);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('清单记载的干部数 99 与数据库副本中的 2 不符');
  });

  it('a refused restore leaves the department’s own folder as it was', async () => {
    const before = dataFolderFingerprint(dept.dir);
    const dir = alteredCopy((d) => fs.rmSync(path.join(d, MANIFEST_SIGNATURE_FILE)));
    expect((await dryRun(dir)).code).not.toBe(0);
    expect(dataFolderFingerprint(dept.dir)).toEqual(before);
  });
});
