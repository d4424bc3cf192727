/** Steps of exchange between departments: the county export, the reviewer's import and review; last, a versioned rule. */
import path from 'node:path';
import { expect } from 'vitest';
import { creditJob, env, id, importedCounty, newestOn, ok, openReviewer, OPERATOR, reviewed, type Step, YEAR } from './harness';

export const exchangeSteps: Step[] = [
  {
    kind: 'county export',
    entity: 'county',
    action: 'export',
    has: 'none',
    run: async () => {
      const since = newestOn(env.core);
      const { jobId } = await ok('exchange.export.start', {
        countyId: id.county!,
        year: YEAR,
        out: path.join(env.dir, '义县.onebag'),
        withDossiers: false,
      });
      let status = await ok('exchange.export.status', { jobId });
      while (status.state === 'running') {
        await new Promise((r) => setTimeout(r, 50));
        status = await ok('exchange.export.status', { jobId });
      }
      expect(status.state, status.stage).toBe('done');
      creditJob('exchange.export.start', env.core, since);
    },
  },
  {
    kind: 'bundle import (reviewer)',
    on: openReviewer,
    entity: 'bundle',
    action: 'import',
    has: 'any',
    run: async () => {
      await reviewed('app.setup', { mode: 'empty', operator: OPERATOR });
      await reviewed('exchange.import', { source: { path: path.join(env.dir, '义县.onebag') }, trustSigner: true });
    },
  },
  {
    kind: 'review comment (reviewer)',
    on: openReviewer,
    entity: 'eval_comment',
    action: 'create',
    has: 'any',
    run: async () => {
      const county = await importedCounty();
      const [cadre] = await reviewed('cadres.list', { countyId: county.id });
      await reviewed('exchange.comments.set', { countyId: county.id, year: YEAR, cadreId: cadre!.id, comment: '实绩突出，群众认可' });
    },
  },
  {
    kind: 'review export (reviewer)',
    on: openReviewer,
    entity: 'eval_review',
    action: 'export',
    has: 'none',
    run: async () => {
      const county = await importedCounty();
      await reviewed('exchange.reviewExport', { countyId: county.id, year: YEAR, out: path.join(env.dir, '义县-评审结果.onebag') });
    },
  },
  {
    kind: 'trusted key revoked (reviewer)',
    on: openReviewer,
    entity: 'trusted_key',
    action: 'revoke',
    has: 'any',
    run: async () => {
      const [key] = await reviewed('exchange.trusted.list', {});
      await reviewed('exchange.trusted.revoke', { fingerprint: key!.fingerprint });
    },
  },
  // A later change of a versioned rule (the first ones: attendance and report-due steps).
  {
    kind: 'rule settings version',
    entity: 'rule_settings',
    action: 'create',
    has: 'any',
    run: async () => ok('rules.set', { countyId: id.county!, year: YEAR, patch: { quarterDueDays: 12 }, note: '按县委组织部通知调整' }),
  },
];
