import { spawn } from 'node:child_process';
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createServer as createTcpServer, type AddressInfo, type Server as TcpServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { repoPath } from './support/repo-files';

/** Runs deploy/healthcheck.mjs as Docker would and returns its exit code and stderr. */
function runCheck(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [repoPath('deploy/healthcheck.mjs'), ...args], {
      env: { PATH: process.env.PATH ?? '', ...env },
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stderr }));
  });
}

const servers: (HttpServer | TcpServer)[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

async function listen<S extends HttpServer | TcpServer>(server: S): Promise<number> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

/** An HTTP server answering every request with `status`, remembering the paths asked for. */
async function httpStub(status: number) {
  const paths: string[] = [];
  const port = await listen(
    createHttpServer((req, res) => {
      paths.push(req.url ?? '');
      res.writeHead(status, status === 303 ? { location: '/login' } : {}).end();
    }),
  );
  return { port, paths };
}

/** A Redis stand-in speaking RESP: answers each command with `reply(command words)`. */
async function redisStub(reply: (words: string[]) => string) {
  const commands: string[][] = [];
  const port = await listen(
    createTcpServer((socket) => {
      socket.on('data', (chunk) => {
        // Commands arrive as RESP arrays of bulk strings; keep only the words.
        const lines = chunk.toString().split('\r\n');
        for (let i = 0; i < lines.length; i += 1) {
          if (!lines[i]!.startsWith('*')) continue;
          const words = Array.from({ length: Number(lines[i]!.slice(1)) }, (_, k) => lines[i + 2 + k * 2]!);
          commands.push(words);
          socket.write(reply(words));
        }
      });
    }),
  );
  return { port, commands };
}

describe('deploy/healthcheck.mjs', () => {
  it('checks /api/health on $PORT by default', async () => {
    const stub = await httpStub(200);
    expect((await runCheck([], { PORT: String(stub.port) })).code).toBe(0);
    expect(stub.paths).toEqual(['/api/health']);
  });

  it('fails on a 503 (the readiness route with a dependency down)', async () => {
    const stub = await httpStub(503);
    const result = await runCheck([`http://127.0.0.1:${stub.port}/api/ready`]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/answered 503/);
  });

  it('accepts a redirect (the web app sends visitors to its login page)', async () => {
    const stub = await httpStub(303);
    expect((await runCheck([`http://127.0.0.1:${stub.port}/`])).code).toBe(0);
    expect(stub.paths).toEqual(['/']);
  });

  it('fails when nothing listens', async () => {
    const stub = await httpStub(200);
    await new Promise((resolve) => servers.pop()!.close(resolve));
    expect((await runCheck([], { PORT: String(stub.port) })).code).toBe(1);
  });

  it('pings Redis, authenticating with the password from REDIS_URL', async () => {
    const stub = await redisStub((words) => (words[0] === 'PING' ? '+PONG\r\n' : '+OK\r\n'));
    const result = await runCheck(['redis'], { REDIS_URL: `redis://:s%40cret@127.0.0.1:${stub.port}` });
    expect(result.code).toBe(0);
    expect(stub.commands).toEqual([['AUTH', 's@cret'], ['PING']]);
  });

  it('fails when Redis refuses the command', async () => {
    const stub = await redisStub(() => '-NOAUTH Authentication required.\r\n');
    const result = await runCheck(['redis'], { REDIS_URL: `redis://127.0.0.1:${stub.port}` });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/NOAUTH/);
    expect(stub.commands).toEqual([['PING']]);
  });

  it('fails when REDIS_URL is missing', async () => {
    const result = await runCheck(['redis']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/REDIS_URL is not set/);
  });
});
