import type { SyncStatusResponse } from '@mj/contracts';
import { apiPath } from '$lib/api/paths';
import type { components } from '$lib/api/schema';
import { api, SESSION_REFRESH_PATH } from '$lib/client/api';
import { parseStatusEvent } from './sync-text';

export const SYNC_EVENTS_PATH = apiPath('/api/sync/events');

/** The stream's `event: status` data, typed from the OpenAPI document like every other answer (ADR 0009). */
type SyncStatusEvent = components['schemas']['SyncStatusEvent'];

// No schema check: the type comes from the document. Only text that is not a status object is dropped.
const parseStatus = (value: unknown): SyncStatusEvent | null =>
  typeof value === 'object' && value !== null && 'state' in value ? (value as SyncStatusEvent) : null;

/**
 * The one live-sync client of the web app (dashboard and onboarding). Follows the tenant's sync through the server-sent status stream while one is queued or running, and
 * reports when it finishes so the page can reload its figures. The stream is closed when idle: an open
 * dashboard tab should not keep a connection (and a server-side poll) alive for nothing.
 */
export class SyncMonitor {
  status = $state<SyncStatusResponse>();
  starting = $state(false);
  #source: EventSource | null = null;
  #refreshedAfterError = false;
  /** The run started from this page: the stream's first events may still describe the previous one. */
  #awaitedRun = $state<string | null>(null);

  constructor(
    initial: SyncStatusResponse,
    private readonly onFinished: (status: SyncStatusResponse) => void,
  ) {
    this.status = initial;
  }

  get active(): boolean {
    return (
      this.starting || this.#awaitedRun !== null || this.status?.state === 'queued' || this.status?.state === 'running'
    );
  }

  /** Opens the stream if a sync is under way (call once mounted in the browser). */
  resume(): void {
    if (this.active) this.#listen();
  }

  /** Follows a run started elsewhere (the onboarding's form action) until it has finished. */
  follow(runId: string): void {
    this.#awaitedRun = runId;
    this.#listen();
  }

  async start(allowShrink = false): Promise<void> {
    this.starting = true;
    try {
      const {
        data: { runId },
      } = await api.POST('/api/sync', { body: allowShrink ? { allowShrink } : {} });
      this.#awaitedRun = runId;
      this.status = {
        state: 'queued',
        runId,
        progress: { step: null, done: 0, total: null },
        lastRun: this.status?.lastRun ?? null,
      };
      this.#listen();
    } finally {
      this.starting = false;
    }
  }

  stop(): void {
    this.#source?.close();
    this.#source = null;
  }

  #listen(): void {
    if (this.#source) return;
    const source = new EventSource(SYNC_EVENTS_PATH);
    this.#source = source;
    source.addEventListener('status', (event) => {
      const status = parseStatusEvent((event as MessageEvent<string>).data, parseStatus);
      if (!status) return;
      this.#refreshedAfterError = false;
      const idle = status.state === 'idle';
      // The stream's first events may still describe the previous run: wait for the awaited one.
      if (idle && this.#awaitedRun !== null && status.lastRun?.id !== this.#awaitedRun) return;
      this.status = status;
      if (!idle) return;
      this.#awaitedRun = null;
      this.stop();
      this.onFinished(status);
    });
    source.addEventListener('error', () => {
      // An expired access cookie ends the stream with a 401: renew the session once and reconnect.
      if (source.readyState !== EventSource.CLOSED || this.#refreshedAfterError) return;
      this.#refreshedAfterError = true;
      this.stop();
      void fetch(SESSION_REFRESH_PATH, { method: 'POST', credentials: 'same-origin' }).finally(() => this.#listen());
    });
  }
}
