import type { Database } from 'better-sqlite3';
import { up as m0001 } from './0001-foundation';
import { up as m0002 } from './0002-attendance';
import { up as m0003 } from './0003-events';
import { up as m0004 } from './0004-worklog';
import { up as m0005 } from './0005-work';
import { up as m0006 } from './0006-evaluation';
import { up as m0007 } from './0007-audit-chain';
import { up as m0008 } from './0008-exchange';
import { up as m0009 } from './0009-archive-numbers';
import { up as m0010 } from './0010-numbers';
import { up as m0011 } from './0011-blob-flags';
import { up as m0012 } from './0012-ocr';
import { up as m0013 } from './0013-villages-scheduling';
import { up as m0014 } from './0014-rule-settings';
import { up as m0015 } from './0015-certification-link';
import { up as m0016 } from './0016-city-leaders';

export interface Migration {
  version: number;
  name: string;
  up: (db: Database) => void;
}

/** Numbered migrations, oldest first. Append only; never edit a migration that has shipped. */
export const migrations: Migration[] = [
  { version: 1, name: 'foundation', up: m0001 },
  { version: 2, name: 'attendance', up: m0002 },
  { version: 3, name: 'events', up: m0003 },
  { version: 4, name: 'worklog', up: m0004 },
  { version: 5, name: 'work', up: m0005 },
  { version: 6, name: 'evaluation', up: m0006 },
  { version: 7, name: 'audit-chain', up: m0007 },
  { version: 8, name: 'exchange', up: m0008 },
  { version: 9, name: 'archive-numbers', up: m0009 },
  { version: 10, name: 'numbers', up: m0010 },
  { version: 11, name: 'blob-flags', up: m0011 },
  { version: 12, name: 'ocr', up: m0012 },
  { version: 13, name: 'villages-scheduling', up: m0013 },
  { version: 14, name: 'rule-settings', up: m0014 },
  { version: 15, name: 'certification-link', up: m0015 },
  { version: 16, name: 'city-leaders', up: m0016 },
];

export const latestVersion = migrations[migrations.length - 1]!.version;
