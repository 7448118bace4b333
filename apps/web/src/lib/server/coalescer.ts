/**
 * Runs at most one task per key at a time and lets late callers reuse its result for a short grace period.
 *
 * Refresh tokens rotate and the API treats a second use of the same token as theft (it revokes the whole
 * family). A page load often triggers parallel requests carrying the same expired cookie (document,
 * `__data.json`, preloads), and a request may still carry the old cookie just after a refresh finished;
 * sharing one refresh among them keeps the user logged in.
 */
export class Coalescer<T> {
  readonly #entries = new Map<string, Promise<T>>();

  constructor(private readonly graceMs: number) {}

  run(key: string, task: () => Promise<T>): Promise<T> {
    const existing = this.#entries.get(key);
    if (existing) return existing;
    const promise = task();
    this.#entries.set(key, promise);
    const forget = () => {
      const timer = setTimeout(() => {
        if (this.#entries.get(key) === promise) this.#entries.delete(key);
      }, this.graceMs);
      timer.unref?.();
    };
    // Failures are forgotten at once: a retry after a transient API error must really retry.
    promise.then(forget, () => {
      if (this.#entries.get(key) === promise) this.#entries.delete(key);
    });
    return promise;
  }

  get size(): number {
    return this.#entries.size;
  }
}
