/**
 * The fictional demo county (岚川县) used by loadDemo(): organisation, dispatching units
 * and 20 cadres. Everything here is invented; ID numbers are syntactically valid
 * (GB 11643 check digit) but made up. Deterministic: no Math.random; the dates follow the
 * given today (demoCalendar), so the demo is always a real year up to the day it is loaded.
 */
import type { CadreLevel, Gender, PartyStatus, PostType, UnitLevel } from '../../shared/domain';
import { idCheckChar } from '../../shared/idNumber';
import { seededRandom } from '../../shared/random';

export type Rng = () => number;
export const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;
export const between = (rng: Rng, lo: number, hi: number): number => lo + Math.floor(rng() * (hi - lo + 1));

export const DEMO_COUNTY = { name: '岚川县', kind: '县' as const };

export const DEMO_TOWNSHIPS: ReadonlyArray<{ name: string; villages: readonly string[] }> = [
  { name: '石门镇', villages: ['东岗村', '前屯村', '后屯村', '马家沟村'] },
  { name: '柳河乡', villages: ['柳河村', '三道沟村', '王家堡村', '新立村'] },
  { name: '杏林镇', villages: ['杏林村', '北山村', '双庙村', '大营子村'] },
];

export const DEMO_UNITS: ReadonlyArray<{ name: string; level: UnitLevel }> = [
  { name: '市委组织部', level: '市级' },
  { name: '市农业农村局', level: '市级' },
  { name: '市财政局', level: '市级' },
  { name: '市交通运输局', level: '市级' },
  { name: '市卫生健康委员会', level: '市级' },
  { name: '县发展和改革局', level: '县级' },
  { name: '县教育局', level: '县级' },
  { name: '县自然资源局', level: '县级' },
  { name: '县医疗保障局', level: '县级' },
  { name: '县供销合作社联合社', level: '县级' },
];

export interface DemoPosting {
  township: string;
  village: string | null;
  start: string;
}

export interface DemoCadre {
  name: string;
  gender: Gender;
  birthDate: string;
  idNumber: string;
  partyStatus: PartyStatus;
  phone: string;
  unit: string;
  level: CadreLevel;
  postType: PostType;
  /** In order; a later posting closes the one before (history is kept). */
  postings: DemoPosting[];
}

/** name, gender, birth date, unit, post type, township index, village index (null: township post). */
type Row = [string, Gender, string, string, PostType, number, number | null];

const ROWS: Row[] = [
  ['王立新', '男', '1978-04-12', '市委组织部', '乡镇党委第一副书记', 0, null],
  ['李春梅', '女', '1981-11-03', '市农业农村局', '乡镇党委第一副书记', 1, null],
  ['张宏伟', '男', '1976-07-25', '市财政局', '乡镇党委第一副书记', 2, null],
  ['刘志刚', '男', '1983-02-17', '市交通运输局', '村党组织第一书记', 0, 0],
  ['陈喆', '男', '1988-09-30', '市卫生健康委员会', '村党组织第一书记', 0, 1],
  ['杨帆', '女', '1990-05-08', '县发展和改革局', '村党组织第一书记', 0, 2],
  ['赵国庆', '男', '1979-10-01', '县自然资源局', '村党组织第一书记', 0, 3],
  ['孙丽娟', '女', '1985-03-22', '市农业农村局', '村党组织第一书记', 1, 0],
  ['周海涛', '男', '1984-12-14', '县教育局', '村党组织第一书记', 1, 1],
  ['吴建军', '男', '1977-06-09', '县医疗保障局', '村党组织第一书记', 1, 2],
  ['郑雪莲', '女', '1987-01-19', '市财政局', '村党组织第一书记', 1, 3],
  ['冯振宇', '男', '1989-08-27', '县供销合作社联合社', '村党组织第一书记', 2, 0],
  ['高明', '男', '1982-04-04', '市交通运输局', '村党组织第一书记', 2, 1],
  ['何淑芬', '女', '1980-02-11', '县发展和改革局', '村党组织第一书记', 2, 2],
  ['韩冬梅', '女', '1986-12-06', '市卫生健康委员会', '村党组织第一书记', 2, 3],
  ['马骏', '男', '1993-07-15', '县自然资源局', '驻村工作队员', 0, 1],
  ['罗新宇', '男', '1995-03-29', '县教育局', '驻村工作队员', 1, 2],
  ['谢婷婷', '女', '1994-10-18', '县医疗保障局', '驻村工作队员', 2, 0],
  ['宋玉洁', '女', '1991-06-21', '市农业农村局', '驻村工作队员', 0, 3],
  ['于洪波', '男', '1987-09-02', '县供销合作社联合社', '驻村工作队员', 2, 3],
];

