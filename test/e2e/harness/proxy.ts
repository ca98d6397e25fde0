/**
 * A proxy that lets nothing through. Browsers launched with `launch(name, { proxy: p.url })` send
 * every request for a non-loopback host here (loopback, where the test servers live, goes direct),
 * so `requests` is the list of everything that tried to leave the machine. Each one is refused: a
 * test must never depend on, or leak to, the outside world.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface ProxyRequest {
  /** `CONNECT host:port` for TLS and WebSocket tunnels, `GET http://…` for plain HTTP. */
  method: string;
  target: string;
  at: number;
}

export interface RefusingProxy {
  /** `http://127.0.0.1:PORT`, for LaunchOptions.proxy. */
  url: string;
  port: number;
  /** Every request received since start (or since the last `clear()`), oldest first. */
  requests: ProxyRequest[];
  clear(): void;
  close(): Promise<void>;
}

export async function refusingProxy(): Promise<RefusingProxy> {
  const requests: ProxyRequest[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    requests.push({ method: req.method ?? '?', target: req.url ?? '?', at: Date.now() });
    res.writeHead(403, { 'content-type': 'text/plain', connection: 'close' }).end('refused by the test proxy');
  });
  server.on('connect', (req, socket: Socket) => {
    requests.push({ method: 'CONNECT', target: req.url ?? '?', at: Date.now() });
    socket.on('error', () => undefined);
    socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    clear: () => void requests.splice(0),
    close: () =>
      new Promise((resolve) => {
        // A browser keeps proxy connections alive; without this, close() waits for them to time out.
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
