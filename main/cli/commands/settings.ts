import type { DossierSettings } from '../../../shared/api/dossier';
import { UsageError, withCore, type CommandContext, type CommandTable } from '../util';
import { boolFlag, parseFlags, textFlag } from '../flags';
import { printJson } from '../print';
import { ruleSettingsCommand, ruleSettingsUsage } from './ruleSettings';

/** CLI spelling of the body font → stored value. */
const BODY_FONTS: Record<string, DossierSettings['bodyFont']> = { fangsong: 'fangsong', song: 'serif' };
const BODY_FONT_LABEL: Record<DossierSettings['bodyFont'], string> = { fangsong: '仿宋（fangsong）', serif: '宋体（song）' };
const PAGE_STYLE_LABEL: Record<DossierSettings['pageNumberStyle'], string> = {
  gbt9704: '“— 1 —”单双页外侧（gbt9704）',
  ofTotal: '“第 1 页 共 N 页”居中（ofTotal）',
};
const WORD_LABEL: Record<DossierSettings['wordRendition'], string> = {
  libreoffice: '本机装有 LibreOffice 时用其转换（libreoffice）',
  engine: '由本软件排版（engine）',
};

/**
 * `onebag settings archive [--fonds CODE] [--org-code CODE] [--retention 永久|定期30年|定期10年]
 * [--compiler NAME] [--checker NAME] [--check-date YYYY-MM-DD] [--page-numbers gbt9704|ofTotal]
 * [--body-font fangsong|song] [--word-rendition libreoffice|engine] [--json]`: without a setting
 * flag it shows the archive settings; with flags it changes those and shows the result. Values
 * go through the same handler (and zod schema) as the settings screen.
 */
async function settingsCommand(c: CommandContext): Promise<number> {
  if (c.args[0] === 'rules') return ruleSettingsCommand(c);
  const { values, positionals } = parseFlags(c.args, {
    fonds: textFlag,
    'org-code': textFlag,
    retention: textFlag,
    compiler: textFlag,
    checker: textFlag,
    'check-date': textFlag,
    'page-numbers': textFlag,
    'body-font': textFlag,
    'word-rendition': textFlag,
    json: boolFlag,
  });
  if (positionals[0] !== 'archive' || positionals.length !== 1)
    throw new UsageError('用法：settings archive [选项]（档案设置）或 settings rules [选项]（规则设置）');
  const change: Partial<Record<keyof DossierSettings, string>> = {};
  if (values.fonds !== undefined) change.fonds = values.fonds;
  if (values['org-code'] !== undefined) change.org = values['org-code'];
  if (values.retention !== undefined) change.retention = values.retention;
  if (values.compiler !== undefined) change.compiler = values.compiler;
  if (values.checker !== undefined) change.checker = values.checker;
  if (values['check-date'] !== undefined) change.checkDate = values['check-date'];
  if (values['page-numbers'] !== undefined) change.pageNumberStyle = values['page-numbers'];
  if (values['word-rendition'] !== undefined) change.wordRendition = values['word-rendition'];
  if (values['body-font'] !== undefined) {
    const f = BODY_FONTS[values['body-font']];
    if (!f) throw new UsageError(`正文字体“${values['body-font']}”无效，应为 fangsong（仿宋）或 song（宋体）`);
    change.bodyFont = f;
  }

  return withCore(c.dataDir, async (core) => {
    let s = (await core.handlers['dossier.settings.get']({})) as DossierSettings;
    if (Object.keys(change).length) {
      // setDossierSettings validates with the zod schema itself (Chinese messages)
      s = (await core.handlers['dossier.settings.set']({ ...s, ...change } as DossierSettings)) as DossierSettings;
      if (!values.json) c.out('档案设置已保存。');
    }
    if (values.json) return printJson(c, s);
    const blank = (v: string) => v || '（未设置，打印空白横线待手签）';
    c.out(`全宗号：${s.fonds}`);
    c.out(`机构（问题）代码：${s.org}`);
    c.out(`保管期限：${s.retention}`);
    c.out(`立卷人：${blank(s.compiler)}`);
    c.out(`检查人：${blank(s.checker)}`);
    c.out(`检查日期：${s.checkDate || '（未设置）'}`);
    c.out(`页码样式：${PAGE_STYLE_LABEL[s.pageNumberStyle]}`);
    c.out(`正文字体：${BODY_FONT_LABEL[s.bodyFont]}`);
    c.out(`Word/WPS 原件：${WORD_LABEL[s.wordRendition]}`);
    return 0;
  });
}

export const settingsCommands: CommandTable = { settings: settingsCommand };

export const settingsUsage: string[] = [
  '  settings archive [--fonds 全宗号] [--org-code 机构代码] [--retention 永久|定期30年|定期10年]',
  '                   [--compiler 立卷人] [--checker 检查人] [--check-date YYYY-MM-DD]',
  '                   [--page-numbers gbt9704|ofTotal] [--body-font fangsong|song]',
  '                   [--word-rendition libreoffice|engine] [--json]',
  '                                     查看或修改档案设置（不带选项时只显示）',
  ...ruleSettingsUsage,
];
