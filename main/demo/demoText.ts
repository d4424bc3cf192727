/**
 * Wording for the demo documents, in the register the users know (see the source report):
 * survey reports, summaries and quarterly reports, meeting minutes, register rows.
 * Numbers vary with the seeded PRNG so documents differ between cadres.
 */
import {
  between,
  DEMO_TOWNSHIPS,
  INDUSTRIES,
  MEETING_KINDS,
  TOWNSHIP_MEETING,
  pick,
  villagerName,
  type DemoCadre,
  type Rng,
} from './demoData';
import type { Minutes, RegisterRow, Section } from './demoPdf';
import { dateLabel } from '../../shared/dates';

export interface Place {
  township: string;
  village: string | null;
}

const placeName = (p: Place) => p.village ?? p.township;

export function surveyReport(rng: Rng, c: DemoCadre, p: Place, topic: string) {
  const households = between(rng, 260, 680);
  const people = Math.round((households * between(rng, 26, 31)) / 10);
  const land = between(rng, 3200, 9800);
  const income = between(rng, 18, 96) / 10;
  const percap = between(rng, 13800, 21500);
  const ind1 = pick(rng, INDUSTRIES);
  const ind2 = pick(
    rng,
    INDUSTRIES.filter((x) => x !== ind1),
  );
  const where = placeName(p);
  const seat = p.township.endsWith('乡') ? '乡' : '镇';
  const k = p.village ? 1 : (DEMO_TOWNSHIPS.find((t) => t.name === p.township)?.villages.length ?? 4);
  const sections: Section[] = [
    {
      heading: '一、基本情况',
      paragraphs: [
        `${where}位于${p.village ? p.township : '县境'}${pick(rng, ['东部', '西北部', '南部', '中部'])}，${p.village ? `距${seat}政府约${between(rng, 3, 15)}公里` : `下辖${k}个行政村`}。全${p.village ? '村' : seat}共有农户${households * k}户、人口${people * k}人，耕地面积${land * k}亩，以玉米、花生种植为主，${ind1}已初具规模。`,
        `${Number(c.postings[0]!.start.slice(0, 4)) - 1}年${p.village ? '' : '各村'}村集体经济收入${p.village ? '' : '合计'}${(income * k).toFixed(1)}万元，农村居民人均可支配收入${percap}元。${p.village ? `村“两委”班子成员${between(rng, 5, 7)}人，党员${between(rng, 28, 61)}名，其中60岁以上党员占比较高。` : `集体经济收入5万元以下的薄弱村${between(rng, 3, 6)}个。`}`,
      ],
    },
    {
      heading: '二、调研方式',
      paragraphs: [
        `${p.village ? '驻村' : '到任'}以来，我采取入户走访、召开座谈会、查阅村级档案等方式，走访农户${between(rng, 86, 240)}户，召开党员、村民代表座谈会${between(rng, 3, 6)}次，与村“两委”班子成员逐一谈心谈话，全面摸清了村情民情。`,
      ],
    },
    {
      heading: '三、存在的主要问题',
      paragraphs: [
        `（一）集体经济基础薄弱。村集体收入主要依靠土地发包和上级补助，缺乏稳定的经营性收入来源，“造血”能力不足。`,
        `（二）产业发展层次不高。${ind1}和${ind2}以农户分散经营为主，规模小、链条短，抵御市场风险能力弱，农产品附加值低。`,
        `（三）基础设施仍有短板。部分村内道路破损，灌溉设施老化，冬季清雪和饮水保障压力较大，群众对此反映较多。`,
        `（四）人才支撑不足。青壮年劳动力外出务工比例较高，村级后备力量缺乏，懂经营、会管理的人才较少。`,
      ],
    },
    {
      heading: '四、下一步工作打算',
      paragraphs: [
        `一是抓党建促发展。严格落实“三会一课”制度，发挥党员先锋模范作用，把党组织建在产业链上。`,
        `二是壮大集体经济。依托派出单位${c.unit}的资源优势，争取项目和资金支持，年底前至少谋划实施1个促进乡村振兴发展项目，并在村公示栏公示。`,
        `三是办好民生实事。协调有关部门解决道路、饮水等群众急难愁盼问题，持续做好困难群众走访帮扶。`,
        `四是严格驻村管理。吃住在村，每月到岗不少于20天，做到重要会议、重点工作、难点问题、重大纠纷、突发事件“五必到”，每天记录工作日志。`,
      ],
    },
  ];
  return { title: `关于${where}${topic}的调研报告`, sections };
}

