import type { SubmitFunction } from '@sveltejs/kit';

/**
 * Tracks one form's in-flight submission for `use:enhance`, so its submit button can show a busy state
 * and refuse double submits. Without JavaScript the form still posts normally.
 */
export class Submission {
  pending = $state(false);

  enhance: SubmitFunction = () => {
    this.pending = true;
    return async ({ update }) => {
      try {
        // Resetting the form after a failure would wipe what the user typed: keep it.
        await update({ reset: false });
      } finally {
        this.pending = false;
      }
    };
  };
}
