/**
 * Where originals live in a data directory: <data dir>/blobs/ab/cdef…, named by their SHA-256
 * with the first two hex digits as a folder. Pure: callers join the parts with node:path.
 */
export const BLOBS_DIR = 'blobs';

export const SHA256_RE = /^[0-9a-f]{64}$/;

/** Folder and file name of a blob inside BLOBS_DIR. */
export const blobPathParts = (sha256: string): [string, string] => [sha256.slice(0, 2), sha256.slice(2)];

/** Relative name shown to users, e.g. `blobs/ab/cdef…`. */
export const blobName = (sha256: string): string => [BLOBS_DIR, ...blobPathParts(sha256)].join('/');
