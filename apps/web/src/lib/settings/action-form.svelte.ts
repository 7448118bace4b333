import type { SubmitFunction } from '@sveltejs/kit';
import { toasts } from '$lib/client/toasts.svelte';

/**
 * One settings form submitted with `use:enhance`: a busy flag for its button, a toast when the action
 * succeeds (the action returns `{ toast }`), and the form's values kept after a failure.
 */
export class ActionForm {
  pending = $state(false);
  readonly #reset: boolean;

  constructor(options: { reset?: boolean } = {}) {
    this.#reset = options.reset ?? false;
  }

  enhance: SubmitFunction = () => {
    this.pending = true;
    return async ({ result, update }) => {
      try {
        await update({ reset: this.#reset && result.type === 'success' });
        if (result.type === 'success' && typeof result.data?.toast === 'string') toasts.show(result.data.toast);
        if (result.type === 'error') toasts.show(String(result.error?.message ?? result.error), 'error');
      } finally {
        this.pending = false;
      }
    };
  };
}
