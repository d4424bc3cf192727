/**
 * A second local client of the loopback bridge (another program or another Unix user on the same
 * machine) that knows the port but not the secret link: it gets nothing — no page, script, asset,
 * blob, event stream or API answer — only a short Chinese refusal, and the data folder is unchanged.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBridge, type Bridge } from '../../main/bridge/server';
import { folderState } from './intakeFolderState';
import { writeRendererStub } from '../fixtures/rendererStub';

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function get(port: number, p: string, headers: Record<string, string> = {}, method = 'GET', body?: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, path: p, method, agent: false, headers: { Host: `127.0.0.1:${port}`, ...headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

let tmp: string;
let bridge: Bridge;
let secret: string;
let ownerCookie: string;
let blobPath: string;

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'onebag-adv-bridge-'));
  const rendererDir = writeRendererStub(tmp);
  bridge = await startBridge({ dataDir: path.join(tmp, 'data'), port: 0, rendererDir });
  secret = new URL(bridge.openUrl).searchParams.get('k')!;
  expect(secret).toMatch(/^[0-9a-f]{64}$/);
  // The owner opens the secret link and gets the session cookie.
  const opened = await get(bridge.port, `/?k=${secret}`);
  expect(opened.status).toBe(200);
  const setCookie = opened.headers['set-cookie']![0]!;
  expect(setCookie).toMatch(/HttpOnly/);
  expect(setCookie).toMatch(/SameSite=Strict/);
  ownerCookie = setCookie.split(';')[0]!;
  // Something worth stealing: a stored original.
  const src = path.join(tmp, 'note.txt');
  fs.writeFileSync(src, '机密材料');
  const stored = await bridge.core.blobs.put(src);
  bridge.core.ctx.db
    .prepare("INSERT INTO blobs (sha256, size, kind, mime, created_at) VALUES (?, ?, 'text', 'text/plain', '2026-01-01T00:00:00Z')")
    .run(stored.sha256, stored.size);
  blobPath = `/blob/${stored.sha256}`;
});

afterAll(async () => {
  await bridge?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('a second local client without the session cookie', () => {
  it('is refused everything with a Chinese message, learns no secret, and changes nothing', async () => {
    const before = folderState(bridge.dataDir);
    const attempts: Array<[string, string, string?]> = [
      ['GET', '/'],
      ['GET', '/index.html'],
      ['GET', '/onebag-bridge.js'],
      ['GET', '/assets/app.js'],
      ['GET', '/favicon.ico'],
      ['GET', '/cadres/1'],
      ['GET', blobPath],
      ['GET', '/api/events'],
      ['GET', '/api/events?token=x'],
      ['POST', '/api/invoke', JSON.stringify({ channel: 'cadres.list', input: {} })],
      ['POST', '/api/invoke', JSON.stringify({ channel: 'app.setup', input: { mode: 'empty', operator: '攻击者' } })],
    ];
    for (const [method, p, body] of attempts) {
      const r = await get(
        bridge.port,
        p,
        method === 'POST' ? { 'content-type': 'application/json', 'x-onebag-request': '1' } : {},
        method,
        body,
      );
      expect(r.status, `${method} ${p}`).toBe(401);
      expect(r.body, `${method} ${p}`).toMatch(/未授权：请用启动 OneBag 服务时终端中显示的链接打开/);
      expect(r.body).not.toContain(secret);
      expect(r.body).not.toContain('机密材料');
      expect(r.headers['set-cookie']).toBeUndefined();
    }
    // Guessing the secret: refused, no cookie.
    const guess = await get(bridge.port, `/?k=${'0'.repeat(64)}`);
    expect(guess.status).toBe(403);
    expect(guess.body).toMatch(/链接无效/);
    expect(guess.headers['set-cookie']).toBeUndefined();
    // A forged cookie of the right shape is no better.
    const forged = await get(bridge.port, '/', { Cookie: `${ownerCookie.split('=')[0]}=${'a'.repeat(64)}` });
    expect(forged.status).toBe(401);
    expect(folderState(bridge.dataDir)).toEqual(before);
  });

  it('while the owner with the cookie is served, and nothing the owner gets carries the secret', async () => {
    const page = await get(bridge.port, '/', { Cookie: ownerCookie });
    expect(page.status).toBe(200);
    const script = await get(bridge.port, '/onebag-bridge.js', { Cookie: ownerCookie });
    expect(script.status).toBe(200);
    expect(script.body).not.toContain(secret);
    expect(script.body).not.toContain(ownerCookie.split('=')[1]!);
    const blob = await get(bridge.port, blobPath, { Cookie: ownerCookie });
    expect(blob.body).toBe('机密材料');
    const status = await get(
      bridge.port,
      '/api/invoke',
      { Cookie: ownerCookie, 'content-type': 'application/json', 'x-onebag-request': '1' },
      'POST',
      JSON.stringify({ channel: 'app.status', input: {} }),
    );
    expect(JSON.parse(status.body)).toMatchObject({ ok: true });
  });

  it('a page of another site cannot use the owner cookie (Origin and Sec-Fetch-Site are checked)', async () => {
    const r = await get(
      bridge.port,
      '/api/invoke',
      { Cookie: ownerCookie, Origin: 'http://evil.example', 'content-type': 'application/json', 'x-onebag-request': '1' },
      'POST',
      '{"channel":"app.status","input":{}}',
    );
    expect(r.status).toBe(403);
    const rebinding = await get(bridge.port, '/', { Cookie: ownerCookie, Host: `evil.example:${bridge.port}` });
    expect(rebinding.status).toBe(403);
  });

  it('a restart makes a fresh secret; the old link and cookie open nothing', async () => {
    const dataDir = bridge.dataDir;
    const port = bridge.port;
    const oldSecret = secret;
    await bridge.close();
    bridge = await startBridge({ dataDir, port, rendererDir: path.join(tmp, 'renderer') });
    expect(new URL(bridge.openUrl).searchParams.get('k')).not.toBe(oldSecret);
    expect((await get(bridge.port, `/?k=${oldSecret}`)).status).toBe(403);
    expect((await get(bridge.port, '/', { Cookie: ownerCookie })).status).toBe(401);
  });
});
