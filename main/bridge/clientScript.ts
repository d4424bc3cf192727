/**
 * The script the bridge serves at /onebag-bridge.js: defines `window.onebag` exactly like the
 * Electron preload does (shared/window.ts), over fetch and server-sent events.
 * It holds no secret: the HttpOnly session cookie authenticates every request, and the
 * x-onebag-request header makes cross-origin use need a preflight the bridge never answers.
 */
export function bridgeClientScript(): string {
  return `/* OneBag loopback bridge client */
(function () {
  'use strict';
  var listeners = new Set();
  var source = null;
  function fail(message) {
    return { ok: false, error: { code: 'INTERNAL', message: message } };
  }
  function openEvents() {
    if (source) return;
    source = new EventSource('/api/events');
    source.addEventListener('progress', function (m) {
      var e;
      try { e = JSON.parse(m.data); } catch (_) { return; }
      listeners.forEach(function (l) { try { l(e); } catch (err) { console.error(err); } });
    });
  }
  function invoke(channel, input) {
    return fetch('/api/invoke', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-onebag-request': '1' },
      credentials: 'same-origin',
      body: JSON.stringify({ channel: channel, input: input === undefined ? {} : input }),
      cache: 'no-store',
    }).then(function (r) {
      return r.text().then(function (text) {
        try { return JSON.parse(text); } catch (_) { return fail('本机服务返回了无法识别的响应（HTTP ' + r.status + '）'); }
      });
    }, function () {
      return fail('无法连接到本机 OneBag 服务，请确认服务仍在运行');
    });
  }
  function onProgress(listener) {
    listeners.add(listener);
    openEvents();
    return function () {
      listeners.delete(listener);
      if (listeners.size === 0 && source) { source.close(); source = null; }
    };
  }
  Object.defineProperty(window, 'onebag', {
    value: Object.freeze({ invoke: invoke, onProgress: onProgress }),
    writable: false,
    configurable: false,
    enumerable: true,
  });
})();
`;
}

/** Puts the bridge script in index.html before any other script, so window.onebag exists first. */
export function injectBridgeScript(html: string): string {
  const tag = '<script src="/onebag-bridge.js"></script>';
  const head = /<head(\s[^>]*)?>/i.exec(html);
  if (head) return html.slice(0, head.index + head[0].length) + tag + html.slice(head.index + head[0].length);
  const firstScript = html.search(/<script/i);
  if (firstScript >= 0) return html.slice(0, firstScript) + tag + html.slice(firstScript);
  return tag + html;
}
