/** Limits that keep a hostile bundle (zip bomb, endless directory) from exhausting the machine. */
export interface BundleCaps {
  /** Entries in the central directory. */
  maxEntries: number;
  /** Declared uncompressed size of any one entry. */
  maxEntryBytes: number;
  /** Declared uncompressed size of all entries together. */
  maxTotalBytes: number;
  /** Uncompressed : compressed, per deflated entry… */
  maxRatio: number;
  /** …checked only from this size up: small text legitimately compresses well and cannot hurt. */
  ratioMinBytes: number;
  /** manifest.json is parsed in memory. */
  maxManifestBytes: number;
  /** readEntry() holds the entry in memory; bigger entries must be extracted. */
  maxReadEntryBytes: number;
  /** The central directory is parsed in memory. */
  maxCentralDirectoryBytes: number;
}

const GiB = 1024 * 1024 * 1024;
const MiB = 1024 * 1024;

export const DEFAULT_CAPS: BundleCaps = {
  maxEntries: 200_000,
  maxEntryBytes: 8 * GiB,
  maxTotalBytes: 64 * GiB,
  maxRatio: 200,
  ratioMinBytes: 1 * MiB,
  maxManifestBytes: 128 * MiB,
  maxReadEntryBytes: 512 * MiB,
  maxCentralDirectoryBytes: 256 * MiB,
};

export const withCaps = (caps?: Partial<BundleCaps>): BundleCaps => ({ ...DEFAULT_CAPS, ...caps });
