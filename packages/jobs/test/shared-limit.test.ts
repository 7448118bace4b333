import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { RedisSharedLimit } from '../src';

const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

describe('per-server request limit shared through Redis', () => {
  const connections = [new Redis(redisUrl), new Redis(redisUrl)];
  afterAll(async () => {
    for (const c of connections) await c.quit();
  });

  it('never lets more than `limit` tasks run at once across limiter instances (processes)', async () => {
    const prefix = `mjtest${randomBytes(3).toString('hex')}`;
    const limiters = connections.map((c) => new RedisSharedLimit(c, { limit: 2, prefix, pollMs: 5 }));
    let inFlight = 0;
    let peak = 0;
    const task = async () => {
      inFlight += 1;
      peak = Math.max(peak, inFlight);
      await new Promise((r) => setTimeout(r, 20));
      inFlight -= 1;
    };
    await Promise.all(Array.from({ length: 12 }, (_, i) => limiters[i % 2]!.run('http://jellyfin.example:8096', task)));
    expect(peak).toBe(2);
  });

  it('keeps servers apart and frees slots when a task fails', async () => {
    const prefix = `mjtest${randomBytes(3).toString('hex')}`;
    const limiter = new RedisSharedLimit(connections[0]!, { limit: 1, prefix, pollMs: 5 });
    await expect(limiter.run('a', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    // Slot of "a" was released; "b" is independent.
    const order: string[] = [];
    await Promise.all([
      limiter.run('a', async () => void order.push('a')),
      limiter.run('b', async () => void order.push('b')),
    ]);
    expect(order.sort()).toEqual(['a', 'b']);
  });

  it('a slot left by a dead holder expires after its ttl', async () => {
    const prefix = `mjtest${randomBytes(3).toString('hex')}`;
    const key = `${prefix}:media-limit:s`;
    await connections[0]!.zadd(key, Date.now() + 50, 'dead-holder');
    const limiter = new RedisSharedLimit(connections[0]!, { limit: 1, prefix, ttlMs: 1000, pollMs: 5 });
    const started = Date.now();
    await limiter.run('s', async () => undefined);
    expect(Date.now() - started).toBeGreaterThanOrEqual(40);
  });
});
