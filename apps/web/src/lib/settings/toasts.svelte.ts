export interface Toast {
  id: number;
  message: string;
  tone: 'success' | 'error';
}

const TOAST_MS = 5000;

/**
 * Short confirmations of inline actions ("Saved", "Removed"). Toasts are only pushed from event handlers
 * in the browser, so one module-level list never mixes two users' server renders.
 */
class Toasts {
  items = $state<Toast[]>([]);
  #next = 1;

  show(message: string, tone: Toast['tone'] = 'success'): void {
    const id = this.#next++;
    this.items.push({ id, message, tone });
    setTimeout(() => this.dismiss(id), TOAST_MS);
  }

  dismiss(id: number): void {
    this.items = this.items.filter((toast) => toast.id !== id);
  }
}

export const toasts = new Toasts();
