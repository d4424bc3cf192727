/**
 * manifest.json as read from a bundle: the format and version gate first (so a newer
 * bundle gets the "please upgrade" message, not a schema error), then the fields this
 * version needs. Unknown fields are ignored: newer writers may add them.
 */
import { z } from 'zod';
import { nameProblem } from './entryName';
import { refusal } from './refusals';

export const BUNDLE_FORMAT = 'onebag-bundle';
/** Major version of the bundle layout; a reader accepts bundles whose minReaderVersion ≤ its own. */
export const BUNDLE_FORMAT_VERSION = 1;
export const MANIFEST_NAME = 'manifest.json';
export const SIGNATURE_NAME = 'manifest.sig';

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
  signer: { name: string; fingerprint: string /** base64 of the raw 32-byte Ed25519 public key */; publicKey: string };
  files: Array<{ path: string; size: number; sha256: string; role: BundleEntryRole }>;
}

const schema = z.object({
  format: z.literal('onebag-bundle'),
  formatVersion: z.number().int().positive(),
  minReaderVersion: z.number().int().positive(),
  producer: z.object({ app: z.literal('OneBag'), version: z.string(), schemaVersion: z.number().int().nonnegative() }),
  createdAt: z.string(),
  bundleId: z.string().min(1),
  kind: z.enum(['county', 'review']),
  scope: z.object({ county: z.string(), year: z.number().int(), cadres: z.number().int().nonnegative() }),
  signer: z.object({ name: z.string(), fingerprint: z.string(), publicKey: z.string() }),
  files: z.array(
    z.object({
      path: z.string(),
      size: z.number().int().nonnegative(),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
      role: z.enum(['records', 'original', 'dossier', 'index', 'asset']),
    }),
  ),
});

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function parseManifest(bytes: Buffer, readerVersion: number): BundleManifest {
  let json: unknown;
  try {
    json = JSON.parse(utf8.decode(bytes));
  } catch {
    throw refusal.manifestUnparseable('不是有效的 UTF-8 JSON');
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw refusal.manifestFormat('不是 JSON 对象');
  const raw = json as Record<string, unknown>;
  if (raw.format !== 'onebag-bundle') throw refusal.manifestFormat('format 不是 onebag-bundle');
  const version = raw.formatVersion;
  const minReader = raw.minReaderVersion;
  if (!Number.isInteger(version) || !Number.isInteger(minReader)) throw refusal.manifestFormat('缺少格式版本');
  if ((minReader as number) > readerVersion) throw refusal.newerFormat(version as number, readerVersion);
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw refusal.manifestFormat(`字段 ${issue.path.join('.') || '(根)'} 无效`);
  }
  const m = parsed.data as BundleManifest;
  const seen = new Set<string>();
  for (const f of m.files) {
    const problem = nameProblem(f.path);
    if (problem) throw refusal.unsafeName(f.path, problem);
    if (f.path === MANIFEST_NAME || f.path === SIGNATURE_NAME) throw refusal.manifestFormat(`清单列出了保留文件 ${f.path}`);
    if (seen.has(f.path)) throw refusal.manifestFormat(`清单重复列出 ${f.path}`);
    seen.add(f.path);
  }
  return m;
}