export function summary(rng: Rng, c: DemoCadre, p: Place, period: string, kind: '总结' | '汇报') {
  const visits = between(rng, 120, 420);
  const funds = between(rng, 8, 60);
  const ind = pick(rng, INDUSTRIES);
  const where = placeName(p);
  const sections: Section[] = [
    {
      heading: kind === '总结' ? '一、主要工作及成效' : '一、工作开展情况',
      paragraphs: [
        `（一）加强基层组织建设。协助村党组织规范“三会一课”、主题党日等组织生活，${period}共召开党员大会${between(rng, 2, 6)}次、“两委”班子会议${between(rng, 6, 18)}次，发展入党积极分子${between(rng, 1, 3)}名。`,
        `（二）推动产业发展。围绕${ind}谋划项目，争取派出单位和上级帮扶资金${funds}万元，项目已完成立项并在村公示栏进行公示，预计可带动村集体增收${between(rng, 3, 12)}万元。`,
        `（三）深入走访群众。坚持吃住在村，${period}累计入户走访${visits}户次，收集群众意见建议${between(rng, 20, 60)}条，已办结${between(rng, 15, 20)}条，帮助困难群众解决就医、就学、就业等实际困难。`,
        `（四）严格落实驻村制度。按照每月到岗不少于20天的要求驻村工作，认真落实考勤请假制度和“五必到”要求，每天记录工作日志，相关佐证资料留存备查。`,
      ],
    },
    {
      heading: '二、存在的不足',
      paragraphs: [
        `一是对农村工作的政策和方法掌握还不够全面，处理矛盾纠纷的经验有待积累；二是产业项目带动能力还不强，群众增收渠道有待进一步拓宽；三是理论学习的系统性还需加强。`,
      ],
    },
    {
      heading: '三、下一步打算',
      paragraphs: [
        `下一步，我将继续在${p.township}党委的领导下，与村“两委”班子一道，聚焦集体经济发展和群众增收，推动项目早见效、群众得实惠，以实际行动赢得群众口碑。`,
      ],
    },
  ];
  const title = kind === '总结' ? `${period}驻村工作总结` : `${period}驻村工作情况汇报`;
  return { title, subtitle: `${c.postType}　${c.name}（${where}）`, sections };
}

/** `colleagues`: the other dispatched cadres of the township (attend township work-group meetings). */
export function minutes(rng: Rng, c: DemoCadre, p: Place, date: string, kindIndex: number, colleagues: string[] = []): Minutes {
  const k = p.village ? MEETING_KINDS[kindIndex % MEETING_KINDS.length]! : TOWNSHIP_MEETING;
  const where = placeName(p);
  const secretary = villagerName(rng);
  const recorder = villagerName(rng);
  const villagers = Array.from({ length: between(rng, 5, 9) }, () => villagerName(rng));
  const others = p.village ? villagers : [...colleagues, ...villagers.slice(0, 2)];
  const attendees = [c.name, secretary, ...others, recorder].filter((n, i, a) => a.indexOf(n) === i);
  const absent = rng() < 0.6 ? [`${villagerName(rng)}（${pick(rng, ['外出务工', '因病请假', '家中有事请假'])}）`] : [];
  const hour = pick(rng, ['上午9:00', '上午8:30', '下午2:00', '下午3:30']);
  const meeting = `${where}${k.name}`;
  return {
    title: `${meeting}记录（${dateLabel(date)}）`,
    meeting,
    time: `${dateLabel(date)}${hour}`,
    place: p.village ? `${p.village}党群服务中心会议室` : `${p.township}政府三楼会议室`,
    chair: k.name.includes('工作') ? c.name : secretary,
    attendees,
    absentees: absent,
    recorder,
    topics: [...k.topics],
    discussion: [
      `${c.name}同志通报了前一阶段驻村工作情况，指出${pick(rng, INDUSTRIES)}项目推进中存在用地手续办理慢、群众参与积极性不高等问题，提出要加强与乡镇有关站所的沟通协调。`,
      `${secretary}同志就议题逐项说明了情况，与会人员进行了充分讨论。${others[0] ?? secretary}同志提出，项目收益分配方案要事先征求群众意见，做到公开透明；${others[1] ?? recorder}同志建议把村内道路维修纳入下一步工作计划。`,
    ],
    decisions: [...k.decisions],
    date,
  };
}

const ROW_POST: Record<string, string> = { 乡镇党委第一副书记: '第一副书记', 村党组织第一书记: '第一书记', 驻村工作队员: '工作队员' };

/** A register row from the cadre's day codes (demoPlan.ts monthCodes), with the remark the township writes. */
export function registerRow(c: DemoCadre, p: Place, codes: string[]): RegisterRow {
  const remark = codes.includes('事') ? '事假已审批' : codes.includes('病') ? '病假已审批' : codes.includes('×') ? '经核查更正' : '';
  return { name: c.name, post: `${p.village ?? p.township}${ROW_POST[c.postType] ?? ''}`, days: codes, remark };
}
