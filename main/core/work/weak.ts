/**
 * Weak collective-economy villages (集体经济薄弱村): listing, income by year, supporting cadres,
 * the village's milestones with evidence, and the actions taken for missed ones (记录在案).
 * The milestone rules themselves are pure (shared/work.ts).
 */
import type { z } from 'zod';
import type { milestoneSchema, weakActionSchema, weakVillageSchema } from '../../../shared/api/work';
import { AppError } from '../../../shared/result';
import {
  clockRun,
  evaluateMilestones,
  MILESTONE_KINDS,
  MILESTONE_RULE,
  type MilestoneKind,
  type WeakAction,
  type WeakActionRecord,
  type WeakMilestoneRecord,
  type VillageIncome,
  type WeakVillage,
  type WeakVillageSupporter,
} from '../../../shared/weakVillages';
import { nowIso, type Db } from '../../store/db';
import { audit } from '../audit/log';
import { snapshot } from '../audit/snapshot';
import { recordBlob } from '../blobs/rows';
import { operatorOf } from '../attendance/common';
import { postedSupporters } from '../villages/postedSupporters';
import { appointSuccessor, endPostingOnRecall, vacantPosts } from '../villages/recall';
import { cadreFacts, postingsOf, villageFacts, zh } from './common';
import { dateLabel } from '../../../shared/dates';
import { localToday } from '../runtime/clock';
import { stmt } from '../../store/statementCache';
import { storeUpload, type StoredUpload } from '../blobs/intake';
import type { BlobStore } from '../../files/blobStore';

type Head = { villageId: number; village: string; townshipId: number; township: string; listedYear: number; notes: string | null };

const HEAD_SQL = `SELECT w.village_id AS villageId, v.name AS village, t.id AS townshipId, t.name AS township,
                         w.listed_year AS listedYear, w.notes
                    FROM weak_villages w JOIN villages v ON v.id = w.village_id JOIN townships t ON t.id = v.township_id`;

const incomeOf = (db: Db, villageId: number): VillageIncome['income'] =>
  stmt(db, 'SELECT year, income_fen AS incomeFen FROM village_income WHERE village_id = ? ORDER BY year').all(
    villageId,
  ) as VillageIncome['income'];

function build(db: Db, h: Head, today: string): WeakVillage {
  const income = incomeOf(db, h.villageId);
  const files = stmt(
    db,
    `SELECT f.kind, f.sha256, f.original_name AS originalName, b.mime FROM weak_milestone_files f JOIN blobs b ON b.sha256 = f.sha256
      WHERE f.village_id = ? ORDER BY f.position`,
  ).all(h.villageId) as Array<{ kind: MilestoneKind; sha256: string; originalName: string; mime: string }>;
  const milestones = (
    stmt(db, 'SELECT kind, date, description FROM weak_milestones WHERE village_id = ?').all(h.villageId) as Array<
      Omit<WeakMilestoneRecord, 'evidence'>
    >
  ).map((m) => ({
    ...m,
    evidence: files.filter((f) => f.kind === m.kind).map(({ sha256, originalName, mime }) => ({ sha256, originalName, mime })),
  }));
  const achieved: Partial<Record<MilestoneKind, string>> = {};
  for (const m of milestones) achieved[m.kind] = m.date;
  const actions = stmt(
    db,
    `SELECT a.id, a.cadre_id AS cadreId, c.name AS cadreName, a.milestone, a.action, a.date, a.by_whom AS "by", a.notes
       FROM weak_actions a JOIN cadres c ON c.id = a.cadre_id WHERE a.village_id = ? ORDER BY a.date, a.id`,
  ).all(h.villageId) as WeakActionRecord[];
  const delistedOn = achieved['摘帽'] ?? null;
  const assigned = stmt(
    db,
    `SELECT s.cadre_id AS cadreId, c.name, c.post_type AS postType FROM weak_supporters s JOIN cadres c ON c.id = s.cadre_id
      WHERE s.village_id = ?`,
  ).all(h.villageId) as Array<{ cadreId: number; name: string; postType: string }>;
  const posted = postedSupporters(db, { villageId: h.villageId, listedYear: h.listedYear, delistedOn, today });
  const everyone = new Map<number, { cadreId: number; name: string; postType: string; byPosting: boolean; assigned: boolean }>();
  for (const p of posted) everyone.set(p.cadreId, { ...p, byPosting: true, assigned: false });
  for (const a of assigned) everyone.set(a.cadreId, { ...a, byPosting: everyone.has(a.cadreId), assigned: true });
  const supporters = [...everyone.values()]
    .sort((a, b) => zh.compare(a.name, b.name))
    .map((s): WeakVillageSupporter => {
      const posted = clockRun(postingsOf(db, s.cadreId), h.townshipId, today);
      // A village listed later than the posting began starts its clock on 1 January of the listing year.
      const listed = `${h.listedYear}-01-01`;
      const run = posted && posted.start < listed ? { ...posted, start: listed } : posted;
      const mine = actions.filter((a) => a.cadreId === s.cadreId);
      return {
        ...s,
        clockStart: run?.start ?? null,
        clockEnd: run?.end ?? null,
        milestones: run ? evaluateMilestones({ run, achieved, actions: mine, today }) : [],
      };
    });
  const awaitingSuccessor = vacantPosts(db, h.villageId, h.townshipId);
  return { ...h, status: delistedOn ? '已摘帽' : '薄弱', delistedOn, income, milestones, supporters, actions, awaitingSuccessor };
}

