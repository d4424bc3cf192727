/**
 * The channels that change no record of the archive, and so write no audit entry, each with
 * the reason. Every channel of shared/api.ts NOT listed here changes records (or, like an
 * export, is an act the log must show) and writes at least one audit entry when it succeeds.
 * tests/integration/auditCoverage.test.ts holds both sides: it drives every channel not listed
 * here on a real database and requires an entry, and it requires each listed 'read' channel it
 * calls to leave the database untouched. A new channel goes either here or into that test.
 */
import type { Channel } from '../api';

export type ReadOnlyReason =
  /** Reads records; changes nothing. */
  | 'read'
  /** Holds an upload in temporary files until the channel that files it (and audits that). */
  | 'staging'
  /** Renders records into a file, a print or another program; the records stay as they are. */
  | 'output'
  /** Follows or stops a background job started by another channel. */
  | 'job'
  /** The OCR work queue of this computer: machine work state, not a record. */
  | 'ocr';

export const READ_ONLY_CHANNELS = {
  'app.status': 'read',
  'org.tree': 'read',
  'cadres.list': 'read',
  'cadres.get': 'read',
  'roster.preview': 'read',
  'staging.begin': 'staging',
  'staging.chunk': 'staging',
  'staging.end': 'staging',
  'staging.discard': 'staging',
  'bag.list': 'read',
  'reports.linkOfMaterial': 'read',
  'rules.get': 'read',
  'files.url': 'read',
  'files.openExternal': 'output',
  'search.global': 'read',

  'attendance.grid': 'read',
  'attendance.certify.warnings': 'read',
  'attendance.history': 'read',
  'attendance.leave.list': 'read',
  'attendance.holidays.list': 'read',
  'attendance.register.pdf': 'output',
  'attendance.import.preview': 'read',

  'events.list': 'read',
  'events.get': 'read',
  'events.candidates': 'read',
  'checks.list': 'read',
  'checks.get': 'read',
  'verifications.list': 'read',
  'alerts.list': 'read',

  'dossier.settings.get': 'read',
  'dossier.fonts': 'read',
  'dossier.preview': 'output',
  'dossier.batch.start': 'output',
  'dossier.batch.cancel': 'job',
  'dossier.batch.status': 'job',
  'dossier.openExternal': 'output',

  'worklog.list': 'read',
  'worklog.search': 'read',
  'worklog.importPreview': 'read',
  'reports.list': 'read',

  'work.plans.list': 'read',
  'work.projects.list': 'read',
  'work.weak.list': 'read',
  'work.support.overview': 'read',

  'villages.income.table': 'read',
  'villages.income.previewImport': 'read',
  'villages.programme.get': 'read',
  'scheduling.year': 'read',
  'scheduling.quarter': 'read',

  'stats.compute': 'read',
  'stats.city': 'read',
  'leaders.list': 'read',
  'leaders.year': 'read',
  'stats.drill': 'read',

  'evaluation.schemes.list': 'read',
  'evaluation.schemes.templates': 'read',
  'evaluation.schemes.get': 'read',
  'evaluation.scores.grid': 'read',
  'evaluation.results.compute': 'read',
  'evaluation.results.state': 'read',
  'evaluation.results.history': 'read',
  'evaluation.outcomes.list': 'read',
  'evaluation.evidence': 'read',
  'evaluation.print.sheet': 'output',
  'evaluation.print.countyTable': 'output',

  'exchange.trusted.list': 'read',
  'exchange.defaultPath': 'read',
  'exchange.export.status': 'job',
  'exchange.export.cancel': 'job',
  'exchange.preview': 'read',
  'exchange.imports.list': 'read',
  'exchange.comments.list': 'read',

  'integrity.check': 'read',
  'integrity.backups': 'read',
  'integrity.describeBackup': 'read',
  'integrity.backupNow': 'output',

  'audit.list': 'read',
  'audit.get': 'read',
  'audit.verify': 'read',
  'audit.operators': 'read',
  'audit.print': 'output',

  'ocr.status': 'read',
  'ocr.queueAll': 'ocr',
  'ocr.setPaused': 'ocr',
  'ocr.suggest': 'staging',

  'output.xlsx': 'output',
  'output.saveAs': 'output',
  'output.print': 'output',
  'output.openFolder': 'output',
} as const satisfies { readonly [C in Channel]?: ReadOnlyReason };
