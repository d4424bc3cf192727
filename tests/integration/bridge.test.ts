import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBridge, type Bridge } from '../../main/bridge/server';
import { writeRendererStub } from '../fixtures/rendererStub';
import { cadreInput } from '../fixtures/cadreInput';

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** node:http so that Host and Origin can be set freely (fetch forbids overriding Host). */
function raw(
  port: number,
  opts: { method?: string; path: string; headers?: Record<string, string>; body?: string; host?: string },
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: opts.host ?? '127.0.0.1',
        port,
        method: opts.method ?? 'GET',
        path: opts.path,
        headers: { Host: `127.0.0.1:${port}`, ...(cookie ? { Cookie: cookie } : {}), ...opts.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      },
    );
    req.on('error', reject);
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}

let bridge: Bridge;
let tmp: string;
/** The session cookie this test client got by opening the secret link (name=value). */
let cookie = '';

async function invoke(channel: string, input: unknown, headers: Record<string, string> = {}) {
  const res = await raw(bridge.port, {
    method: 'POST',
    path: '/api/invoke',
    headers: { 'content-type': 'application/json', 'x-onebag-request': '1', ...headers },
    body: JSON.stringify({ channel, input }),
  });
  return { status: res.status, json: JSON.parse(res.body.toString('utf8')) as { ok: boolean; value?: any; error?: any } };
}

async function value(channel: string, input: unknown) {
  const { json } = await invoke(channel, input);
  if (!json.ok) throw new Error(`${channel}: ${JSON.stringify(json.error)}`);
  return json.value;
}

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'onebag-bridge-'));
  const rendererDir = writeRendererStub(tmp);
  // A hashed bundle name, as Vite writes it: served as immutable.
  fs.writeFileSync(path.join(rendererDir, 'assets', 'index-DAueCEXk.js'), 'console.log(2)');
  fs.writeFileSync(path.join(tmp, 'secret.txt'), 'secret');
  bridge = await startBridge({ dataDir: path.join(tmp, 'data'), port: 0, rendererDir });
  const opened = await raw(bridge.port, { path: new URL(bridge.openUrl).pathname + new URL(bridge.openUrl).search });
  cookie = String(opened.headers['set-cookie']?.[0] ?? '').split(';')[0]!;
});

