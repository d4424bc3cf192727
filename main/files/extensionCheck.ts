/**
 * The file's name against its content. Content decides the type (sniff.ts); the extension only
 * tells what the user believes it is. Text named like a document (a ".pdf" that is plain text) is
 * refused: it would print as pages of junk. A real document under another document's name (a PDF
 * saved as ".jpg" by a scanner) is accepted as what it is, and the user is told.
 */
import path from 'node:path';
import { FILE_KIND_LABELS, type FileKind } from '../../shared/domain';

const CLAIMS: Record<string, readonly FileKind[]> = {
  pdf: ['pdf'],
  jpg: ['jpeg'],
  jpeg: ['jpeg'],
  jpe: ['jpeg'],
  jfif: ['jpeg'],
  png: ['png'],
  tif: ['tiff'],
  tiff: ['tiff'],
  ofd: ['ofd'],
  doc: ['doc', 'docx'],
  docx: ['docx', 'doc'],
  wps: ['doc', 'docx'],
  xls: ['xls', 'xlsx'],
  xlsx: ['xlsx', 'xls'],
  et: ['xls', 'xlsx'],
  txt: ['text'],
  csv: ['text'],
};

export interface ExtensionConflict {
  refuse: boolean;
  /** Follows the quoted file name: 「name」<message>. */
  message: string;
}

export function extensionConflict(name: string, kind: FileKind): ExtensionConflict | null {
  const ext = path.extname(name).slice(1).toLowerCase();
  const claimed = CLAIMS[ext];
  if (!claimed || claimed.includes(kind)) return null;
  const claimedLabel = FILE_KIND_LABELS[claimed[0]!];
  if (kind === 'text') {
    return {
      refuse: true,
      message: `的扩展名是 .${ext}（${claimedLabel}），但内容是纯文本，两者不符，无法归档。请确认是否选错了文件或文件已损坏`,
    };
  }
  return {
    refuse: false,
    message: `的扩展名是 .${ext}（${claimedLabel}），但内容实际是${FILE_KIND_LABELS[kind]}，已按${FILE_KIND_LABELS[kind]}归档`,
  };
}