/** Index in ROWS of the cadre who moved villages in July of Y-1 (马骏: 前屯村 → 新立村). */
export const MOVED_CADRE_INDEX = 15;
export const MOVE = { township: 1, village: 3 };

const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * The demo's calendar, from the day it is loaded on (Y = today's year): postings start on
 * 1 March of Y-2, so Y-1 is a full year and Y runs to date; the moved cadre moves on 1 July
 * of Y-1. `first` is Y-2, `full` is Y-1.
 */
export interface DemoCalendar {
  today: string;
  year: number;
  first: number;
  full: number;
  postingStart: string;
  moveStart: string;
  iso(y: number, m: number, d: number): string;
  /** Month `i` counted from the posting start (0 = March of Y-2) → [year, month]. */
  monthAt(i: number): [number, number];
}

export function demoCalendar(today: string): DemoCalendar {
  const year = Number(today.slice(0, 4));
  const first = year - 2;
  return {
    today,
    year,
    first,
    full: year - 1,
    postingStart: `${first}-03-01`,
    moveStart: `${year - 1}-07-01`,
    iso: (y, m, d) => `${y}-${pad2(m)}-${pad2(d)}`,
    monthAt: (i) => [first + Math.floor((i + 2) / 12), ((i + 2) % 12) + 1],
  };
}

/** Birth-place region codes (Jinzhou-style prefixes) the demo ID numbers use. */
const REGIONS = ['210702', '210703', '210711', '210726', '210727', '210781', '210782'];
const MOBILE_PREFIXES = ['133', '135', '137', '139', '150', '152', '155', '158', '183', '187', '189'];

/** A valid 18-digit ID number: region + birth date + sequence (odd 3rd digit = male) + check. */
export function makeIdNumber(rng: Rng, birthDate: string, gender: Gender): string {
  const region = pick(rng, REGIONS);
  const seq2 = String(between(rng, 0, 99)).padStart(2, '0');
  const g = between(rng, 0, 4) * 2 + (gender === '男' ? 1 : 0);
  const first17 = region + birthDate.replaceAll('-', '') + seq2 + String(g);
  return first17 + idCheckChar(first17);
}

/** The 20 cadres; their postings start on `cal.postingStart` (names and ID numbers depend on the seed only). */
export function demoCadres(seed: number, cal: DemoCalendar): DemoCadre[] {
  const rng = seededRandom(seed);
  return ROWS.map(([name, gender, birthDate, unit, postType, ti, vi], i) => {
    const township = DEMO_TOWNSHIPS[ti]!;
    const unitLevel = DEMO_UNITS.find((u) => u.name === unit)!.level;
    let partyStatus: PartyStatus = '中共党员';
    if (postType === '驻村工作队员' && i === 17) partyStatus = '中共预备党员';
    if (postType === '驻村工作队员' && i === 16) partyStatus = '共青团员';
    const postings: DemoPosting[] = [
      { township: township.name, village: vi === null ? null : township.villages[vi]!, start: cal.postingStart },
    ];
    if (i === MOVED_CADRE_INDEX) {
      const t = DEMO_TOWNSHIPS[MOVE.township]!;
      postings.push({ township: t.name, village: t.villages[MOVE.village]!, start: cal.moveStart });
    }
    return {
      name,
      gender,
      birthDate,
      idNumber: makeIdNumber(rng, birthDate, gender),
      partyStatus,
      phone: pick(rng, MOBILE_PREFIXES) + String(between(rng, 0, 99_999_999)).padStart(8, '0'),
      unit,
      level: unitLevel === '市级' ? '市级' : '县级',
      postType,
      postings,
    };
  });
}

