/**
 * Figures from the work records (main/store/migrations/0005-work.ts):
 * - 本年摘帽 / 任期以来摘帽: weak villages whose 摘帽 milestone is dated in the year / from the
 *   start of the term to the year's end (never after today). The term starts on the earliest
 *   start of the postings held in the scope during the year (the current batch's arrival).
 * - 项目 / 项目资金: the year's projects, by the township of their village; funds by source.
 * Villages and projects belong to the township of their village.
 */
import { yuan } from '../../../shared/work';
import type { Db } from '../../store/db';
import { hasTable, type Fact, type FigureFacts, type Scope } from './facts';
import { dateLabel } from '../../../shared/dates';

const KEYS = ['weakDelistedYear', 'weakDelistedTerm', 'projects', 'projectFunds'] as const;
const TABLES = ['weak_villages', 'weak_milestones', 'village_income', 'projects', 'project_funds'];

type VillageRow = { villageId: number; village: string; townshipId: number };

/** The earliest start of the postings in scope that touch the year (null: nobody posted). */
export function termStart(db: Db, s: Scope): string | null {
  let min: string | null = null;
  for (const p of db
    .prepare(`SELECT township_id AS townshipId, start FROM postings WHERE start <= ? AND ("end" IS NULL OR "end" >= ?)`)
    .all(`${s.year}-12-31`, `${s.year}-01-01`) as Array<{ townshipId: number; start: string }>) {
    if (s.townships.has(p.townshipId) && (min === null || p.start < min)) min = p.start;
  }
  return min;
}

export function workFacts(db: Db, s: Scope): FigureFacts[] {
  if (!TABLES.every((t) => hasTable(db, t))) {
    return KEYS.map((key) => ({ key, unavailable: '暂无数据：项目与薄弱村功能尚未启用', facts: [] }));
  }
  const yFrom = `${s.year}-01-01`;
  const yTo = `${s.year}-12-31`;
  const upTo = s.today < yTo ? s.today : yTo;
  const inScope = <T extends { townshipId: number }>(rows: T[]) => rows.filter((r) => s.townships.has(r.townshipId));
  const base = (r: VillageRow) => ({
    townshipId: r.townshipId,
    township: s.townships.get(r.townshipId)!.name,
    village: r.village,
    cadreId: null,
    cadre: null,
  });

  // De-listed weak villages.
  const start = termStart(db, s);
  const delisted = inScope(
    db
      .prepare(
        `SELECT w.village_id AS villageId, v.name AS village, v.township_id AS townshipId, w.listed_year AS listedYear, m.date, m.description
           FROM weak_villages w JOIN villages v ON v.id = w.village_id
           JOIN weak_milestones m ON m.village_id = w.village_id AND m.kind = '摘帽'
          WHERE m.date <= ? ORDER BY m.date, v.name`,
      )
      .all(upTo) as Array<VillageRow & { listedYear: number; date: string; description: string }>,
  );
  const delistFact = (r: (typeof delisted)[number]): Fact => ({
    ...base(r),
    key: `delisted|${r.villageId}`,
    when: r.date,
    text: `${r.listedYear}年列为集体经济薄弱村，${dateLabel(r.date)}摘帽：${r.description}`,
    amount: null,
    counted: true,
    weight: 1,
    link: { view: 'work', tab: 'weak', villageId: r.villageId },
  });
  const yearFacts = delisted.filter((r) => r.date >= yFrom).map(delistFact);
  const termFacts = start === null ? [] : delisted.filter((r) => r.date >= start).map(delistFact);

  // The year's projects with their funds.
  const projects = inScope(
    db
      .prepare(
        `SELECT p.id, p.name, p.kind, p.status, p.publicised_on AS publicisedOn, p.in_park AS inPark,
                p.cadre_id AS cadreId, c.name AS cadre, p.village_id AS villageId, v.name AS village, v.township_id AS townshipId
           FROM projects p JOIN villages v ON v.id = p.village_id JOIN cadres c ON c.id = p.cadre_id
          WHERE p.year = ? ORDER BY v.township_id, v.name, p.id`,
      )
      .all(s.year) as Array<
      VillageRow & {
        id: number;
        name: string;
        kind: string;
        status: string;
        publicisedOn: string | null;
        inPark: number;
        cadreId: number;
        cadre: string;
      }
    >,
  );
  const funds = new Map<number, Record<string, number>>();
  for (const f of db
    .prepare(
      'SELECT f.project_id AS id, f.source, f.amount_fen AS fen FROM project_funds f JOIN projects p ON p.id = f.project_id WHERE p.year = ?',
    )
    .all(s.year) as Array<{ id: number; source: string; fen: number }>) {
    const m = funds.get(f.id) ?? {};
    m[f.source] = (m[f.source] ?? 0) + f.fen;
    funds.set(f.id, m);
  }
  const projectFacts = projects.map<Fact>((p) => {
    const sources = funds.get(p.id) ?? {};
    const total = Object.values(sources).reduce((a, b) => a + b, 0);
    const pub = p.publicisedOn ? `${dateLabel(p.publicisedOn)}公示` : '未公示';
    return {
      ...base(p),
      cadreId: p.cadreId,
      cadre: p.cadre,
      key: `project|${p.id}`,
      when: p.publicisedOn,
      text: `${p.name}（${p.kind}，${p.status}，${pub}${p.inPark ? '，第一书记产业园' : ''}）`,
      amount: `${yuan(total)}元`,
      counted: true,
      weight: 1,
      kind: p.kind,
      sources,
      link: { view: 'work', tab: 'projects', projectId: p.id },
    };
  });
  const fundFacts = projectFacts.map<Fact>((f) => ({
    ...f,
    weight: Object.values(f.sources ?? {}).reduce((a, b) => a + b, 0),
    text: `${f.text}：${
      Object.entries(f.sources ?? {})
        .filter(([, fen]) => fen > 0)
        .map(([src, fen]) => `${src}${yuan(fen)}元`)
        .join('，') || '未登记资金'
    }`,
  }));

  return [
    { key: 'weakDelistedYear', unavailable: null, facts: yearFacts },
    {
      key: 'weakDelistedTerm',
      unavailable: null,
      note: start ? `自${dateLabel(start)}起（本届到任）` : '本年度无在任选派干部',
      facts: termFacts,
    },
    { key: 'projects', unavailable: null, facts: projectFacts },
    { key: 'projectFunds', unavailable: null, facts: fundFacts },
  ];
}