export function getWeakVillage(db: Db, villageId: number, today = localToday()): WeakVillage {
  const h = stmt(db, `${HEAD_SQL} WHERE w.village_id = ?`).get(villageId) as Head | undefined;
  if (!h) throw new AppError('NOT_FOUND', '该村未列为集体经济薄弱村，请刷新后重试');
  return build(db, h, today);
}

export function listWeakVillages(
  db: Db,
  q: { countyId?: number; townshipId?: number; villageId?: number },
  today = localToday(),
): WeakVillage[] {
  const heads = stmt(
    db,
    `${HEAD_SQL} WHERE (@county IS NULL OR t.county_id = @county) AND (@township IS NULL OR t.id = @township)
       AND (@village IS NULL OR v.id = @village)`,
  ).all({ county: q.countyId ?? null, township: q.townshipId ?? null, village: q.villageId ?? null }) as Head[];
  heads.sort((a, b) => zh.compare(a.township, b.township) || zh.compare(a.village, b.village));
  return heads.map((h) => build(db, h, today));
}

export function saveWeakVillage(db: Db, input: z.output<typeof weakVillageSchema>): WeakVillage {
  villageFacts(db, input.villageId);
  const now = nowIso();
  db.transaction(() => {
    const before = weakRow(db, input.villageId);
    stmt(
      db,
      `INSERT INTO weak_villages (village_id, listed_year, notes, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT(village_id) DO UPDATE SET listed_year = excluded.listed_year, notes = excluded.notes, updated_at = excluded.updated_at`,
    ).run(input.villageId, input.listedYear, input.notes, now, now);
    audit(
      db,
      before ? 'update' : 'create',
      'weak_village',
      input.villageId,
      { listedYear: input.listedYear },
      { before, after: weakRow(db, input.villageId) },
    );
  })();
  return getWeakVillage(db, input.villageId);
}

/**
 * Takes a village off the list: for a listing entered by mistake (a village that met its goals
 * records the 摘帽 milestone instead). Its milestones, their evidence links and the supporters
 * named by hand go with it; the village's income stays. Refused once 约谈 or 召回调换 is on
 * record for it: those are kept on record (记录在案), and a recall ended a posting.
 */
export function removeWeakVillage(db: Db, villageId: number): void {
  db.transaction(() => {
    const w = getWeakVillage(db, villageId);
    if (w.actions.length > 0) {
      throw new AppError(
        'INVALID_INPUT',
        `${w.township}${w.village}已有${w.actions.length}条约谈或召回调换记录，记录在案，不能移出薄弱村名单；该村已达标请登记“摘帽”节点`,
      );
    }
    // What the cascade removes goes into the log with the listing.
    const before = {
      ...weakRow(db, villageId),
      milestones: MILESTONE_KINDS.map((k) => milestoneRow(db, villageId, k)).filter((m) => m !== undefined),
      supporters: supporterIds(db, villageId),
    };
    stmt(db, 'DELETE FROM weak_villages WHERE village_id = ?').run(villageId);
    audit(db, 'delete', 'weak_village', villageId, undefined, { before });
  })();
}

