export type ToastTone = 'success' | 'error' | 'info';

export interface Toast {
  id: number;
  tone: ToastTone;
  message: string;
}

/**
 * The short-lived notices shown after an action. Toasts are only ever pushed from browser event
 * handlers, so one module-level instance is safe (the server never adds any).
 */
export class Toasts {
  items = $state<Toast[]>([]);
  #next = 1;

  constructor(private readonly lifetimeMs = 5000) {}

  show(message: string, tone: ToastTone = 'success'): number {
    const id = this.#next++;
    this.items = [...this.items.slice(-3), { id, tone, message }];
    // Errors stay until dismissed: they may need reading twice.
    if (tone !== 'error' && typeof window !== 'undefined') setTimeout(() => this.dismiss(id), this.lifetimeMs);
    return id;
  }

  dismiss(id: number): void {
    this.items = this.items.filter((toast) => toast.id !== id);
  }
}

export const toasts = new Toasts();
