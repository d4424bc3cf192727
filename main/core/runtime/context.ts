import type { ProgressEvent } from '../../../shared/api';
import type { Db } from '../../store/db';

/** What differs between Electron, the loopback bridge and the CLI. */
export interface HostServices {
  kind: 'electron' | 'bridge' | 'cli';
  /** URL from which the renderer can load an original (app://… or http://127.0.0.1…). */
  blobUrl(sha256: string): string;
  /** Opens a file with the operating system's default program; absent where impossible. */
  openPath?: (filePath: string) => Promise<void>;
  /** Pushes progress of long jobs to the UI. */
  progress?: (e: ProgressEvent) => void;
  /** Desktop: the system 另存为 dialog, then a durable copy; the chosen path, or null when cancelled. */
  saveFile?: (suggestedName: string, source: { path: string } | { bytes: Buffer }) => Promise<string | null>;
  /** Desktop: the system print dialog for a PDF file; false when the clerk cancelled. */
  printPdf?: (filePath: string) => Promise<boolean>;
  /** Desktop: shows a folder in the file manager. */
  openFolder?: (dir: string) => Promise<void>;
}

/** Everything a use case needs; created once per process by main/api/open.ts. */
export interface CoreContext {
  db: Db;
  dataDir: string;
  host: HostServices;
}