/** Income is the village's, kept for any village, listed or not (statistics count ≥ 50,000 yuan). */
export function setVillageIncome(db: Db, villageId: number, year: number, incomeFen: number | null): VillageIncome {
  villageFacts(db, villageId);
  db.transaction(() => {
    const income = () => stmt(db, 'SELECT * FROM village_income WHERE village_id = ? AND year = ?').get(villageId, year);
    const before = income();
    if (incomeFen === null) stmt(db, 'DELETE FROM village_income WHERE village_id = ? AND year = ?').run(villageId, year);
    else
      stmt(
        db,
        `INSERT INTO village_income (village_id, year, income_fen) VALUES (?, ?, ?)
         ON CONFLICT(village_id, year) DO UPDATE SET income_fen = excluded.income_fen`,
      ).run(villageId, year, incomeFen);
    audit(
      db,
      !before ? 'create' : incomeFen === null ? 'delete' : 'update',
      'village_income',
      villageId,
      { year, incomeFen },
      { before, after: income() },
    );
  })();
  return { villageId, income: incomeOf(db, villageId) };
}

/**
 * Supporters named by hand (the village's first secretary and team support it from their postings
 * anyway, see villages/postedSupporters.ts). They must have served in the village's township.
 */
export function setSupporters(db: Db, villageId: number, cadreIds: number[]): WeakVillage {
  const w = getWeakVillage(db, villageId);
  if (new Set(cadreIds).size !== cadreIds.length) throw new AppError('INVALID_INPUT', '同一名干部被重复列出');
  for (const id of cadreIds) {
    const c = cadreFacts(db, id);
    if (!postingsOf(db, id).some((p) => p.townshipId === w.townshipId)) {
      throw new AppError('INVALID_INPUT', `${c.name}未在${w.township}任职，不能包扶${w.village}`);
    }
  }
  db.transaction(() => {
    const before = { supporters: supporterIds(db, villageId) };
    stmt(db, 'DELETE FROM weak_supporters WHERE village_id = ?').run(villageId);
    const ins = stmt(db, 'INSERT INTO weak_supporters (village_id, cadre_id) VALUES (?, ?)');
    for (const id of cadreIds) ins.run(villageId, id);
    audit(
      db,
      'update',
      'weak_village',
      villageId,
      { supporters: cadreIds },
      { before, after: { supporters: supporterIds(db, villageId) } },
    );
  })();
  return getWeakVillage(db, villageId);
}

/**
 * A milestone as the form files it (work.weak.setMilestone): the village must exist before any
 * file is looked at (`files` is asked for only then); each uploaded evidence file is then copied
 * into the blob store, and
 * setMilestone records the milestone with them in one transaction.
 */
export async function setMilestoneWithFiles(
  db: Db,
  blobs: BlobStore,
  input: Omit<z.output<typeof milestoneSchema>, 'evidenceTokens'>,
  files: () => ReadonlyArray<{ path: string; name: string }>,
): Promise<WeakVillage> {
  getWeakVillage(db, input.villageId);
  const evidence: StoredUpload[] = [];
  for (const f of files()) evidence.push(await storeUpload(db, blobs, f));
  return setMilestone(db, input, evidence);
}

/** Records (or replaces) a milestone of the village; new evidence files are appended. */
export function setMilestone(
  db: Db,
  input: Omit<z.output<typeof milestoneSchema>, 'evidenceTokens'>,
  evidence: StoredUpload[],
  today = localToday(),
): WeakVillage {
  const w = getWeakVillage(db, input.villageId);
  if (input.date > today) throw new AppError('INVALID_INPUT', '节点日期不能晚于今天');
  if (Number(input.date.slice(0, 4)) < w.listedYear - 3)
    throw new AppError('INVALID_INPUT', `节点日期早于该村列为薄弱村的年度（${w.listedYear}年）过多，请核对`);
  const now = nowIso();
  db.transaction(() => {
    const before = milestoneRow(db, input.villageId, input.kind);
    stmt(
      db,
      `INSERT INTO weak_milestones (village_id, kind, date, description, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT(village_id, kind) DO UPDATE SET date = excluded.date, description = excluded.description, updated_at = excluded.updated_at`,
    ).run(input.villageId, input.kind, input.date, input.description, now);
    const next = (
      stmt(db, 'SELECT COALESCE(MAX(position) + 1, 0) AS n FROM weak_milestone_files WHERE village_id = ? AND kind = ?').get(
        input.villageId,
        input.kind,
      ) as { n: number }
    ).n;
    const insFile = stmt(db, 'INSERT INTO weak_milestone_files (village_id, kind, position, sha256, original_name) VALUES (?, ?, ?, ?, ?)');
    evidence.forEach((f, i) => {
      recordBlob(db, f.sha256, f.size, f.facts, now);
      insFile.run(input.villageId, input.kind, next + i, f.sha256, f.name);
    });
    audit(
      db,
      before ? 'update' : 'create',
      'weak_milestone',
      input.villageId,
      { kind: input.kind, date: input.date, files: evidence.map((f) => f.sha256) },
      {
        before,
        after: milestoneRow(db, input.villageId, input.kind),
      },
    );
  })();
  return getWeakVillage(db, input.villageId, today);
}

