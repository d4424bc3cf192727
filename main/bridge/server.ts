import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { ProgressEvent } from '../../shared/api';
import type { BatchStatus } from '../../shared/api/dossier';
import { blobMeta } from '../core/blobs/lookup';
import { dispatch } from '../core/runtime/dispatch';
import { openCore, type OpenCore } from '../api/open';
import { BATCH_ZIP_ROUTE, sendBatchZip } from './batchZip';
import { bridgeClientScript, injectBridgeScript } from './clientScript';
import { sendFile, sendJson, sendText } from './static';
import { resolveStaticPath, staticMime } from '../files/staticAssets';

export interface BridgeOptions {
  dataDir: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** The built renderer (vite output); defaults to dist/renderer. */
  rendererDir?: string;
  /** Largest accepted request body; staging chunks are base64. */
  maxBodyBytes?: number;
}

export interface Bridge {
  /** e.g. http://127.0.0.1:5178 (no trailing slash). Answers nothing without the session cookie. */
  url: string;
  /**
   * The address to open once: `${url}/?k=SECRET`. The secret is fresh per start, printed only to the
   * person who started the bridge, and exchanged for an HttpOnly, SameSite=Strict session cookie.
   */
  openUrl: string;
  port: number;
  dataDir: string;
  /** The opened core, for tests and tools that want to seed data directly. */
  core: OpenCore;
  close(): Promise<void>;
}

const FORBIDDEN = { ok: false, error: { code: 'FORBIDDEN', message: '拒绝访问：请求来源无效' } } as const;
const NO_SESSION_TEXT = '未授权：请用启动 OneBag 服务时终端中显示的链接打开本页面（每次启动的链接都不同）';
const NO_SESSION = { ok: false, error: { code: 'FORBIDDEN', message: NO_SESSION_TEXT } } as const;
/** A file Vite built under assets/ with its content hash in the name (vite's default assetFileNames). */
const HASHED_ASSET = /^\/assets\/[^/]+-[\w-]{8}\.\w+$/;
const BAD_SECRET_TEXT = '链接无效：密钥不正确或已随服务重启失效。请使用终端中最新显示的链接';

export function defaultRendererDir(): string {
  const candidates = [path.resolve('dist/renderer')];
  if (typeof __dirname !== 'undefined')
    candidates.push(path.resolve(__dirname, '../../dist/renderer'), path.resolve(__dirname, '../renderer'));
  return candidates.find((d) => fs.existsSync(path.join(d, 'index.html'))) ?? candidates[0]!;
}

function sameToken(expected: Buffer, given: string | null | undefined): boolean {
  if (!given) return false;
  const b = Buffer.from(given, 'utf8');
  return b.length === expected.length && timingSafeEqual(b, expected);
}

/** The value of one cookie from the Cookie header, or null. */
function readCookie(req: IncomingMessage, name: string): string | null {
  const header = req.headers.cookie;
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    let over = false;
    req.on('data', (c: Buffer) => {
      if (over) return;
      total += c.length;
      if (total > limit) {
        over = true;
        chunks.length = 0;
        resolve(null);
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => {
      if (!over) resolve(Buffer.concat(chunks));
    });
    req.on('error', reject);
  });
}

