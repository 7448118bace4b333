import { readFileSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

export type Handler = (req: IncomingMessage, res: ServerResponse) => unknown;

export interface TestServer {
  /** http(s)://127.0.0.1:<port> */
  url: string;
  port: number;
  requests: { method: string; url: string; headers: IncomingMessage['headers'] }[];
  close(): Promise<void>;
}

// Self-signed cert for CN=localhost (SAN localhost, media.test, 127.0.0.1), generated once with
// `openssl req -x509 -newkey rsa:2048 -nodes -days 36500` because node:crypto cannot create X.509.
const fixture = (name: string): string => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
export const TEST_CERT = readFileSync(fixture('test-cert.pem'), 'utf8');
export const TEST_KEY = readFileSync(fixture('test-key.pem'), 'utf8');
export const TEST_CERT_FINGERPRINT =
  'A6:E9:1D:D8:BE:70:A0:32:AE:07:A2:D7:46:AA:DA:C0:12:63:30:B5:B1:B3:57:5B:22:DC:27:9C:36:09:09:DE';

async function listen(server: Server, scheme: 'http' | 'https', requests: TestServer['requests']): Promise<TestServer> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${scheme}://127.0.0.1:${port}`,
    port,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function wrap(handler: Handler, requests: TestServer['requests']): Handler {
  return async (req, res) => {
    requests.push({ method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers });
    try {
      await handler(req, res);
    } catch (err) {
      res.statusCode = 500;
      res.end(String(err));
    }
  };
}

export function startHttpServer(handler: Handler): Promise<TestServer> {
  const requests: TestServer['requests'] = [];
  return listen(createHttpServer(wrap(handler, requests)), 'http', requests);
}

export function startHttpsServer(handler: Handler): Promise<TestServer> {
  const requests: TestServer['requests'] = [];
  return listen(createHttpsServer({ cert: TEST_CERT, key: TEST_KEY }, wrap(handler, requests)), 'https', requests);
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}
