/**
 * This department's Ed25519 signing key (generated on first use, kept in settings so
 * backups carry it) and the keys it trusts (table trusted_keys). The private key never
 * leaves the settings table and is never logged or audited.
 */
import crypto from 'node:crypto';
import { generateSigningKeyPair } from '../../store/backupManifest';
import { AppError } from '../../../shared/result';
import { audit } from '../../core/audit/log';
import { getSetting, setSetting } from '../../core/runtime/settings';
import { nowIso, type Db } from '../../store/db';

export interface SigningKey {
  name: string;
  /** Short form shown to people, e.g. 'A1B2-C3D4-E5F6-0718'. */
  fingerprint: string;
  /** base64 of the raw 32-byte public key. */
  publicKey: string;
  sign(data: Buffer): Buffer;
}

export interface TrustedKey {
  fingerprint: string;
  publicKey: string;
  name: string;
  trustedAt: string;
  operator: string | null;
  revokedAt: string | null;
}

/** First 16 hex digits of SHA-256 of the raw public key, uppercase, in groups of four. */
export function fingerprintOf(publicKeyB64: string): string {
  const hex = crypto.createHash('sha256').update(Buffer.from(publicKeyB64, 'base64')).digest('hex').slice(0, 16).toUpperCase();
  return hex.match(/.{4}/g)!.join('-');
}

/** Parses a base64 raw Ed25519 public key; null when it is not one. */
export function publicKeyObject(publicKeyB64: string): crypto.KeyObject | null {
  const raw = Buffer.from(publicKeyB64, 'base64');
  if (raw.length !== 32 || raw.toString('base64') !== publicKeyB64) return null;
  try {
    return crypto.createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') }, format: 'jwk' });
  } catch {
    return null;
  }
}

/** True when `sigB64` is a valid Ed25519 signature of `data` by the key; false for any malformed input. */
export function verifySignature(publicKeyB64: string, data: Buffer, sigB64: string): boolean {
  const key = publicKeyObject(publicKeyB64);
  const sig = Buffer.from(sigB64, 'base64');
  if (!key || sig.length !== 64) return false;
  try {
    return crypto.verify(null, data, key, sig);
  } catch {
    return false;
  }
}

function defaultName(db: Db): string {
  const county = db.prepare('SELECT name FROM counties ORDER BY id LIMIT 1').pluck().get() as string | undefined;
  return county ? `${county}委组织部` : 'OneBag';
}

/** This department's key, generated and stored (with an audit entry) the first time it is asked for. */
export function departmentKey(db: Db): SigningKey {
  const read = () => {
    const privatePem = getSetting(db, 'signingKeyPrivate');
    const publicKey = getSetting(db, 'signingKeyPublic');
    return privatePem !== null && publicKey !== null ? { privatePem, publicKey } : null;
  };
  // Only the first call writes; the re-read inside the transaction settles a race between two processes.
  const stored =
    read() ??
    db
      .transaction(() => {
        const again = read();
        if (again) return again;
        const { privatePem, publicKey } = generateSigningKeyPair();
        setSetting(db, 'signingKeyPrivate', privatePem);
        setSetting(db, 'signingKeyPublic', publicKey);
        audit(db, 'create', 'signing_key', null, { fingerprint: fingerprintOf(publicKey), publicKey });
        return { privatePem, publicKey };
      })
      .immediate();
  const privateKey = crypto.createPrivateKey(stored.privatePem);
  return {
    name: getSetting(db, 'departmentName') ?? defaultName(db),
    fingerprint: fingerprintOf(stored.publicKey),
    publicKey: stored.publicKey,
    sign: (data) => crypto.sign(null, data, privateKey),
  };
}

/** The name bundles carry as their signer, e.g. 某某县委组织部. */
export function setDepartmentName(db: Db, name: string): void {
  const trimmed = name.trim();
  if (trimmed.length === 0 || trimmed.length > 60) throw new AppError('INVALID_INPUT', '单位名称不能为空，且不超过 60 个字');
  db.transaction(() => {
    const before = getSetting(db, 'departmentName');
    setSetting(db, 'departmentName', trimmed);
    audit(db, 'update', 'department', null, undefined, { before, after: trimmed });
  })();
}

