// Small network helpers the benches share.
import { createServer } from 'node:net';

/** A port free on loopback right now (the OS picks it; the caller binds it next). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * fetch, retried once when the server had closed the kept-alive socket meanwhile (Node closes idle
 * sockets after 5 s, and a bench often waits longer than that between two requests); a second failure
 * is a real one.
 */
export async function fetchRetrying(input: string, init?: RequestInit): Promise<Response> {
  try {
    return await fetch(input, init);
  } catch {
    await new Promise((resolve) => setTimeout(resolve, 200));
    return fetch(input, init);
  }
}
