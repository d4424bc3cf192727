/** Handlers for shared/api/leaders.ts over main/core/leaders/*. */
import type { leaderChannels } from '../../../shared/api/leaders';
import { linkCheckLeader } from '../../core/leaders/checkLeader';
import { leadersYear } from '../../core/leaders/leaderYear';
import { listLeaders, removeLeader, saveLeader } from '../../core/leaders/leaders';
import type { HandlersFor, Services } from '../services';
import { removeBy } from './removeBy';

export function createLeaderHandlers(s: Services): HandlersFor<typeof leaderChannels> {
  const { db } = s.ctx;
  return {
    'leaders.list': () => listLeaders(db),
    'leaders.save': (input) => saveLeader(db, input),
    'leaders.remove': removeBy(db, removeLeader),
    'leaders.linkCheck': (input) => linkCheckLeader(db, input),
    'leaders.year': ({ year }) => leadersYear(db, year),
  };
}
