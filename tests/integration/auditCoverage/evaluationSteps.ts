/** Steps of the annual evaluation: schemes, scores, ballots, outcomes. */
import { ballotSheet, cellsFor } from '../evaluationFixture';
import { id, ok, type Step, YEAR } from './harness';
import { cy } from './fixtures';

export const evaluationSteps: Step[] = [
  {
    kind: 'scheme create',
    entity: 'eval_scheme',
    action: 'create',
    field: 'template',
    run: async () => (id.scheme = (await ok('evaluation.schemes.createFromTemplate', { ...cy(), template: 'villagers30' })).id),
  },
  {
    kind: 'scheme update',
    entity: 'eval_scheme',
    action: 'update',
    field: 'body',
    run: async () =>
      ok('evaluation.schemes.saveDraft', {
        id: id.scheme!,
        body: { ...(await ok('evaluation.schemes.get', { id: id.scheme! })), excellentQuota: 20 },
      }),
  },
  {
    kind: 'scheme activate',
    entity: 'eval_scheme',
    action: 'update',
    field: 'status',
    run: async () => ok('evaluation.schemes.activate', { id: id.scheme! }),
  },
  {
    kind: 'scores',
    entity: 'eval_scores',
    action: 'update',
    field: /report/,
    run: async () =>
      ok('evaluation.sheet.save', {
        ballots: [],
        ...cy(),
        cells: [...cellsFor(id.zhang!, '村党组织第一书记', 90), ...cellsFor(id.city!, '村党组织第一书记', 85)],
      }),
  },
  {
    kind: 'score sheet',
    entity: 'eval_scores',
    action: 'update',
    field: /report/,
    run: async () => ok('evaluation.sheet.save', { ...cy(), cells: cellsFor(id.zhang!, '村党组织第一书记', 88), ballots: [] }),
  },
  {
    kind: 'ballots create',
    entity: 'eval_ballots',
    action: 'create',
    field: 'satisfied',
    run: async () =>
      ok('evaluation.sheet.save', ballotSheet({ ...cy(), cadreId: id.zhang!, satisfied: 80, basic: 10, unsatisfied: 10, ballots: 100 })),
  },
  {
    kind: 'ballots update',
    entity: 'eval_ballots',
    action: 'update',
    field: 'satisfied',
    run: async () => {
      await ok(
        'evaluation.sheet.save',
        ballotSheet({ ...cy(), cadreId: id.city!, satisfied: 85, basic: 0, unsatisfied: 15, ballots: 100 }),
      );
      await ok(
        'evaluation.sheet.save',
        ballotSheet({ ...cy(), cadreId: id.zhang!, satisfied: 90, basic: 0, unsatisfied: 10, ballots: 100 }),
      );
    },
  },
  { kind: 'finalise', entity: 'eval_year', action: 'finalise', field: 'results', run: async () => ok('evaluation.results.finalise', cy()) },
  {
    kind: 'reopen',
    entity: 'eval_year',
    action: 'reopen',
    field: 'finalised_at',
    run: async () => ok('evaluation.results.reopen', { ...cy(), reason: '复核更正实地核查分数' }),
  },
  {
    kind: 'outcome create',
    entity: 'eval_outcome',
    action: 'create',
    field: 'kind',
    run: async () =>
      (id.outcome = (
        await ok('evaluation.outcomes.save', { cadreId: id.zhang!, year: YEAR, kind: '表彰', date: '2025-01-20', note: '优秀第一书记' })
      ).id),
  },
  {
    kind: 'outcome update',
    entity: 'eval_outcome',
    action: 'update',
    field: 'note',
    run: async () =>
      ok('evaluation.outcomes.save', {
        id: id.outcome!,
        cadreId: id.zhang!,
        year: YEAR,
        kind: '表彰',
        date: '2025-01-20',
        note: '全县优秀第一书记',
      }),
  },
  {
    kind: 'outcome delete',
    entity: 'eval_outcome',
    action: 'delete',
    field: 'note',
    run: async () => ok('evaluation.outcomes.remove', { id: id.outcome! }),
  },
];
