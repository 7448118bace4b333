#!/usr/bin/env node
// Container health check. The slim Node image has neither curl nor wget, so this uses Node itself.
//   node deploy/healthcheck.mjs                      GET http://127.0.0.1:$PORT/api/health (API liveness)
//   node deploy/healthcheck.mjs <http(s) URL>        any status below 400 counts (the web app redirects)
//   node deploy/healthcheck.mjs redis                PING the queue store named by REDIS_URL (worker)
// Exit code 0 = healthy, 1 = unhealthy (what Docker expects); the reason goes to stderr.
/* global fetch, AbortSignal -- Node 20 globals the shared ESLint config does not list */
import { connect as connectTcp } from 'node:net';
import { connect as connectTls } from 'node:tls';

const TIMEOUT_MS = 4000;

async function checkHttp(url) {
  const response = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(TIMEOUT_MS) });
  if (response.status >= 400) throw new Error(`${url} answered ${response.status}`);
}

/** Speaks just enough RESP for AUTH + PING, so the check needs no client library. */
function checkRedis(rawUrl) {
  if (!rawUrl) return Promise.reject(new Error('REDIS_URL is not set'));
  const url = new URL(rawUrl);
  const port = Number(url.port || 6379);
  const command = (...args) => `*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join('')}`;
  const password = decodeURIComponent(url.password);
  const user = decodeURIComponent(url.username);
  const auth = password ? command('AUTH', ...(user ? [user] : []), password) : '';
  return new Promise((resolve, reject) => {
    const socket =
      url.protocol === 'rediss:'
        ? connectTls({ host: url.hostname, port, servername: url.hostname })
        : connectTcp({ host: url.hostname, port });
    let received = '';
    socket.setTimeout(TIMEOUT_MS, () => socket.destroy(new Error(`Redis at ${url.host} did not answer in time`)));
    socket.on('error', reject);
    socket.on(url.protocol === 'rediss:' ? 'secureConnect' : 'connect', () => socket.write(auth + command('PING')));
    socket.on('data', (chunk) => {
      received += chunk.toString();
      if (received.startsWith('-')) socket.destroy(new Error(`Redis refused: ${received.trim()}`));
      else if (received.includes('+PONG')) {
        socket.end();
        resolve();
      }
    });
  });
}

const target = process.argv[2];
const port = process.env.PORT || '3000';
const check =
  target === 'redis' ? checkRedis(process.env.REDIS_URL) : checkHttp(target ?? `http://127.0.0.1:${port}/api/health`);

check.then(
  () => process.exit(0),
  (error) => {
    console.error(`unhealthy: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
