import { performance } from 'node:perf_hooks';
import { updateSyncRun, type Db } from '@mj/db';

/**
 * Progress reporting for one run: step text and counts go to the run's row, throttled so a fast sync
 * does not turn into a write per page; the heartbeat proves the worker is alive.
 */
export class RunProgress {
  #lastWrite = 0;
  #pending: { step: string; done: number; total: number | null } | null = null;
  #stepStarted = 0;
  /** Milliseconds spent per step label (watch-history steps are summed), for the run's report. */
  readonly stepMs: Record<string, number> = {};

  /**
   * `now` is the domain clock (heartbeats, row timestamps), which tests and benches freeze; durations
   * come from `elapsed`, a monotonic real timer, so a frozen clock cannot report every step as 0 ms.
   */
  constructor(
    private readonly db: Db,
    private readonly tenantId: string,
    private readonly runId: string,
    private readonly now: () => number,
    private readonly minIntervalMs = 250,
    private readonly elapsed: () => number = () => performance.now(),
  ) {}

  async step(step: string, done = 0, total: number | null = null): Promise<void> {
    this.#closeStep();
    this.#stepStarted = this.elapsed();
    this.#pending = { step, done, total };
    await this.#flush(true);
  }

  async advance(done: number, total: number | null): Promise<void> {
    if (!this.#pending) return;
    this.#pending = { ...this.#pending, done, total };
    await this.#flush(false);
  }

  /** Ends the timing of the current step. */
  finish(): void {
    this.#closeStep();
    this.#pending = null;
  }

  #closeStep() {
    if (!this.#pending) return;
    const label = this.#pending.step.replace(/: user \d+ of \d+$/, '');
    this.stepMs[label] = (this.stepMs[label] ?? 0) + Math.round(this.elapsed() - this.#stepStarted);
  }

  async heartbeat(): Promise<void> {
    await updateSyncRun(this.db, this.tenantId, this.runId, { heartbeatAt: this.now() });
  }

  async #flush(force: boolean): Promise<void> {
    const now = this.now();
    if (!this.#pending || (!force && now - this.#lastWrite < this.minIntervalMs)) return;
    this.#lastWrite = now;
    await updateSyncRun(this.db, this.tenantId, this.runId, { ...this.#pending, heartbeatAt: now });
  }
}
