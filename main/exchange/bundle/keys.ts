/**
 * This department's Ed25519 signing key (generated on first use, kept in settings so
 * backups carry it) and the keys it trusts (table trusted_keys).
 */
import type { Db } from '../../store/db';

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

export function departmentKey(_db: Db): SigningKey {
  throw new Error('departmentKey: not implemented yet');
}
