/**
 * Which tables a county bundle carries, parents first (import writes them in this order), with
 * the rows of one county and year (SQL with :county :year :from :to :ylike), the natural key
 * an imported row is matched by when no mapping exists yet, and the Chinese label the import
 * preview shows. Foreign keys and primary keys are read from the schema (records/schema.ts).
 */

export interface TableSpec {
  table: string;
  label: string;
  /** WHERE clause selecting the scope's rows; absent = computed in code (blobs). */
  scope?: string;
  /** Columns (after translating references) that identify an existing row when no mapping exists. */
  natural?: string[];
  /** Content-addressed rows: an existing row is never rewritten. */
  insertOnly?: boolean;
}

/** Tables never exported: local settings, the audit trail, search indexes, the exchange's own books. */
export const NOT_EXPORTED = [
  'settings',
  'work_settings',
  'audit_log',
  'trusted_keys',
  'import_map',
  'imports',
  'exchange_guard',
  // archive numbers belong to this department's fonds (main/core/archive/numbers.ts)
  'archive_volumes',
  'archive_items',
  'archive_volume_items',
  // 核查 of certified registers stay with the department that opened them (not in bundles yet)
  'register_verifications',
  // OCR text is derived from the originals; the receiver's own queue reads them again
  'ocr_queue',
  'ocr_pages',
  'ocr_fts',
  // 选派工作设置, 季度调度 and report routing (migration 0013): not in bundles yet
  'county_programme',
  'scheduling_meetings',
  'scheduling_progress',
  'report_routes',
  // the city's leaders who contract counties and the leader a check names (migration 0016): the
  // city department's own records, never carried or overwritten by a county bundle
  'city_leaders',
  'city_leader_contracts',
  'check_leaders',
] as const;

const T = `(SELECT id FROM townships WHERE county_id = :county)`;
const V = `(SELECT id FROM villages WHERE township_id IN ${T})`;
/** Cadres with a posting in the county that overlaps the year. */
export const SCOPE_CADRES = `(SELECT cadre_id FROM postings WHERE township_id IN ${T} AND start <= :to AND ("end" IS NULL OR "end" >= :from))`;
const C = SCOPE_CADRES;
const PLANS = `cadre_id IN ${C} AND start_year <= :year AND start_year + (CASE kind WHEN '三年规划' THEN 2 ELSE 0 END) >= :year`;
const REPORTS = `cadre_id IN ${C} AND period LIKE :ylike`;
const LEAVE = `cadre_id IN ${C} AND start_date <= :to AND end_date >= :from`;
/** Materials of the year, plus the ones a report or plan of the year points at. */
const M = `(SELECT id FROM materials WHERE cadre_id IN ${C} AND (year = :year
  OR id IN (SELECT material_id FROM report_submissions WHERE ${REPORTS})
  OR id IN (SELECT material_id FROM plans WHERE ${PLANS})))`;
const EV = `(SELECT id FROM must_attend_events WHERE township_id IN ${T} AND date BETWEEN :from AND :to)`;
const CH = `(SELECT id FROM checks WHERE township_id IN ${T} AND date BETWEEN :from AND :to)`;
const WL = `(SELECT id FROM worklog_entries WHERE cadre_id IN ${C} AND date BETWEEN :from AND :to)`;
const PJ = `(SELECT id FROM projects WHERE cadre_id IN ${C} AND year = :year AND village_id IN ${V})`;
const WV = `(SELECT village_id FROM weak_villages WHERE village_id IN ${V} AND listed_year <= :year)`;
const COUNTY_YEAR = `county_id = :county AND year = :year`;

