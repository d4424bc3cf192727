/**
 * The 档号 scheme (DA/T 13-2022 档号编制规则, DA/T 22-2015 归档文件整理规则), documented in the
 * README under "Archive numbers":
 *
 *   item (件)     全宗号-WS·年度-保管期限-机构-件号       e.g. 0001-WS·2025-D30-ZZB-0012
 *   volume (案卷) 全宗号-WS·年度-保管期限-机构-J案卷号    e.g. 0001-WS·2025-D30-ZZB-J0003
 *
 * WS = 文书 (门类), 保管期限 Y / D30 / D10, 件号 and 案卷号 four digits (more when needed). The
 * "J" before the 案卷号 keeps a volume's 档号 from ever reading like an item's.
 */

/** DA/T 22-2015 retention code: 永久 Y, 定期30年 D30, 定期10年 D10. */
export function retentionCode(r: string): string {
  if (r.startsWith('永久')) return 'Y';
  const m = /(\d+)/.exec(r);
  return m ? `D${m[1]}` : r;
}

export interface CodeGroup {
  /** 全宗号 */
  fonds: string;
  /** 年度 */
  year: string;
  /** 保管期限 as words (永久 / 定期30年 / 定期10年). */
  retention: string;
  /** 机构（问题）代码 */
  org: string;
}

const pad4 = (n: number) => String(n).padStart(4, '0');
const prefix = (g: CodeGroup) => `${g.fonds}-WS·${g.year}-${retentionCode(g.retention)}-${g.org}`;

/** 档号 of an item (件). */
export const itemCode = (g: CodeGroup, itemNo: number) => `${prefix(g)}-${pad4(itemNo)}`;

/** 档号 of a volume (案卷). */
export const volumeCode = (g: CodeGroup, volNo: number) => `${prefix(g)}-J${pad4(volNo)}`;
