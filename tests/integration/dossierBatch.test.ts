/** County batch through the real worker thread: files, catalogue, progress, cancel. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProgressEvent } from '../../shared/api';
import type { OpenCore } from '../../main/api/open';
import { JobRunner } from '../../main/dossier/batch/jobs';
import { BLOBS_DIR, blobPathParts } from '../../shared/blobLayout';
import { openDemoCopy, removeDemoCopy } from '../fixtures/demoCopy';

let dir: string;
let core: OpenCore;
let countyId: number;
const events: ProgressEvent[] = [];
let runner: JobRunner;

beforeAll(async () => {
  ({ dir, core, countyId } = await openDemoCopy('batch')); // the demo county, prepared once per run
  runner = new JobRunner({ dataDir: core.ctx.dataDir, progress: (e) => events.push(e) });
}, 240_000); // the demo takes ~60 s on a loaded 2-core machine

afterAll(async () => {
  await runner?.close();
  removeDemoCopy(core, dir);
});

describe('county batch', () => {
  it('writes one PDF per cadre named by 档号 and name, and the landscape catalogue', async () => {
    const out = path.join(dir, 'out');
    const { jobId, done } = runner.startBatch({ countyId, year: 2024, outDir: out });
    const s = await done;
    expect(s.state).toBe('done');
    // the demo county's own cadres (its second county is imported, printed by its own department)
    const cadres = (
      core.ctx.db
        .prepare(
          'SELECT DISTINCT c.name FROM cadres c JOIN postings p ON p.cadre_id = c.id JOIN townships t ON t.id = p.township_id WHERE t.county_id = ?',
        )
        .all(countyId) as Array<{ name: string }>
    ).map((r) => r.name);
    const files = fs.readdirSync(out).filter((f) => !f.includes('案卷目录'));
    expect(files).toHaveLength(cadres.length);
    for (const f of files) expect(f).toMatch(/^0001-WS·2024-D30-ZZB-J\d{4} \S+\.pdf$/);
    expect(new Set(files.map((f) => f.split(' ')[1]!.replace('.pdf', '')))).toEqual(new Set(cadres));
    expect(s.pages).toBe(s.results.reduce((a, r) => a + r.pages, 0));
    const info = execFileSync('pdfinfo', [s.catalogue!], { encoding: 'utf8' });
    expect(info).toMatch(/rot:\s+90/);
    const text = execFileSync('pdftotext', [s.catalogue!, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text).toContain('案卷目录');
    expect(text).not.toContain('归档文件目录');
    for (const r of s.results) expect(text).toContain(r.archiveCode);
    const mine = events.filter((e) => e.jobId === jobId);
    expect(mine.filter((e) => !e.finished).length).toBeGreaterThanOrEqual(cadres.length);
    expect(mine.at(-1)!.finished).toBe(true);
    expect(mine.some((e) => /第 \d+\/\d+ 人，已生成 \d+ 页/.test(e.label))).toBe(true);
  });

  it('stops when cancelled after the first cadre and leaves no partial file', async () => {
    const out = path.join(dir, 'cancelled');
    let id = '';
    const { jobId, done } = runner.startBatch({ countyId, year: 2024, outDir: out }, (st) => {
      if (st.results.length >= 1) runner.cancel(id);
    });
    id = jobId;
    const s = await done;
    expect(s.state).toBe('cancelled');
    const files = fs.readdirSync(out);
    expect(files.length).toBeGreaterThanOrEqual(1);
    expect(files.length).toBeLessThan(5);
    expect(files.every((f) => f.endsWith('.pdf') && !f.includes('案卷目录'))).toBe(true);
    expect(files.length).toBe(s.results.filter((r) => r.file).length);
  });

  it('never fails a cadre for a damaged original: the volume carries a replacement page, the catalogue counts the volumes written', async () => {
    const row = core.ctx.db
      .prepare(
        `SELECT mf.sha256, mf.original_name AS name, c.name AS cadre FROM material_files mf JOIN materials m ON m.id = mf.material_id
         JOIN cadres c ON c.id = m.cadre_id JOIN blobs b ON b.sha256 = mf.sha256 WHERE b.kind = 'pdf' AND m.year = 2024 LIMIT 1`,
      )
      .get() as { sha256: string; name: string; cadre: string } | undefined;
    expect(row).toBeDefined();
    const blob = path.join(core.ctx.dataDir, BLOBS_DIR, ...blobPathParts(row!.sha256));
    fs.chmodSync(blob, 0o644);
    fs.writeFileSync(blob, Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'));
    const out = path.join(dir, 'damaged');
    const s = await runner.startBatch({ countyId, year: 2024, outDir: out, pdfa: false }).done;
    expect(s.state).toBe('done');
    expect(s.results.filter((r) => r.error)).toEqual([]);
    const hit = s.results.find((r) => r.name === row!.cadre)!;
    expect(hit.file).not.toBeNull();
    expect(hit.remarks.some((r) => r.includes('以说明页代替'))).toBe(true);
    const volume = execFileSync('pdftotext', [hit.file!, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(volume).toContain('原件未能按原样打印');
    expect(volume).toContain(row!.sha256);
    const written = fs.readdirSync(out).filter((f) => f.endsWith('.pdf') && path.join(out, f) !== s.catalogue);
    expect(written).toHaveLength(s.results.length);
    const catalogue = execFileSync('pdftotext', [s.catalogue!, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(catalogue).toContain(`本目录共列案卷${written.length}卷`);
  }, 180_000);
});