interface TrustedRow {
  fingerprint: string;
  public_key: string;
  name: string;
  trusted_at: string;
  operator: string | null;
  revoked_at: string | null;
}

const toTrusted = (r: TrustedRow): TrustedKey => ({
  fingerprint: r.fingerprint,
  publicKey: r.public_key,
  name: r.name,
  trustedAt: r.trusted_at,
  operator: r.operator,
  revokedAt: r.revoked_at,
});

export function listTrustedKeys(db: Db): TrustedKey[] {
  return (db.prepare('SELECT * FROM trusted_keys ORDER BY trusted_at, fingerprint').all() as TrustedRow[]).map(toTrusted);
}

/** Trusts (or trusts again, clearing a revocation) the key of another department. */
export function trustKey(db: Db, input: { fingerprint: string; publicKey: string; name: string }): TrustedKey {
  if (!publicKeyObject(input.publicKey)) throw new AppError('INVALID_INPUT', '公钥格式不正确，应为 32 字节 Ed25519 公钥的 base64');
  if (fingerprintOf(input.publicKey) !== input.fingerprint) {
    throw new AppError('INVALID_INPUT', `指纹 ${input.fingerprint} 与公钥不符，请核对后再信任`);
  }
  const name = input.name.trim();
  if (name.length === 0) throw new AppError('INVALID_INPUT', '单位名称不能为空');
  return db.transaction(() => {
    const before = db.prepare('SELECT * FROM trusted_keys WHERE fingerprint = ?').get(input.fingerprint) as TrustedRow | undefined;
    db.prepare(
      `INSERT INTO trusted_keys (fingerprint, public_key, name, trusted_at, operator, revoked_at) VALUES (?, ?, ?, ?, ?, NULL)
       ON CONFLICT(fingerprint) DO UPDATE SET public_key = excluded.public_key, name = excluded.name,
         trusted_at = excluded.trusted_at, operator = excluded.operator, revoked_at = NULL`,
    ).run(input.fingerprint, input.publicKey, name, nowIso(), getSetting(db, 'operator'));
    const after = db.prepare('SELECT * FROM trusted_keys WHERE fingerprint = ?').get(input.fingerprint) as TrustedRow;
    audit(db, before ? 'update' : 'create', 'trusted_key', null, { fingerprint: input.fingerprint, name }, { before, after });
    return toTrusted(after);
  })();
}

/** Marks a trusted key revoked; bundles it signed then count as untrusted (已撤销信任). */
export function revokeTrust(db: Db, fingerprint: string): TrustedKey {
  return db.transaction(() => {
    const before = db.prepare('SELECT * FROM trusted_keys WHERE fingerprint = ?').get(fingerprint) as TrustedRow | undefined;
    if (!before) throw new AppError('NOT_FOUND', `没有信任过指纹为 ${fingerprint} 的密钥`);
    if (before.revoked_at !== null) return toTrusted(before);
    db.prepare('UPDATE trusted_keys SET revoked_at = ? WHERE fingerprint = ?').run(nowIso(), fingerprint);
    const after = db.prepare('SELECT * FROM trusted_keys WHERE fingerprint = ?').get(fingerprint) as TrustedRow;
    audit(db, 'revoke', 'trusted_key', null, { fingerprint, name: before.name }, { before, after });
    return toTrusted(after);
  })();
}

/** The trusted public key for a fingerprint, or null when unknown or revoked (VerifyOptions.trustedKey). */
export function trustedPublicKey(db: Db, fingerprint: string): string | null {
  const key = db.prepare('SELECT public_key FROM trusted_keys WHERE fingerprint = ? AND revoked_at IS NULL').pluck().get(fingerprint) as
    | string
    | undefined;
  return key ?? null;
}
