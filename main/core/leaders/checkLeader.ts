/**
 * The leader a 市级 check names (明察暗访/抽查 by a 市委组织部 leader). The check itself keeps its
 * 检查人 text; the link lives in check_leaders, the city's own record, so it can be set on checks
 * of imported counties too and no county bundle overwrites it (migration 0016).
 */
import { leaderLinkSchema } from '../../../shared/api/leaders';
import { AppError } from '../../../shared/result';
import type { Db } from '../../store/db';
import { audit } from '../audit/log';
import { parseInput } from '../events/common';
import { getLeader } from './leaders';
import { stmt } from '../../store/statementCache';

type CheckRow = { id: number; level: string; kind: string; date: string; checker: string; township: string };

const leaderNameOf = (db: Db, checkId: number): string | null =>
  (stmt(db, 'SELECT d.name FROM check_leaders k JOIN city_leaders d ON d.id = k.leader_id WHERE k.check_id = ?').pluck().get(checkId) as
    | string
    | undefined) ?? null;

/** Names (leaderId) or clears (null) the leader who made a check; only 市级 checks name one. */
export function linkCheckLeader(db: Db, input: unknown): { checkId: number; leaderId: number | null } {
  const { checkId, leaderId } = parseInput(leaderLinkSchema, input);
  return db.transaction(() => {
    const k = stmt(
      db,
      `SELECT k.id, k.level, k.kind, k.date, k.checker, t.name AS township
         FROM checks k JOIN townships t ON t.id = k.township_id WHERE k.id = ?`,
    ).get(checkId) as CheckRow | undefined;
    if (!k) throw new AppError('NOT_FOUND', '该督查记录不存在，可能已被删除，请刷新后重试');
    const before = leaderNameOf(db, checkId);
    if (leaderId === null) {
      stmt(db, 'DELETE FROM check_leaders WHERE check_id = ?').run(checkId);
    } else {
      if (k.level !== '市级') {
        throw new AppError('INVALID_INPUT', `该督查为${k.level}督查（${k.kind}），只有市级督查才能记为市委组织部领导的督查`);
      }
      getLeader(db, leaderId);
      stmt(
        db,
        'INSERT INTO check_leaders (check_id, leader_id) VALUES (?, ?) ON CONFLICT(check_id) DO UPDATE SET leader_id = excluded.leader_id',
      ).run(checkId, leaderId);
    }
    const after = leaderNameOf(db, checkId);
    if (before !== after) {
      audit(
        db,
        'update',
        'check_leader',
        checkId,
        { date: k.date, township: k.township, checker: k.checker },
        { before: { leader: before }, after: { leader: after } },
      );
    }
    return { checkId, leaderId };
  })();
}
