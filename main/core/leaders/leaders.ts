/**
 * City leaders (市委组织部领导班子成员) and the counties each "contracts" (承包) for a period. The
 * city department's own record: counties may be its own or imported ones (the table is exempt
 * from the read-only guard and never in a county bundle; migration 0016).
 */
import { leaderSaveSchema, type LeaderSaveInput } from '../../../shared/api/leaders';
import { contractPeriodText, type CityLeader, type LeaderContract } from '../../../shared/leaders';
import { AppError } from '../../../shared/result';
import { nowIso, type Db } from '../../store/db';
import { audit } from '../audit/log';
import { parseInput } from '../events/common';
import { stmt } from '../../store/statementCache';

const zh = new Intl.Collator('zh-CN');

type LeaderRow = { id: number; name: string; title: string; linkedChecks: number };

function contractsOf(db: Db, leaderId: number): LeaderContract[] {
  return stmt(
    db,
    `SELECT l.id, l.county_id AS countyId, c.name AS county, c.origin, l.start, l."end" AS "end"
       FROM city_leader_contracts l JOIN counties c ON c.id = l.county_id
      WHERE l.leader_id = ? ORDER BY l.start, c.origin IS NOT NULL, c.id, l.id`,
  ).all(leaderId) as LeaderContract[];
}

const LEADER_SQL = `SELECT d.id, d.name, d.title, (SELECT COUNT(*) FROM check_leaders k WHERE k.leader_id = d.id) AS linkedChecks
  FROM city_leaders d`;

export function getLeader(db: Db, id: number): CityLeader {
  const row = stmt(db, `${LEADER_SQL} WHERE d.id = ?`).get(id) as LeaderRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', '该领导不存在，可能已被删除，请刷新后重试');
  return { ...row, contracts: contractsOf(db, id) };
}

/** Every leader by name (pinyin order), never by activity. */
export function listLeaders(db: Db): CityLeader[] {
  const rows = stmt(db, LEADER_SQL).all() as LeaderRow[];
  return rows.sort((a, b) => zh.compare(a.name, b.name) || a.id - b.id).map((r) => ({ ...r, contracts: contractsOf(db, r.id) }));
}

/** The leader as the audit log shows it: contracts in words, so a change reads as one. */
function auditView(l: CityLeader): Record<string, string> {
  return {
    name: l.name,
    position: l.title,
    contracts: l.contracts.map((c) => `${c.county} ${contractPeriodText(c.start, c.end)}`).join('；'),
  };
}

/** Creates or replaces a leader with their contracts, in one transaction. */
export function saveLeader(db: Db, input: LeaderSaveInput): CityLeader {
  const { id, name, title, contracts } = parseInput(leaderSaveSchema, input);
  return db.transaction(() => {
    const countyName = (countyId: number) => {
      const c = stmt(db, 'SELECT name FROM counties WHERE id = ?').pluck().get(countyId) as string | undefined;
      if (c === undefined) throw new AppError('NOT_FOUND', '所选县（市、区）不存在，可能已被删除，请刷新后重试');
      return c;
    };
    const named = contracts.map((c) => ({ ...c, county: countyName(c.countyId) }));
    // The same county twice in overlapping periods would count its checks twice.
    for (const [i, a] of named.entries()) {
      for (const b of named.slice(i + 1)) {
        if (a.countyId !== b.countyId) continue;
        if (a.start <= (b.end ?? '9999-12-31') && b.start <= (a.end ?? '9999-12-31')) {
          throw new AppError(
            'INVALID_INPUT',
            `${a.county}的两段承包期重叠（${contractPeriodText(a.start, a.end)}、${contractPeriodText(b.start, b.end)}），请合并为一段`,
          );
        }
      }
    }
    const twin = stmt(db, 'SELECT id FROM city_leaders WHERE name = ? AND title = ? AND id IS NOT ?')
      .pluck()
      .get(name, title, id ?? null);
    if (twin !== undefined) throw new AppError('CONFLICT', `已有“${title} ${name}”的记录，请在原记录上修改`);
    const at = nowIso();
    let leaderId: number;
    let before: CityLeader | undefined;
    if (id === undefined) {
      leaderId = Number(
        stmt(db, 'INSERT INTO city_leaders (name, title, created_at, updated_at) VALUES (?, ?, ?, ?)').run(name, title, at, at)
          .lastInsertRowid,
      );
    } else {
      before = getLeader(db, id);
      stmt(db, 'UPDATE city_leaders SET name = ?, title = ?, updated_at = ? WHERE id = ?').run(name, title, at, id);
      stmt(db, 'DELETE FROM city_leader_contracts WHERE leader_id = ?').run(id);
      leaderId = id;
    }
    const ins = stmt(db, 'INSERT INTO city_leader_contracts (leader_id, county_id, start, "end") VALUES (?, ?, ?, ?)');
    for (const c of named) ins.run(leaderId, c.countyId, c.start, c.end);
    const after = getLeader(db, leaderId);
    audit(
      db,
      id === undefined ? 'create' : 'update',
      'city_leader',
      leaderId,
      { name, counties: named.map((c) => c.county) },
      { before: before && auditView(before), after: auditView(after) },
    );
    return after;
  })();
}

/** Removes a leader no check names; one who made checks keeps the record (end the contracts instead). */
export function removeLeader(db: Db, id: number): void {
  db.transaction(() => {
    const l = getLeader(db, id);
    if (l.linkedChecks > 0) {
      throw new AppError('CONFLICT', `${l.name}已关联${l.linkedChecks}次督查记录，不能删除；如已不再承包，请填写承包结束日期`);
    }
    stmt(db, 'DELETE FROM city_leaders WHERE id = ?').run(id);
    audit(db, 'delete', 'city_leader', id, { name: l.name }, { before: auditView(l) });
  })();
}
