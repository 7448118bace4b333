import { createContext } from 'svelte';
import { translate, type Locale, type MessageKey, type MessageParams } from '$lib/i18n';
import type { Theme } from '$lib/preferences';

export interface PreferenceSource {
  locale: Locale;
  theme: Theme;
}

/**
 * Per-request display preferences (language, theme) for components. It reads the root layout data through
 * a getter, so a preference change that reloads that data re-renders every string without a second copy
 * of the state; one instance per component tree keeps SSR requests isolated.
 */
export class Preferences {
  readonly #source: () => PreferenceSource;

  constructor(source: () => PreferenceSource) {
    this.#source = source;
  }

  get locale(): Locale {
    return this.#source().locale;
  }

  get theme(): Theme {
    return this.#source().theme;
  }

  t = (key: MessageKey, params?: MessageParams): string => translate(this.locale, key, params);
}

export const [getPreferences, setPreferences] = createContext<Preferences>();