export const TABLES: TableSpec[] = [
  { table: 'counties', label: '县', scope: 'id = :county', natural: ['name'] },
  { table: 'townships', label: '乡镇', scope: 'county_id = :county', natural: ['county_id', 'name'] },
  { table: 'villages', label: '村', scope: `township_id IN ${T}`, natural: ['township_id', 'name'] },
  { table: 'units', label: '派出单位', scope: `id IN (SELECT unit_id FROM cadres WHERE id IN ${C})`, natural: ['name'] },
  { table: 'cadres', label: '干部', scope: `id IN ${C}`, natural: ['id_number'] },
  {
    table: 'postings',
    label: '任职经历',
    scope: `cadre_id IN ${C} AND township_id IN ${T} AND (village_id IS NULL OR village_id IN ${V})`,
  },
  { table: 'blobs', label: '原件', natural: ['sha256'], insertOnly: true },
  // Before materials: a filed register refers to its certification (materials.certification_id).
  {
    table: 'attendance_certifications',
    label: '考勤认定',
    scope: `township_id IN ${T} AND (month LIKE :ylike OR id IN (SELECT certification_id FROM materials WHERE id IN ${M}))`,
  },
  { table: 'materials', label: '材料', scope: `id IN ${M}` },
  { table: 'material_files', label: '材料文件', scope: `material_id IN ${M}` },
  {
    table: 'leave_requests',
    label: '请假',
    scope: `${LEAVE} OR id IN (SELECT leave_id FROM attendance_cells WHERE cadre_id IN ${C} AND date BETWEEN :from AND :to)`,
  },
  { table: 'attendance_cells', label: '考勤', scope: `cadre_id IN ${C} AND date BETWEEN :from AND :to` },
  { table: 'attendance_history', label: '考勤变动记录', scope: `township_id IN ${T} AND month LIKE :ylike` },
  { table: 'holidays', label: '节假日', scope: 'date BETWEEN :from AND :to', natural: ['date'] },
  { table: 'county_settings', label: '考勤设置', scope: 'county_id = :county', natural: ['county_id'] },
  { table: 'must_attend_events', label: '五必到', scope: `id IN ${EV}` },
  { table: 'must_attend_expected', label: '五必到人员', scope: `event_id IN ${EV} AND cadre_id IN ${C}` },
  { table: 'checks', label: '督查', scope: `id IN ${CH}` },
  { table: 'check_results', label: '督查结果', scope: `check_id IN ${CH} AND cadre_id IN ${C}` },
  { table: 'worklog_entries', label: '工作日志', scope: `id IN ${WL}` },
  { table: 'worklog_files', label: '日志附件', scope: `entry_id IN ${WL}` },
  { table: 'report_settings', label: '报告期限设置', scope: 'county_id = :county', natural: ['county_id'] },
  {
    table: 'rule_settings',
    label: '规则设置',
    scope: 'county_id = :county AND effective_year <= :year',
    natural: ['county_id', 'effective_year', 'version'],
  },
  { table: 'report_dues', label: '报告期限', scope: REPORTS },
  { table: 'report_submissions', label: '报告提交', scope: REPORTS },
  { table: 'plans', label: '规划计划', scope: PLANS, natural: ['cadre_id', 'kind', 'start_year'] },
  { table: 'plan_items', label: '计划事项', scope: `plan_id IN (SELECT id FROM plans WHERE ${PLANS})` },
  { table: 'projects', label: '项目', scope: `id IN ${PJ}` },
  { table: 'project_funds', label: '项目资金', scope: `project_id IN ${PJ}` },
  { table: 'park_revenue', label: '产业园收益', scope: `project_id IN ${PJ} AND year = :year` },
  { table: 'weak_villages', label: '薄弱村', scope: `village_id IN ${WV}`, natural: ['village_id'] },
  // Every village's income counts (5万元以上村, 空壳村), not only the weak villages'.
  { table: 'village_income', label: '村集体收入', scope: `village_id IN ${V} AND year = :year` },
  { table: 'weak_supporters', label: '薄弱村帮扶干部', scope: `village_id IN ${WV} AND cadre_id IN ${C}` },
  { table: 'weak_milestones', label: '薄弱村节点', scope: `village_id IN ${WV}` },
  { table: 'weak_milestone_files', label: '节点佐证', scope: `village_id IN ${WV}` },
  { table: 'weak_actions', label: '约谈与召回', scope: `village_id IN ${WV} AND cadre_id IN ${C} AND date BETWEEN :from AND :to` },
  { table: 'allowance_payments', label: '补贴发放', scope: `cadre_id IN ${C} AND year = :year` },
  { table: 'insurance_policies', label: '保险', scope: `cadre_id IN ${C} AND start <= :to AND "end" >= :from` },
  { table: 'unit_pledges', label: '派出单位承诺', scope: `cadre_id IN ${C} AND year = :year`, natural: ['cadre_id', 'year'] },
  { table: 'eval_schemes', label: '考核方案', scope: COUNTY_YEAR, natural: ['county_id', 'year', 'version'] },
  { table: 'eval_years', label: '考核年度', scope: COUNTY_YEAR },
  { table: 'eval_year_log', label: '定稿记录', scope: COUNTY_YEAR },
  { table: 'eval_scores', label: '考核评分', scope: `${COUNTY_YEAR} AND cadre_id IN ${C}` },
  { table: 'eval_ballots', label: '群众评议票数', scope: `${COUNTY_YEAR} AND cadre_id IN ${C}` },
  { table: 'eval_results', label: '考核结果', scope: `${COUNTY_YEAR} AND cadre_id IN ${C}` },
  { table: 'eval_outcomes', label: '表彰与提拔', scope: `cadre_id IN ${C} AND year = :year` },
  { table: 'eval_comments', label: '评审意见', scope: `${COUNTY_YEAR} AND cadre_id IN ${C}` },
];

/** What an evaluator sends back: their scores, ballots and comments on the county's cadres. */
export const REVIEW_TABLES = ['eval_scores', 'eval_ballots', 'eval_comments'] as const;

export const TABLE_SPECS = new Map(TABLES.map((t) => [t.table, t]));