/** Where a cadre served on a date (the last posting started on or before it). */
export function postingOn(c: DemoCadre, date: string): DemoPosting {
  let p = c.postings[0]!;
  for (const q of c.postings) if (q.start <= date) p = q;
  return p;
}

// ---------- villagers and wording used by the generated documents ----------

const SURNAMES =
  '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文';
const GIVEN = [
  '德福',
  '玉兰',
  '长江',
  '秀英',
  '凤霞',
  '国栋',
  '建华',
  '淑珍',
  '海军',
  '桂芝',
  '振山',
  '春生',
  '永强',
  '丽华',
  '宝山',
  '金凤',
  '树林',
  '庆丰',
  '文斌',
  '红梅',
  '立军',
  '淑兰',
  '俊峰',
  '秀云',
  '占军',
  '广志',
  '月娥',
  '喜林',
  '德厚',
  '桂香',
];

export function villagerName(rng: Rng): string {
  return pick(rng, [...SURNAMES]) + pick(rng, GIVEN);
}

export const INDUSTRIES = [
  '设施农业（温室大棚）',
  '肉牛养殖',
  '小杂粮种植',
  '食用菌种植',
  '花生加工',
  '乡村旅游',
  '光伏发电',
  '中药材种植',
];

export const MEETING_KINDS: ReadonlyArray<{ name: string; topics: readonly string[]; decisions: readonly string[] }> = [
  {
    name: '村“两委”班子会议',
    topics: ['研究村集体经济发展项目选址及实施方案', '讨论安全生产和防灾减灾工作安排', '研究低保户、困难户走访慰问名单'],
    decisions: [
      '同意将温室大棚扩建项目提交村民代表大会审议，审议通过后在村公示栏公示七天。',
      '成立由村党组织书记任组长的安全生产工作小组，落实网格员包片责任。',
      '确定走访慰问对象十二户，由第一书记带队于本月二十日前完成。',
    ],
  },
  {
    name: '村民代表大会',
    topics: ['审议村集体经济发展项目实施方案', '审议村级公益事业“一事一议”筹资筹劳事项', '通报上半年村务、财务收支情况'],
    decisions: [
      '到会代表一致同意实施肉牛养殖合作项目，收益按村集体与合作社约定比例分配。',
      '同意硬化村内主干道一点二公里，所需资金申请上级奖补，不足部分由村集体经济收入解决。',
      '村务、财务收支情况在村公示栏公示，接受群众监督。',
    ],
  },
  {
    name: '驻村工作队例会',
    topics: ['总结本月驻村工作情况，交流走访中发现的问题', '部署下月“五必到”重点工作', '研究派出单位帮扶资金使用计划'],
    decisions: [
      '对走访中群众反映的饮水管网漏水问题，由工作队协调乡镇水利站三日内维修。',
      '下月重点推进产业项目招商，工作队员分片包户，每人每周走访不少于十户。',
      '派出单位帮扶资金五万元用于村集体产业项目，专款专用，按程序报批。',
    ],
  },
  {
    name: '党员大会',
    topics: ['学习上级关于乡村振兴工作的部署要求', '开展“主题党日”活动，讨论党员联系服务群众安排', '民主评议党员'],
    decisions: [
      '全体党员按照“党员联户”要求，每名党员联系五至十户群众。',
      '本季度“主题党日”活动结合人居环境整治开展义务劳动。',
      '民主评议结果报乡镇党委备案。',
    ],
  },
];

/** Meetings a township first deputy secretary records (the township work group). */
export const TOWNSHIP_MEETING = {
  name: '选派干部工作组例会',
  topics: ['通报本月选派干部在岗履职和考勤情况', '交流各村集体经济发展项目推进情况', '部署下月重点工作和“五必到”事项'],
  decisions: [
    '各村第一书记于每月五日前报送上月工作日志和佐证资料，由工作组汇总后报乡镇党委。',
    '对项目推进缓慢的村，由第一副书记牵头，会同派出单位召开专题会议研究解决。',
    '下月重点做好村集体经济项目公示和群众满意度走访工作。',
  ],
};

export const REPORT_TOPICS = ['村集体经济发展情况', '村民增收渠道', '农村人居环境整治情况', '特色产业发展情况', '困难群众帮扶情况'];
