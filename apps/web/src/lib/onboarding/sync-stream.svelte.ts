import { SyncStatusResponse } from '@mj/contracts';
import { parseStatusEvent } from './sync-view';

const parse = (value: unknown) => {
  const parsed = SyncStatusResponse.safeParse(value);
  return parsed.success ? parsed.data : null;
};

const RETRY_MS = 2000;

/**
 * Live sync status from `GET /api/sync/events` (server-sent events, authenticated by the access cookie).
 * When the stream fails, the session is refreshed once through `/session/refresh` (the access cookie may
 * have expired) before reconnecting; the browser's own retry would keep getting 401s.
 */
export class SyncStream {
  status = $state<SyncStatusResponse | null>(null);
  connected = $state(false);
  #source: EventSource | null = null;
  #retry: ReturnType<typeof setTimeout> | null = null;
  #stopped = false;

  constructor(initial: SyncStatusResponse | null) {
    this.status = initial;
  }

  start(): void {
    this.#stopped = false;
    this.#open();
  }

  stop(): void {
    this.#stopped = true;
    if (this.#retry) clearTimeout(this.#retry);
    this.#source?.close();
    this.#source = null;
    this.connected = false;
  }

  #open(): void {
    if (this.#stopped) return;
    const source = new EventSource('/api/sync/events', { withCredentials: true });
    this.#source = source;
    source.onopen = () => {
      this.connected = true;
    };
    source.addEventListener('status', (event) => {
      const status = parseStatusEvent((event as MessageEvent<string>).data, parse);
      if (status) this.status = status;
    });
    source.onerror = () => {
      source.close();
      this.connected = false;
      if (this.#stopped) return;
      this.#retry = setTimeout(() => void this.#recover(), RETRY_MS);
    };
  }

  async #recover(): Promise<void> {
    try {
      await fetch('/session/refresh', { method: 'POST', credentials: 'same-origin' });
    } catch {
      // Offline: the next attempt will tell.
    }
    this.#open();
  }
}
