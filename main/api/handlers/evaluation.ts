/**
 * Handlers for shared/api/evaluation.ts over main/core/evaluation/* and the evaluation prints
 * (main/dossier/evaluation). Prints go into the blob store, as dossier previews do, so the
 * host can serve them to the renderer and open them in the system viewer.
 */
import type { evaluationChannels } from '../../../shared/api/evaluation';
import { TEMPLATE_KEYS } from '../../../shared/evaluation';
import { TEMPLATES } from '../../../shared/evaluation/templates';
import { storeGeneratedPdf } from '../../core/blobs/rows';
import { cadreEvidence } from '../../core/evaluation/facts';
import { listOutcomes, removeOutcome, saveOutcome } from '../../core/evaluation/outcomes';
import { computeResults, finaliseYear, reopenYear } from '../../core/evaluation/results';
import { countyOfCadre } from '../../core/evaluation/roster';
import { activateScheme, createFromTemplate, getScheme, listSchemes, saveDraft } from '../../core/evaluation/schemes';
import { saveSheet, scoreGrid } from '../../core/evaluation/scores';
import { yearHistory, yearState } from '../../core/evaluation/years';
import { countyTablePdf } from '../../dossier/evaluation/countyTable';
import { evaluationSheetPdf } from '../../dossier/evaluation/sheetPdf';
import type { HandlersFor, Services } from '../services';
import { removeBy } from './removeBy';

export function createEvaluationHandlers(s: Services): HandlersFor<typeof evaluationChannels> {
  const { ctx, blobs } = s;
  const { db } = ctx;

  const store = async (pdf: Buffer, pages: number) => {
    const { sha256 } = await storeGeneratedPdf(db, blobs, pdf, pages);
    return { sha256, url: ctx.host.blobUrl(sha256), pages };
  };

  return {
    'evaluation.schemes.list': ({ countyId, year }) => listSchemes(db, countyId, year),
    'evaluation.schemes.templates': () => TEMPLATE_KEYS.map((k) => TEMPLATES[k]),
    'evaluation.schemes.createFromTemplate': ({ countyId, year, template }) => createFromTemplate(db, countyId, year, template),
    'evaluation.schemes.get': ({ id }) => getScheme(db, id),
    'evaluation.schemes.saveDraft': ({ id, body }) => saveDraft(db, id, body),
    'evaluation.schemes.activate': ({ id }) => activateScheme(db, id),

    'evaluation.scores.grid': (q) => scoreGrid(db, q),
    'evaluation.sheet.save': ({ countyId, year, cells, ballots }) => saveSheet(db, countyId, year, cells, ballots),

    'evaluation.results.compute': (q) => computeResults(db, q),
    'evaluation.results.finalise': ({ countyId, year, incompleteReason }) => finaliseYear(db, countyId, year, undefined, incompleteReason),
    'evaluation.results.reopen': ({ countyId, year, reason }) => reopenYear(db, countyId, year, reason),
    'evaluation.results.state': ({ countyId, year }) => yearState(db, countyId, year),
    'evaluation.results.history': ({ countyId, year }) => yearHistory(db, countyId, year),

    'evaluation.outcomes.list': (q) => listOutcomes(db, q),
    'evaluation.outcomes.save': (input) => saveOutcome(db, input),
    'evaluation.outcomes.remove': removeBy(db, removeOutcome),

    'evaluation.evidence': ({ cadreId, year }) => cadreEvidence(db, cadreId, countyOfCadre(db, cadreId, year), year),

    'evaluation.print.sheet': async ({ cadreId, year }) => {
      const r = await evaluationSheetPdf(db, cadreId, year);
      return store(r.pdf, r.pages);
    },
    'evaluation.print.countyTable': async ({ countyId, year }) => {
      const r = await countyTablePdf(db, countyId, year);
      return store(r.pdf, r.pages);
    },
  };
}
