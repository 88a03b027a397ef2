import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { t, type Lang } from '../i18n/index.js';
import { esc } from '../export/html/svg.js';
import type { Preview } from './state.js';

const LIVE_JS = `"use strict";(function(){var v=document.documentElement.getAttribute("data-version");var es=new EventSource("/__events");es.addEventListener("version",function(e){if(e.data!==v)location.reload()})})();`;

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8' };

function diagnosticsPanel(preview: Preview, lang: Lang): string {
  const s = preview.state;
  const zh = lang === 'zh';
  const rows = s.diagnostics.map((d) => `<li class="diag diag-${d.severity}"><code>${esc(`${d.file}:${d.line}:${d.column}`)}</code> <strong>${esc(d.severity)}</strong> ${esc(t(d.message, lang))} <small>(${esc(d.rule)})</small>${d.hint ? `<br><small>${esc(t(d.hint, lang))}</small>` : ''}</li>`);
  const head = s.diagnostics.length ? (zh ? `校验发现 ${s.diagnostics.length} 个问题` : `${s.diagnostics.length} problem(s) found`) : zh ? '校验通过，没有问题' : 'valid: no problems';
  return `<section id="diagnostics" aria-labelledby="diag-h" class="noprint"><h2 id="diag-h">${esc(head)}${s.stale ? (zh ? '（体系文件无法解析，显示的是上一次的内容）' : ' (the system file does not parse; showing the previous version)') : ''}</h2>${rows.length ? `<ul>${rows.join('')}</ul>` : ''}<p class="diag-meta">${zh ? `第 ${s.version} 次校验，用时 ${Math.round(s.ms)} ms；保存文件后自动刷新。` : `check #${s.version}, ${Math.round(s.ms)} ms; refreshes when you save.`}</p></section>`;
}

/** The preview server: the site's pages with the diagnostics on top and a live-reload script, on localhost only. */
export class PreviewServer {
  private server?: Server;
  private clients = new Set<ServerResponse>();

  constructor(private readonly preview: Preview, private readonly lang: Lang) {}

  listen(port: number): Promise<number> {
    this.server = createServer((req, res) => this.handle(req, res));
    return new Promise((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(port, '127.0.0.1', () => resolve((this.server!.address() as AddressInfo).port));
    });
  }

  /** Tell every open page the new version; pages with an older one reload. */
  notify(): void {
    for (const c of this.clients) c.write(`event: version\ndata: ${this.preview.state.version}\n\n`);
  }

  close(): Promise<void> {
    for (const c of this.clients) c.end();
    this.clients.clear();
    return new Promise((resolve) => {
      if (!this.server) return resolve();
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/__events') {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      res.write(`retry: 300\nevent: version\ndata: ${this.preview.state.version}\n\n`);
      this.clients.add(res);
      req.on('close', () => this.clients.delete(res));
      return;
    }
    if (url.pathname === '/favicon.ico') return this.send(res, 204, 'image/x-icon', '');
    if (url.pathname === '/__live.js') return this.send(res, 200, TYPES['.js']!, LIVE_JS);
    if (url.pathname === '/__diagnostics.json') return this.send(res, 200, 'application/json', JSON.stringify({ version: this.preview.state.version, diagnostics: this.preview.state.diagnostics }));
    let p = decodeURIComponent(url.pathname).replace(/^\/+/, '');
    if (p === '' || p.endsWith('/')) p += 'index.html';
    const site = this.preview.state.site;
    const text = site?.render(p);
    const ext = p.slice(p.lastIndexOf('.'));
    if (text === undefined) {
      if (ext !== '.html' && p !== 'index.html') return this.send(res, 404, 'text/plain; charset=utf-8', 'not found');
      return this.send(res, site ? 404 : 200, TYPES['.html']!, this.inject(`<!DOCTYPE html><html lang="${this.lang === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8"><title>hrss-std serve</title></head><body><main id="main"><h1>${site ? 'not found' : 'hrss-std serve'}</h1></main></body></html>`));
    }
    this.send(res, 200, TYPES[ext] ?? 'application/octet-stream', ext === '.html' ? this.inject(text) : text);
  }

  private inject(html: string): string {
    return html
      .replace(/<html /, `<html data-version="${this.preview.state.version}" `)
      .replace('<main id="main">', `<main id="main">\n${diagnosticsPanel(this.preview, this.lang)}`)
      .replace('</body>', '<script src="/__live.js"></script>\n</body>');
  }

  private send(res: ServerResponse, status: number, type: string, body: string): void {
    res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
    res.end(body);
  }
}
