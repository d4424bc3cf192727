/**
 * buildDossierDoc(): one cadre's dossier model (DossierDoc) from the database, for a year or
 * the whole term. Cover and catalogue come from the engine; the sections come from
 * SECTION_BUILDERS, in order.
 */
import { getCadre, type ReadonlyDb } from '../../core/dossierReads/readers';
import path from 'node:path';
import type { DossierScope, DossierSettings } from '../../../shared/api/dossier';
import type { MonthGrid } from '../../../shared/api/attendance';
import { evaluationSections } from '../evaluation/section';
import type { DossierDoc } from '../typeset/model';
import { attendanceSections } from './attendance';
import { bagSections } from './bag';
import { basicInfoSection } from './basicInfo';
import type { BlobPaths, BuildContext, SectionBuilder } from './context';
import type { NumberAssigner } from '../../core/archive/numbers';
import { applyItemNumbers, gapNotes, numberRequestItems } from './archiveNumbers';
import { dossierFileName, periodOf, postingFor } from './volume';
import { weakVillageSections } from './weakVillages';
import { planSections, projectSections, reportSections } from './work';
import { workLogItems } from './worklog';
import { now, localToday } from '../../core/runtime/clock';
import { clockOf, isoDateOf, monthLabel } from '../../../shared/dates';

/** The bag, with the typeset work log of each year in its 年度工作日志 category. */
export const bagWithWorkLog: SectionBuilder = (ctx) => bagSections(ctx, { 年度工作日志: workLogItems });

/**
 * The dossier's sections after cover and catalogue, in print order (issue 3 §1–5): basic
 * information, the bag (with the typeset work log), attendance with five-must and checks,
 * plans, projects, weak villages, quarterly reports and half-year summaries.
 * Last, the 考核登记表 of each year with a finalised evaluation (main/dossier/evaluation/section.ts).
 */
export const SECTION_BUILDERS: SectionBuilder[] = [
  basicInfoSection,
  bagWithWorkLog,
  attendanceSections,
  planSections,
  projectSections,
  weakVillageSections,
  reportSections,
  evaluationSections,
];

export interface BuildOptions {
  cadreId: number;
  year: DossierScope;
  /** Month grids shared across the cadres of one batch. */
  grids?: Map<string, MonthGrid>;
  /**
   * Assigns the stored archive numbers (main/core/archive/numbers.ts): the one write of a print,
   * injected because the dossier only reads (`volumeNumberAssigner(db)` in-process; the worker
   * thread passes one with its own short-lived writable connection).
   */
  numbers: NumberAssigner;
  /** Clock of this print, local time `YYYY-MM-DD HH:MM:SS` (default: now). */
  now?: string;
}

export interface BuiltDossier {
  doc: DossierDoc;
  /** `<档号> <姓名>.pdf` */
  fileName: string;
  /** Problems found while reading the data (damaged originals, unreadable records). */
  warnings: string[];
  /** Blob path → original file name, to translate the engine's warnings. */
  names: Map<string, string>;
}

export async function buildDossierDoc(
  db: ReadonlyDb,
  blobs: BlobPaths,
  opts: BuildOptions,
  settings: DossierSettings,
): Promise<BuiltDossier> {
  const cadre = getCadre(db, opts.cadreId);
  const period = periodOf(cadre, opts.year);
  const posting = postingFor(cadre, period.from, period.to);
  const county = posting?.countyName ?? '';
  let itemNo = 0;
  // remember which blob each original's path is: originals are numbered by SHA-256
  const shaOfPath = new Map<string, string>();
  const recordingBlobs: BlobPaths = {
    pathOf: (sha) => {
      const p = blobs.pathOf(sha);
      shaOfPath.set(p, sha);
      return p;
    },
  };
  const ctx: BuildContext = {
    db,
    blobs: recordingBlobs,
    cadre,
    scope: opts.year,
    from: period.from,
    to: period.to,
    yearLabel: period.yearLabel,
    settings,
    issuer: county ? `${county}委组织部` : '组织部',
    warnings: [],
    grids: opts.grids ?? new Map(),
    nextItemNo: () => ++itemNo,
  };
  const sections = [];
  for (const build of SECTION_BUILDERS) sections.push(...(await build(ctx)));

  const request = numberRequestItems(sections, shaOfPath);
  const numbers = await opts.numbers({
    cadreId: cadre.id,
    kind: opts.year === 'term' ? 'term' : 'year',
    periodKey: opts.year === 'term' ? period.from : String(opts.year),
    codeYear: period.codeYear,
    fonds: settings.fonds,
    retention: settings.retention,
    org: settings.org,
    items: request.items,
    now: opts.now ?? localNow(),
  });
  applyItemNumbers(request.targets, numbers);
  const code = numbers.volumeCode;

  const term = cadre.postings.length
    ? (() => {
        const ps = [...cadre.postings].sort((a, b) => a.start.localeCompare(b.start));
        const last = ps.at(-1)!;
        return `${monthLabel(ps[0]!.start)}—${last.end ? monthLabel(last.end) : '至今'}`;
      })()
    : '—';
  const names = new Map<string, string>();
  for (const s of sections) for (const it of s.items) if (it.kind !== 'typeset') names.set(it.path, it.catalogue.title);
  const today = localToday();
  return {
    doc: {
      meta: {
        county: county || '—',
        cadreName: cadre.name,
        unit: cadre.unitName ?? '—',
        post: cadre.postType,
        place: posting ? `${posting.townshipName}${posting.villageName ?? ''}` : '—',
        term,
        year: period.yearLabel,
        archiveCode: code,
        // never the OS user or the operator: unset names print as blank lines to sign by hand
        compiler: settings.compiler,
        checker: settings.checker,
        date: today,
        ...(settings.checkDate ? { checkDate: settings.checkDate } : {}),
        pageNumberStyle: settings.pageNumberStyle,
        closingNotes: gapNotes(numbers),
      },
      sections,
    },
    fileName: dossierFileName(code, cadre.name),
    warnings: ctx.warnings,
    names,
  };
}

function localNow(): string {
  const d = now();
  return `${isoDateOf(d)} ${clockOf(d, true)}`;
}

/** The engine names originals by path (blob paths here): say the item's title instead. */
export function translateWarnings(warnings: string[], names: Map<string, string>): string[] {
  return warnings.map((w) => {
    let out = w;
    for (const [p, title] of names) {
      if (out.includes(p)) out = out.split(p).join(`《${title}》的原件`);
      const base = path.basename(p);
      if (out.includes(base)) out = out.split(base).join(`《${title}》`);
    }
    return out;
  });
}