/** Starts the loopback bridge: the built renderer plus the same handler table Electron uses. */
export async function startBridge(opts: BridgeOptions): Promise<Bridge> {
  const rendererDir = path.resolve(opts.rendererDir ?? defaultRendererDir());
  const maxBody = opts.maxBodyBytes ?? 64 * 1024 * 1024;
  // The secret travels once, in the URL the starter opens; the session id lives only in an HttpOnly cookie.
  const secret = randomBytes(32).toString('hex');
  const secretBuf = Buffer.from(secret, 'utf8');
  const session = randomBytes(32).toString('hex');
  const sessionBuf = Buffer.from(session, 'utf8');
  const sse = new Set<ServerResponse>();
  let port = 0;
  let cookieName = 'onebag_session';

  const core = openCore({
    dataDir: path.resolve(opts.dataDir),
    host: {
      kind: 'bridge',
      blobUrl: (sha256) => `/blob/${sha256}`,
      progress: (e: ProgressEvent) => {
        const frame = `event: progress\ndata: ${JSON.stringify(e)}\n\n`;
        for (const res of sse) res.write(frame);
      },
    },
  });

  /** Only loopback Host names on our port, same-origin Origin, and no cross-site fetches. */
  const allowedRequest = (req: IncomingMessage): boolean => {
    const host = req.headers.host;
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) return false;
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== `http://${host}`) return false;
    const site = req.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin' && site !== 'none') return false;
    return true;
  };

  const serveIndex = (res: ServerResponse) => {
    const index = path.join(rendererDir, 'index.html');
    let html: string;
    try {
      html = fs.readFileSync(index, 'utf8');
    } catch {
      sendText(res, 503, `界面尚未构建：找不到 ${index}。请先运行 npm run build:renderer`);
      return;
    }
    const body = Buffer.from(injectBridgeScript(html), 'utf8');
    res.writeHead(200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Length': body.length,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      'X-Frame-Options': 'DENY',
      'Referrer-Policy': 'no-referrer',
    });
    res.end(body);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (!allowedRequest(req)) {
      sendJson(res, 403, FORBIDDEN);
      return;
    }
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const p = url.pathname;
    const method = req.method ?? 'GET';

    // The one unauthenticated request: the starter's link, exchanged for the session cookie.
    if (p === '/' && url.searchParams.has('k') && (method === 'GET' || method === 'HEAD')) {
      if (!sameToken(secretBuf, url.searchParams.get('k'))) return sendText(res, 403, BAD_SECRET_TEXT);
      // Not a 302: a redirect chain that began cross-site (a launcher file, another app) would not
      // carry a SameSite=Strict cookie; a navigation started by this page itself does.
      const body = Buffer.from(
        '<!doctype html><meta charset="utf-8"><meta http-equiv="refresh" content="0;url=/"><title>OneBag</title>' +
          '<script>location.replace("/")</script><a href="/">进入 OneBag</a>',
        'utf8',
      );
      res.writeHead(200, {
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Length': body.length,
        'Set-Cookie': `${cookieName}=${session}; Path=/; HttpOnly; SameSite=Strict`,
        'Cache-Control': 'no-store',
        'Referrer-Policy': 'no-referrer',
        'X-Frame-Options': 'DENY',
      });
      res.end(method === 'HEAD' ? undefined : body);
      return;
    }
    if (!sameToken(sessionBuf, readCookie(req, cookieName))) {
      if (p.startsWith('/api/')) return sendJson(res, 401, NO_SESSION);
      return sendText(res, 401, NO_SESSION_TEXT);
    }

    if (p === '/api/invoke') {
      if (method !== 'POST') return sendJson(res, 405, { ok: false, error: { code: 'UNSUPPORTED', message: '请求方法不受支持' } });
      // A custom header cannot be sent cross-origin without a preflight, which is never answered.
      if (req.headers['x-onebag-request'] !== '1') return sendJson(res, 403, FORBIDDEN);
      const body = await readBody(req, maxBody);
      if (body === null) {
        sendJson(res, 413, { ok: false, error: { code: 'INVALID_INPUT', message: '上传的数据过大' } });
        req.destroy();
        return;
      }
      let msg: { channel?: unknown; input?: unknown };
      try {
        msg = JSON.parse(body.toString('utf8')) as typeof msg;
      } catch {
        return sendJson(res, 400, { ok: false, error: { code: 'INVALID_INPUT', message: '请求格式错误' } });
      }
      if (typeof msg?.channel !== 'string') {
        return sendJson(res, 400, { ok: false, error: { code: 'INVALID_INPUT', message: '请求缺少操作名称' } });
      }
      return sendJson(res, 200, await dispatch(core.handlers, msg.channel, msg.input, core.ctx.dataDir));
    }

    if (method !== 'GET' && method !== 'HEAD') return sendText(res, 405, '请求方法不受支持');

    if (p === '/api/events') {
      res.writeHead(200, {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
      });
      res.write(': connected\n\n');
      sse.add(res);
      req.on('close', () => sse.delete(res));
      return;
    }

    const blob = /^\/blob\/([0-9a-f]{64})$/.exec(p);
    if (blob) {
      const sha = blob[1]!;
      const row = blobMeta(core.ctx.db, sha);
      if (!row || !core.blobs.has(sha)) return sendText(res, 404, '找不到该文件');
      return sendFile(req, res, core.blobs.pathOf(sha), row.mime, {
        'Cache-Control': 'private, max-age=31536000, immutable',
        // Active content (scripts, launch actions, attachments): never opened inline by the browser's
        // own PDF viewer, which may run scripts; the app's preview (pdf.js, scripting off) still fetches it.
        ...(row.flags ? { 'Content-Disposition': 'attachment', 'Content-Security-Policy': 'sandbox' } : {}),
      });
    }

    const batchZip = BATCH_ZIP_ROUTE.exec(p);
    if (batchZip) {
      const r = await dispatch(core.handlers, 'dossier.batch.status', { jobId: batchZip[1] }, core.ctx.dataDir);
      if (!r.ok) return sendText(res, 404, r.error.message);
      return sendBatchZip(req, res, r.value as BatchStatus);
    }

    if (p === '/onebag-bridge.js') {
      const body = Buffer.from(bridgeClientScript(), 'utf8');
      res.writeHead(200, {
        'Content-Type': 'text/javascript; charset=utf-8',
        'Content-Length': body.length,
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      });
      res.end(body);
      return;
    }

    if (p === '/' || p === '/index.html') return serveIndex(res);

    const file = resolveStaticPath(rendererDir, p);
    if (!file) return sendText(res, 403, '拒绝访问');
    if (fs.existsSync(file) && fs.statSync(file).isFile()) {
      // Vite names what it builds under assets/ by content (index-DAueCEXk.js): such a file never
      // changes, so the browser keeps it and a reload does not fetch and parse it again (issue 15).
      const cache = HASHED_ASSET.test(p) ? 'private, max-age=31536000, immutable' : 'no-cache';
      return sendFile(req, res, file, staticMime(file), { 'Cache-Control': cache });
    }
    // Browsers ask for a favicon on their own; the app has none to serve here.
    if (p === '/favicon.ico') {
      res.writeHead(204, { 'Cache-Control': 'max-age=86400' });
      res.end();
      return;
    }
    // Client-side routes fall back to the app; missing assets are plain 404s.
    if (path.extname(p) === '') return serveIndex(res);
    return sendText(res, 404, '找不到该文件');
  };

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      console.error('[bridge]', err);
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'INTERNAL', message: '内部错误' } });
      else res.destroy();
    });
  });
  const heartbeat = setInterval(() => {
    for (const res of sse) res.write(': ping\n\n');
  }, 20_000);
  heartbeat.unref();

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(opts.port ?? 0, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (err) {
    clearInterval(heartbeat);
    core.close();
    throw err;
  }
  port = (server.address() as AddressInfo).port;
  // Cookies ignore the port: a per-port name keeps two bridges on one machine apart.
  cookieName = `onebag_session_${port}`;

  let closing: Promise<void> | null = null;
  return {
    url: `http://127.0.0.1:${port}`,
    openUrl: `http://127.0.0.1:${port}/?k=${secret}`,
    port,
    dataDir: core.ctx.dataDir,
    core,
    close() {
      closing ??= new Promise<void>((resolve) => {
        clearInterval(heartbeat);
        for (const res of sse) res.end();
        sse.clear();
        server.close(() => {
          core.close();
          resolve();
        });
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
