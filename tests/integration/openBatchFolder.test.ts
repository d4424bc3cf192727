/**
 * 打开文件夹 after a county batch (desktop): the channel opens a folder that holds the batch's
 * 案卷目录 — named as the batch names it — and refuses any other folder without calling the host.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openCore, type OpenCore } from '../../main/api/open';
import { dispatch } from '../../main/core/runtime/dispatch';
import { catalogueTitle } from '../../main/dossier/batch/catalogue';

let dir: string;
let core: OpenCore;
const opened: string[] = [];

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onebag-openfolder-'));
  core = openCore({
    dataDir: path.join(dir, 'data'),
    host: { kind: 'electron', blobUrl: (s) => s, openFolder: async (p: string) => void opened.push(p) },
  });
});
afterAll(() => {
  core?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

it('opens a batch output folder and refuses others', async () => {
  const batch = path.join(dir, '清河县-2024');
  fs.mkdirSync(batch);
  fs.writeFileSync(path.join(batch, `${catalogueTitle('清河县', 2024)}.pdf`), '%PDF-1.4');
  const ok = await dispatch(core.handlers, 'output.openFolder', { path: batch });
  expect(ok).toEqual({ ok: true, value: { opened: true } });
  expect(opened).toEqual([batch]);

  const other = path.join(dir, 'other');
  fs.mkdirSync(other);
  fs.writeFileSync(path.join(other, 'notes.pdf'), '%PDF-1.4');
  const refused = await dispatch(core.handlers, 'output.openFolder', { path: other });
  expect(refused.ok).toBe(false);
  if (!refused.ok) expect(refused.error.message).toContain('不是档案批量输出文件夹');
  expect(opened).toHaveLength(1);
});
