/**
 * A static server on 127.0.0.1 for end-to-end pages. Pages live in test/e2e/pages/ (and the demo
 * page in demo/); `?csp=...` on any URL sends that Content-Security-Policy header, so one fixture
 * can be served strict or not. `isolated` serves every file cross-origin isolated (COOP and COEP):
 * the bench's pages get `performance.now()` at 5 µs instead of the 100 µs Chromium gives other pages.
 */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { AddressInfo } from 'node:net';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

export interface StaticServer {
  origin: string;
  url(p: string): string;
  close(): Promise<void>;
}

export async function serve(roots: string[], port = 0, opts: { isolated?: boolean } = {}): Promise<StaticServer> {
  const server: Server = createServer(async (req, res) => {
    const u = new URL(req.url ?? '/', 'http://127.0.0.1');
    const rel = path.normalize(decodeURIComponent(u.pathname)).replace(/^([/\\])+/, '');
    for (const root of roots) {
      const file = path.join(root, rel || 'index.html');
      if (!file.startsWith(root)) break;
      try {
        const body = await readFile(file);
        const headers: Record<string, string> = { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' };
        const csp = u.searchParams.get('csp');
        if (csp) headers['content-security-policy'] = csp;
        if (opts.isolated) Object.assign(headers, { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' });
        res.writeHead(200, headers).end(body);
        return;
      } catch {
        // try the next root
      }
    }
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (p) => `${origin}/${p.replace(/^\//, '')}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
