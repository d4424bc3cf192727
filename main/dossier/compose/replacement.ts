/**
 * The page printed where an original cannot be: it names the file as the user filed it, says
 * why in Chinese, and gives its SHA-256 so the archivist can find the electronic original in
 * the data package. A 备考表 line is written for it as well (compose.ts).
 */
import { Flow, type LaidPage } from '../typeset/flow';
import { layoutParagraph, layoutTitle } from '../typeset/layout';
import type { TextKit } from '../typeset/measure';

export interface ReplacementInfo {
  title: string;
  /** File name as filed (or the stored path when the name is unknown). */
  file: string;
  sha256: string | null;
  reason: string;
  /** What the reader should do or know (default: check the original and refile it). */
  advice?: string;
}

export function layoutReplacement(tk: TextKit, r: ReplacementInfo): LaidPage[] {
  const flow = new Flow(tk);
  flow.newPage('portrait');
  layoutTitle(flow, r.title);
  const p = (text: string, align?: 'center') => layoutParagraph(flow, { kind: 'paragraph', text, ...(align ? { align } : {}) });
  p('【原件未能按原样打印】', 'center');
  p(`原件文件：${r.file}`);
  p(`原因：${r.reason}`);
  // the hash on a line of its own: a justified line would spread its letters across the block
  p(`原件的 SHA-256 校验值：${r.sha256 ? '' : '未录入'}`);
  if (r.sha256) p(r.sha256, 'center');
  p(r.advice ?? '电子原件见档案数据包，可按 SHA-256 核对；请核对原件后重新归入档案袋。此情况已在备考表中说明。');
  return flow.pages;
}
