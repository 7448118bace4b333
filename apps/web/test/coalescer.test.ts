import { afterEach, describe, expect, it, vi } from 'vitest';
import { Coalescer } from '$lib/server/coalescer';

afterEach(() => {
  vi.useRealTimers();
});

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('Coalescer', () => {
  it('runs one task per key while it is in flight', async () => {
    const coalescer = new Coalescer<string>(1000);
    const gate = deferred<string>();
    const task = vi.fn(() => gate.promise);
    const first = coalescer.run('token-a', task);
    const second = coalescer.run('token-a', task);
    gate.resolve('new tokens');
    await expect(Promise.all([first, second])).resolves.toEqual(['new tokens', 'new tokens']);
    expect(task).toHaveBeenCalledTimes(1);
  });

  it('keeps different keys apart', async () => {
    const coalescer = new Coalescer<string>(1000);
    const results = await Promise.all([coalescer.run('a', async () => 'A'), coalescer.run('b', async () => 'B')]);
    expect(results).toEqual(['A', 'B']);
  });

  it('serves late callers during the grace period, then forgets', async () => {
    vi.useFakeTimers();
    const coalescer = new Coalescer<number>(10_000);
    let calls = 0;
    const task = async () => ++calls;
    expect(await coalescer.run('k', task)).toBe(1);
    await vi.advanceTimersByTimeAsync(9_000);
    expect(await coalescer.run('k', task)).toBe(1);
    await vi.advanceTimersByTimeAsync(1_001);
    expect(coalescer.size).toBe(0);
    expect(await coalescer.run('k', task)).toBe(2);
  });

  it('forgets a failure at once so the next call retries', async () => {
    const coalescer = new Coalescer<string>(10_000);
    await expect(coalescer.run('k', async () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    await Promise.resolve();
    await expect(coalescer.run('k', async () => 'ok')).resolves.toBe('ok');
  });
});
