import type { Database } from 'better-sqlite3';
import { up as m0001 } from './0001-foundation';
import { up as m0002 } from './0002-attendance';

export interface Migration {
  version: number;
  name: string;
  up: (db: Database) => void;
}

/** Numbered migrations, oldest first. Append only; never edit a migration that has shipped. */
export const migrations: Migration[] = [
  { version: 1, name: 'foundation', up: m0001 },
  { version: 2, name: 'attendance', up: m0002 },
];

export const latestVersion = migrations[migrations.length - 1]!.version;