export function clearMilestone(db: Db, villageId: number, kind: MilestoneKind): WeakVillage {
  getWeakVillage(db, villageId);
  db.transaction(() => {
    const before = milestoneRow(db, villageId, kind);
    stmt(db, 'DELETE FROM weak_milestones WHERE village_id = ? AND kind = ?').run(villageId, kind);
    audit(db, 'delete', 'weak_milestone', villageId, { kind }, { before });
  })();
  return getWeakVillage(db, villageId);
}

/** Records 约谈 / 召回调换 for a supporter's missed milestone; refused when nothing was missed. */
export function recordAction(db: Db, input: z.output<typeof weakActionSchema>, today = localToday()): WeakVillage {
  const w = getWeakVillage(db, input.villageId, today);
  const s = w.supporters.find((x) => x.cadreId === input.cadreId);
  const name = cadreFacts(db, input.cadreId).name;
  if (!s) throw new AppError('INVALID_INPUT', `${name}不是${w.village}的包扶干部`);
  const m = s.milestones.find((x) => x.kind === input.milestone);
  if (!m || m.requiredAction === null) {
    throw new AppError('INVALID_INPUT', `${name}包扶${w.village}的“${MILESTONE_RULE[input.milestone]}”节点未逾期，无需约谈或召回调换`);
  }
  if (input.date <= m.dueDate) throw new AppError('INVALID_INPUT', `处理日期应在节点期限（${dateLabel(m.dueDate)}）之后`);
  if (input.date > today) throw new AppError('INVALID_INPUT', '处理日期不能晚于今天');
  db.transaction(() => {
    const id = Number(
      stmt(
        db,
        `INSERT INTO weak_actions (village_id, cadre_id, milestone, action, date, by_whom, notes, created_by, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        input.villageId,
        input.cadreId,
        input.milestone,
        input.action as WeakAction,
        input.date,
        input.by,
        input.notes,
        operatorOf(db),
        nowIso(),
      ).lastInsertRowid,
    );
    audit(
      db,
      'create',
      'weak_action',
      id,
      { villageId: input.villageId, cadreId: input.cadreId, milestone: input.milestone, action: input.action },
      {
        after: snapshot(db, 'weak_actions', id),
      },
    );
    if (input.action === '召回调换') endPostingOnRecall(db, input.cadreId, w.townshipId, input.date, id);
  })();
  return getWeakVillage(db, input.villageId, today);
}

/** Names the successor of a recalled cadre: posts them to the place the recall left vacant. */
export function nameSuccessor(
  db: Db,
  input: { villageId: number; actionId: number; cadreId: number; start: string },
  today = localToday(),
): WeakVillage {
  cadreFacts(db, input.cadreId);
  db.transaction(() => appointSuccessor(db, getWeakVillage(db, input.villageId, today).awaitingSuccessor, input))();
  return getWeakVillage(db, input.villageId, today);
}

// Rows as stored, for the audit log's before/after (evidence by hash and name, never content).
const weakRow = (db: Db, villageId: number) =>
  stmt(db, 'SELECT * FROM weak_villages WHERE village_id = ?').get(villageId) as Record<string, unknown> | undefined;

const supporterIds = (db: Db, villageId: number): number[] =>
  (
    stmt(db, 'SELECT cadre_id AS id FROM weak_supporters WHERE village_id = ? ORDER BY cadre_id').all(villageId) as Array<{ id: number }>
  ).map((r) => r.id);

function milestoneRow(db: Db, villageId: number, kind: MilestoneKind): Record<string, unknown> | undefined {
  const m = stmt(db, 'SELECT * FROM weak_milestones WHERE village_id = ? AND kind = ?').get(villageId, kind) as
    | Record<string, unknown>
    | undefined;
  if (!m) return undefined;
  const files = stmt(db, 'SELECT sha256, original_name FROM weak_milestone_files WHERE village_id = ? AND kind = ? ORDER BY position').all(
    villageId,
    kind,
  );
  return { ...m, files };
}
