/**
 * Every reason a bundle is refused, in the words the user reads. Each names the entry at
 * fault so that the person who made the bundle can be told what to fix.
 */
import { AppError } from '../../../shared/result';
import { formatSize } from '../../../shared/fileSize';

const refused = (message: string) => new AppError('IMPORT_REFUSED', message);
const q = (name: string) => `“${name}”`;

export const refusal = {
  notZip: () => refused('该文件不是 OneBag 交换包（不是 zip 格式），已拒绝导入'),
  truncated: (detail?: string) => refused(`交换包文件不完整或已损坏（可能复制中断），请重新拷贝${detail ? `（${detail}）` : ''}`),
  malformed: (detail: string) => refused(`交换包结构异常（${detail}），文件已损坏或被篡改，已拒绝导入`),
  unsafeName: (name: string, reason: string) => refused(`交换包中的文件名${q(name)}不安全（${reason}），已拒绝导入`),
  badNameEncoding: () => refused('交换包中有文件名不是有效的 UTF-8 编码，已拒绝导入'),
  symlink: (name: string) => refused(`交换包中的${q(name)}是符号链接，已拒绝导入`),
  directory: (name: string) => refused(`交换包中的${q(name)}是目录而不是文件，已拒绝导入`),
  notRegular: (name: string) => refused(`交换包中的${q(name)}不是普通文件（设备、管道等特殊文件），已拒绝导入`),
  duplicate: (name: string, other: string) =>
    refused(
      name === other
        ? `交换包中有重复的文件名${q(name)}，已拒绝导入`
        : `交换包中的文件名${q(name)}与${q(other)}重复（不区分大小写或 Unicode 写法），已拒绝导入`,
    ),
  tooManyEntries: (n: number, cap: number) => refused(`交换包中的文件数（${n}）超过上限 ${cap}，可能是恶意压缩包，已拒绝导入`),
  entryTooBig: (name: string, size: number, cap: number) =>
    refused(`交换包中的${q(name)}解压后大小 ${formatSize(size)} 超过单个文件上限 ${formatSize(cap)}，已拒绝导入`),
  totalTooBig: (size: number, cap: number) =>
    refused(`交换包解压后总大小 ${formatSize(size)} 超过上限 ${formatSize(cap)}，可能是压缩炸弹，已拒绝导入`),
  ratio: (name: string, ratio: number) => refused(`交换包中的${q(name)}压缩比异常（${Math.round(ratio)}:1），可能是压缩炸弹，已拒绝导入`),
  inflatedTooMuch: (name: string) => refused(`交换包中的${q(name)}解压后的数据超过声明的大小，可能是压缩炸弹，已拒绝导入`),
  localHeader: (name: string, what: string) =>
    refused(`交换包中的${q(name)}的本地文件头与中央目录不一致（${what}），文件已损坏或被篡改，已拒绝导入`),
  method: (name: string, method: number) => refused(`交换包中的${q(name)}使用了不支持的压缩方式（${method}），已拒绝导入`),
  encrypted: (name: string) => refused(`交换包中的${q(name)}已加密，OneBag 不能读取加密的压缩包，已拒绝导入`),
  corrupt: (name: string, what: string) => refused(`交换包中的${q(name)}已损坏（${what}），请重新拷贝`),
  crc: (name: string) => refused(`交换包中的${q(name)}校验失败（CRC 不符），文件已损坏或被修改，已拒绝导入`),
  manifestMissing: () => refused('交换包中缺少清单 manifest.json，不是有效的 OneBag 交换包，已拒绝导入'),
  manifestUnparseable: (detail: string) => refused(`交换包的清单 manifest.json 无法解析（${detail}），已拒绝导入`),
  manifestFormat: (detail: string) => refused(`交换包的清单格式不正确（${detail}），不是有效的 OneBag 交换包，已拒绝导入`),
  newerFormat: (version: number, mine: number) =>
    refused(`该交换包由更新版本的 OneBag 制作（格式版本 ${version}），本软件只能读取版本 ${mine}，请升级后再导入`),
  signatureMissing: () => refused('交换包缺少签名 manifest.sig，无法确认来源，已拒绝导入'),
  signatureInvalid: (signer: string) => refused(`交换包的签名无效：清单在签名后被修改，或签名不是${q(signer)}的密钥所签，已拒绝导入`),
  fingerprintMismatch: (fp: string) => refused(`交换包声明的密钥指纹 ${fp} 与其公钥不符，已拒绝导入`),
  impersonation: (signer: string, fp: string) =>
    refused(`交换包自称由${q(signer)}（指纹 ${fp}）签名，但所用密钥与本机信任的该指纹的密钥不同，可能是冒充，已拒绝导入`),
  notListed: (name: string) => refused(`交换包中的${q(name)}不在清单中，已拒绝导入`),
  listedMissing: (name: string) => refused(`清单列出的${q(name)}在交换包中不存在，已拒绝导入`),
  sizeMismatch: (name: string, listed: number, actual: number) =>
    refused(`交换包中的${q(name)}大小与清单不符（清单 ${listed} 字节，实际 ${actual} 字节），已拒绝导入`),
  hashMismatch: (name: string) => refused(`交换包中的${q(name)}与清单记录的 SHA-256 不符，文件在制作后被修改或已损坏，已拒绝导入`),
  entryTooBigToRead: (name: string) => refused(`交换包中的${q(name)}太大，不能整体读入内存`),
  noSuchEntry: (name: string) => new AppError('NOT_FOUND', `交换包中没有${q(name)}`),
};
