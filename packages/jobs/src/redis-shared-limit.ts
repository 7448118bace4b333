import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';

// Atomically: forget expired holders, then take a slot if fewer than `limit` are held. Slots expire by
// themselves (score = expiry), so a worker that dies mid-request frees its slot after `ttl`.
const ACQUIRE = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[3]) then
  redis.call('ZADD', KEYS[1], tonumber(ARGV[1]) + tonumber(ARGV[2]), ARGV[4])
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return 1
end
return 0`;

/**
 * `MEDIA_CONCURRENCY` across every process: at most `limit` requests in flight towards one media
 * server (by origin), whichever worker sends them. Waiters poll with jitter; order is not strictly FIFO.
 */
export class RedisSharedLimit {
  constructor(
    private readonly redis: Redis,
    private readonly opts: { limit: number; ttlMs?: number; prefix?: string; pollMs?: number },
  ) {}

  async run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const slotKey = `${this.opts.prefix ?? 'mj'}:media-limit:${key}`;
    const token = randomBytes(8).toString('hex');
    const ttl = this.opts.ttlMs ?? 120_000;
    for (;;) {
      const got = await this.redis.eval(ACQUIRE, 1, slotKey, Date.now(), ttl, this.opts.limit, token);
      if (got === 1) break;
      const poll = this.opts.pollMs ?? 25;
      await new Promise((r) => setTimeout(r, poll + Math.random() * poll));
    }
    try {
      return await task();
    } finally {
      await this.redis.zrem(slotKey, token).catch(() => undefined);
    }
  }
}
