/** The records layer's public types (see records/format.ts for the JSON shape). */
import type { ExchangePlan } from '../../../shared/api/exchange';

export const RECORDS_VERSION = 1;

export interface RecordsDoc {
  recordsVersion: number;
  kind: 'county' | 'review';
  /** Fingerprint of the department whose key signs the bundle. */
  origin: string;
  scope: { county: string; year: number };
  /** Table name -> rows in the documented JSON shape (see records/format.ts). */
  tables: Record<string, { columns: string[]; rows: unknown[][] }>;
  /** SHA-256 of every original the rows refer to. */
  blobs: string[];
  /** Cadres of the scope, for the bundle's index.html and the dossier file names. */
  cadres: Array<{ ref: string; name: string; township: string; village: string | null; postType: string }>;
}

/** The plan as the preview shows it, and the rows linked by natural key. */
export interface ImportPlan extends ExchangePlan {
  /** Rows equal to a local row found by natural key, linked to it on import (no values change). */
  linked: number;
}

export interface PlanOptions {
  /** This department's own key fingerprint. */
  self: string;
  /** Whether an original is present in <dataDir>/blobs (BlobStore.has); defaults to "has a blobs row". */
  hasBlob?: (sha256: string) => boolean;
}

export interface ApplyOptions extends PlanOptions {
  bundleId: string;
  bundleSha256: string;
  signerName: string;
  /** Required when applying: a blob row must never point at a missing file. */
  hasBlob: (sha256: string) => boolean;
  /** Runs first inside the import's transaction (trusting the signer), so a refusal undoes it too. */
  beforeWrite?: () => void;
}