afterAll(async () => {
  await bridge?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('loopback bridge', () => {
  it('listens on 127.0.0.1 only', async () => {
    expect(bridge.url).toBe(`http://127.0.0.1:${bridge.port}`);
    const other = Object.values(os.networkInterfaces())
      .flat()
      .find((i) => i && i.family === 'IPv4' && !i.internal);
    if (other) {
      await expect(raw(bridge.port, { path: '/', host: other.address })).rejects.toThrow(/ECONNREFUSED/);
    }
  });

  it('serves index.html with the bridge script injected before the app script', async () => {
    const res = await raw(bridge.port, { path: '/' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    const html = res.body.toString('utf8');
    const bridgeAt = html.indexOf('<script src="/onebag-bridge.js"></script>');
    expect(bridgeAt).toBeGreaterThan(0);
    expect(bridgeAt).toBeLessThan(html.indexOf('./assets/app.js'));
    const script = await raw(bridge.port, { path: '/onebag-bridge.js' });
    expect(script.headers['content-type']).toMatch(/javascript/);
    expect(script.body.toString('utf8')).not.toContain(new URL(bridge.openUrl).searchParams.get('k'));
    expect(script.body.toString('utf8')).not.toContain(cookie.split('=')[1]);
    expect(script.body.toString('utf8')).toContain("new EventSource('/api/events')");
  });

  it('serves static files with the right MIME type and refuses path traversal', async () => {
    const mjs = await raw(bridge.port, { path: '/assets/worker.mjs' });
    expect(mjs.status).toBe(200);
    expect(mjs.headers['content-type']).toMatch(/text\/javascript/);
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/..%5csecret.txt']) {
      const res = await raw(bridge.port, { path: p });
      expect([403, 404]).toContain(res.status);
      expect(res.body.toString('utf8')).not.toContain('secret');
    }
  });

  it('lets the browser keep what Vite named by its content, and asks again for the rest', async () => {
    const hashed = await raw(bridge.port, { path: '/assets/index-DAueCEXk.js' });
    expect(hashed.status).toBe(200);
    expect(hashed.headers['cache-control']).toBe('private, max-age=31536000, immutable');
    expect((await raw(bridge.port, { path: '/assets/worker.mjs' })).headers['cache-control']).toBe('no-cache');
    expect((await raw(bridge.port, { path: '/' })).headers['cache-control']).toBe('no-store');
  });

  it('refuses a missing or wrong session cookie, and an invoke without the request header', async () => {
    expect((await invoke('app.status', {}, { Cookie: `${cookie.split('=')[0]}=nope` })).status).toBe(401);
    const none = await raw(bridge.port, {
      method: 'POST',
      path: '/api/invoke',
      body: '{"channel":"app.status","input":{}}',
      headers: { Cookie: '' },
    });
    expect(none.status).toBe(401);
    const events = await raw(bridge.port, { path: '/api/events', headers: { Cookie: '' } });
    expect(events.status).toBe(401);
    const noHeader = await raw(bridge.port, { method: 'POST', path: '/api/invoke', body: '{"channel":"app.status","input":{}}' });
    expect(noHeader.status).toBe(403);
  });

  it('refuses a foreign Host header (DNS rebinding) and a foreign Origin', async () => {
    const host = await raw(bridge.port, { path: '/', headers: { Host: `evil.example:${bridge.port}` } });
    expect(host.status).toBe(403);
    const otherPort = await raw(bridge.port, { path: '/', headers: { Host: `127.0.0.1:${bridge.port + 1}` } });
    expect(otherPort.status).toBe(403);
    const origin = await invoke('app.status', {}, { Origin: 'http://evil.example' });
    expect(origin.status).toBe(403);
    expect(origin.json.ok).toBe(false);
    const crossSite = await invoke('app.status', {}, { 'Sec-Fetch-Site': 'cross-site' });
    expect(crossSite.status).toBe(403);
    const same = await invoke('app.status', {}, { Origin: `http://127.0.0.1:${bridge.port}`, 'Sec-Fetch-Site': 'same-origin' });
    expect(same.status).toBe(200);
    const localhost = await raw(bridge.port, { path: '/', headers: { Host: `localhost:${bridge.port}` } });
    expect(localhost.status).toBe(200);
  });

  it('pushes progress events over server-sent events', async () => {
    const received = await new Promise<string>((resolve, reject) => {
      const req = http.get(
        { host: '127.0.0.1', port: bridge.port, path: '/api/events', headers: { Host: `127.0.0.1:${bridge.port}`, Cookie: cookie } },
        (res) => {
          expect(res.headers['content-type']).toMatch(/text\/event-stream/);
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (c: string) => {
            text += c;
            if (text.includes('event: progress')) {
              req.destroy();
              resolve(text);
            }
          });
          bridge.core.ctx.host.progress?.({ jobId: 'j1', label: '导入花名册', done: 1, total: 2 });
        },
      );
      req.on('error', reject);
    });
    const data = /data: (.*)\n/.exec(received)?.[1];
    expect(JSON.parse(data!)).toEqual({ jobId: 'j1', label: '导入花名册', done: 1, total: 2 });
  });

  it('dispatches app.status and validates input through the handler table', async () => {
    const { status, json } = await invoke('app.status', {});
    expect(status).toBe(200);
    expect(json).toMatchObject({ ok: true, value: { host: 'bridge', firstRun: true, cadreCount: 0 } });
    const bad = await invoke('app.setup', { mode: 'nonsense', operator: '' });
    expect(bad.json).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const unknown = await invoke('no.such.channel', {});
    expect(unknown.json).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('uploads a PDF through staging, files it and streams the original (with Range)', async () => {
    const county = await value('org.addCounty', { name: '测试县', kind: '县' });
    const township = await value('org.addTownship', { countyId: county.id, name: '城关镇' });
    const cadre = await value('cadres.create', {
      cadre: cadreInput({ name: '王小明', phone: null }),
      posting: { townshipId: township.id, villageId: null, start: '2024-01-01', end: null },
    });

    const doc = await PDFDocument.create();
    doc.addPage([595, 842]);
    doc.addPage([595, 842]);
    const pdf = Buffer.from(await doc.save());
    const { token } = await value('staging.begin', { name: '2024年度工作总结.pdf', size: pdf.length });
    await value('staging.chunk', { token, data: pdf.subarray(0, 100).toString('base64') });
    await value('staging.chunk', { token, data: pdf.subarray(100).toString('base64') });
    const staged = await value('staging.end', { token, purpose: 'attachment', cadreId: cadre.id });
    expect(staged).toMatchObject({ kind: 'pdf', pageCount: 2, duplicateOf: null, suggestion: { category: '工作总结' } });

    const material = await value('bag.add', {
      cadreId: cadre.id,
      material: {
        category: '工作总结',
        title: '2024年度工作总结',
        date: '2024-12-20',
        year: 2024,
        responsible: null,
        docNumber: null,
        secrecy: '公开',
        notes: null,
      },
      files: [token],
    });
    const sha = material.files[0].sha256 as string;
    expect(sha).toBe(staged.sha256);

    const { url, mime } = await value('files.url', { sha256: sha });
    expect(mime).toBe('application/pdf');
    expect(url).toBe(`/blob/${sha}`);
    const blob = await raw(bridge.port, { path: url });
    expect(blob.status).toBe(200);
    expect(blob.headers['content-type']).toBe('application/pdf');
    expect(blob.body.equals(pdf)).toBe(true);
    const part = await raw(bridge.port, { path: url, headers: { Range: 'bytes=0-4' } });
    expect(part.status).toBe(206);
    expect(part.body.toString('latin1')).toBe('%PDF-');
    expect(part.headers['content-range']).toBe(`bytes 0-4/${pdf.length}`);
    expect((await raw(bridge.port, { path: `/blob/${sha}`, headers: { Cookie: '' } })).status).toBe(401);

    const open = await invoke('files.openExternal', { sha256: sha });
    // the clerk is told, in Chinese, what the page offers instead
    expect(open.json).toMatchObject({
      ok: false,
      error: { code: 'UNSUPPORTED', message: '浏览器模式下无法调用系统程序打开文件，请下载后查看' },
    });
  });

  it('refuses a corrupt attachment at staging.end and leaves nothing behind', async () => {
    const junk = Buffer.from('%PDF-1.7\nthis is not really a pdf');
    const { token } = await value('staging.begin', { name: '坏文件.pdf', size: junk.length });
    await value('staging.chunk', { token, data: junk.toString('base64') });
    const res = await invoke('staging.end', { token, purpose: 'attachment' });
    expect(res.json).toMatchObject({ ok: false, error: { code: 'FILE_REFUSED' } });
    expect(fs.existsSync(path.join(bridge.dataDir, 'staging', token))).toBe(false);
  });
});
