/**
 * The evaluation prints read back with poppler and qpdf: the 考核登记表 (A4 portrait, one page,
 * fonts embedded) names the cadre, the component scores, the total, the grade and the quota
 * reason; the county table is A4 landscape with every cadre; the dossier carries the sheet
 * once the year is finalised.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore, type OpenCore } from '../../main/api/open';
import { dispatch } from '../../main/core/runtime/dispatch';
import { reopenYear } from '../../main/core/evaluation/results';
import { getDossierSettings } from '../../main/dossier/fromDb/settings';
import { buildEvalFixture, scoreAll, YEAR, type EvalIds } from './evaluationFixture';
import { printDossier } from '../fixtures/printDossier';

let dir: string;
let core: OpenCore;
let ids: EvalIds;

const text = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
const info = (file: string) => execFileSync('pdfinfo', [file], { encoding: 'utf8' });
async function printed(channel: 'evaluation.print.sheet' | 'evaluation.print.countyTable', input: object): Promise<string> {
  const r = await dispatch(core.handlers, channel, input);
  if (!r.ok) throw new Error(r.error.message);
  const v = r.value as { sha256: string; url: string; pages: number };
  expect(v.url).toBe(`blob:${v.sha256}`);
  return core.blobs.pathOf(v.sha256);
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onebag-evalprint-'));
  core = openCore({ dataDir: dir, host: { kind: 'cli', blobUrl: (s) => `blob:${s}` } });
  ids = buildEvalFixture(core);
  scoreAll(core, ids, { finalise: true });
});
afterAll(() => {
  core.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('evaluation prints', () => {
  it('prints the sheet of one cadre on one A4 portrait page with the scores, grade and reasons', async () => {
    const file = await printed('evaluation.print.sheet', { cadreId: ids.cadres['王芳'], year: YEAR });
    const i = info(file);
    expect(i).toMatch(/Pages:\s+1\n/);
    expect(i).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
    expect(i).toMatch(/Page rot:\s+0/);
    const t = text(file).replace(/[ \t]+/g, ' ');
    expect(t).toContain('2024年度选派干部考核登记表');
    expect(t).toContain('王芳');
    expect(t).toContain('110101198805011001'); // the personnel file copy carries the full ID number
    expect(t).toMatch(/述职 20% 100 95\.00 19\.00/);
    expect(t).toMatch(/群众评议 30% 100 95\.00 28\.50/);
    expect(t).toMatch(/综合得分 95\.00/);
    expect(t).toMatch(/考核等次 称职/);
    expect(t).toContain('名额1名（向下取整）');
    // The personnel-file form states the quota rule and the rules in force, and prints no rank
    // unless the county turns it on (规则设置).
    const flat = t.replace(/\s+/g, '');
    expect(flat).toContain('本县考核方案规定：优秀名额全县统一分配，名额=参评人数×10%，向下取整');
    expect(flat).toContain('执行规则默认设置（本县未另行设置）：每月在岗不少于20天');
    expect(flat).toContain('名额分组义县');
    expect(flat).not.toContain('组内排名');
    expect(flat).not.toMatch(/第\d+名/);
    for (const box of ['考核组评价意见', '县委组织部意见', '组长（签字）', '（盖章）']) expect(t).toContain(box);
    expect(t).not.toContain('未定档');
  });

  it('prints the cap with its reason for the capped cadre', async () => {
    const t = text(await printed('evaluation.print.sheet', { cadreId: ids.cadres['李娜'], year: YEAR })).replace(/\s+/g, '');
    expect(t).toContain('本年度督查1次不在岗（达到1次），不得评为优秀');
    expect(t).toContain('考核等次称职');
  });

  it('embeds every font and passes qpdf --check', async () => {
    const file = await printed('evaluation.print.sheet', { cadreId: ids.cadres['张伟'], year: YEAR });
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) expect(f).toMatch(/\s+yes\s+yes\s+(yes|no)\s+\d+\s+\d+\s*$/);
    expect(execFileSync('qpdf', ['--check', file], { encoding: 'utf8' })).toContain('No syntax or stream encoding errors');
  });

  it('prints the county table on A4 landscape with every cadre and the grade counts', async () => {
    const file = await printed('evaluation.print.countyTable', { countyId: ids.county, year: YEAR });
    expect(info(file)).toMatch(/Page rot:\s+90/);
    const t = text(file);
    expect(t).toContain('义县2024年度选派干部考核结果汇总表');
    expect(t).toContain('优秀1人、称职10人、基本称职0人、不称职0人');
    for (const n of ['张伟', '王芳', '李娜', '孙丽']) expect(t).toContain(n);
    expect(t).toMatch(/张伟.*96\.00.*优秀/);
    expect(execFileSync('qpdf', ['--check', file], { encoding: 'utf8' })).toContain('No syntax or stream encoding errors');
  });

  it('puts the finalised sheet into the dossier, and leaves it out while the year is reopened', async () => {
    const out = path.join(dir, 'dossier.pdf');
    const settings = getDossierSettings(core.ctx.db);
    const g = await printDossier(core, ids.cadres['王芳']!, YEAR, out, { settings });
    expect(g.items.map((x) => x.title)).toContain('2024年度选派干部考核登记表');
    expect(text(out)).toContain('名额分组');
    reopenYear(core.ctx.db, ids.county, YEAR, '复核');
    const again = await printDossier(core, ids.cadres['王芳']!, YEAR, out, { settings });
    expect(again.items.map((x) => x.title)).not.toContain('2024年度选派干部考核登记表');
    // a reopened year still prints on its own, marked as not final
    const sheet = await printed('evaluation.print.sheet', { cadreId: ids.cadres['王芳'], year: YEAR });
    expect(text(sheet)).toContain('未定档');
  });

  it('prints the rank only once the county turns it on for the year, and names the rules version in force', async () => {
    const on = await dispatch(core.handlers, 'rules.set', { countyId: ids.county, year: YEAR, patch: { printRankOnSheet: true } });
    expect(on.ok).toBe(true);
    const t = text(await printed('evaluation.print.sheet', { cadreId: ids.cadres['王芳'], year: YEAR })).replace(/\s+/g, '');
    expect(t).toContain('组内排名第3名（义县）');
    expect(t).toContain('本人排名第3名');
    expect(t).toContain('执行规则本县2024年起施行的规则（第1版）');
    // A version for a later year changes nothing for this year's form.
    expect(
      (await dispatch(core.handlers, 'rules.set', { countyId: ids.county, year: YEAR + 1, patch: { printRankOnSheet: false } })).ok,
    ).toBe(true);
    expect(text(await printed('evaluation.print.sheet', { cadreId: ids.cadres['王芳'], year: YEAR }))).toContain('组内排名');
  });
});
