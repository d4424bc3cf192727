/**
 * The .onebag bundle container: a zip holding manifest.json (format, producer, time,
 * scope, signer, SHA-256 and size of every other entry), manifest.sig (Ed25519 over the
 * exact bytes of manifest.json) and the entries the manifest lists. Written in one
 * streaming pass; verified completely before anything is imported.
 */
import type { SigningKey } from './keys';

export const BUNDLE_FORMAT = 'onebag-bundle';
/** Major version of the bundle layout; a reader accepts bundles whose minReaderVersion ≤ its own. */
export const BUNDLE_FORMAT_VERSION = 1;

export type BundleKind = 'county' | 'review';
export type BundleEntryRole = 'records' | 'original' | 'dossier' | 'index' | 'asset';

export interface BundleManifest {
  format: typeof BUNDLE_FORMAT;
  formatVersion: number;
  /** Oldest reader format version that can import this bundle. */
  minReaderVersion: number;
  producer: { app: 'OneBag'; version: string; schemaVersion: number };
  createdAt: string;
  /** Random UUID of this bundle. */
  bundleId: string;
  kind: BundleKind;
  scope: { county: string; year: number; cadres: number };
  signer: { name: string; fingerprint: string; /** base64 of the raw 32-byte Ed25519 public key */ publicKey: string };
  files: Array<{ path: string; size: number; sha256: string; role: BundleEntryRole }>;
}

export interface BundleEntryInput {
  /** Path inside the bundle, forward slashes, no leading slash. */
  path: string;
  role: BundleEntryRole;
  source: { file: string } | { data: Buffer };
  /** Deflate (text, JSON); originals and PDFs are stored as they are. */
  compress?: boolean;
}

export interface WriteBundleInput {
  out: string;
  kind: BundleKind;
  scope: BundleManifest['scope'];
  signer: SigningKey;
  entries: BundleEntryInput[];
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

export interface VerifiedBundle {
  file: string;
  manifest: BundleManifest;
  /** SHA-256 of the whole bundle file. */
  sha256: string;
  size: number;
  /** Whether the signer's key is in trusted_keys (and not revoked). */
  trusted: boolean;
  /** Reads one (small) entry fully, re-checking its hash. */
  readEntry(path: string): Promise<Buffer>;
  /** Streams one entry into `dest` (temp file, fsync, rename), re-checking its hash. */
  extractEntry(path: string, dest: string): Promise<void>;
}

export interface VerifyOptions {
  /** Public key (base64 raw) of a trusted fingerprint, or null when unknown/revoked. */
  trustedKey: (fingerprint: string) => string | null;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

export async function writeBundle(_input: WriteBundleInput): Promise<{ manifest: BundleManifest; size: number; sha256: string }> {
  throw new Error('writeBundle: not implemented yet');
}

/** Checks structure, signature, format version and every entry's hash; throws AppError('IMPORT_REFUSED', 中文原因). */
export async function verifyBundle(_file: string, _opts: VerifyOptions): Promise<VerifiedBundle> {
  throw new Error('verifyBundle: not implemented yet');
}
