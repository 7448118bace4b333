import type { UserDto } from '@mj/contracts';
import type { Locale } from '$lib/i18n';
import type { Theme } from '$lib/preferences';

declare global {
  namespace App {
    interface Locals {
      user: UserDto | null;
      /** The API access token for server-side calls on the user's behalf. */
      accessToken: string | null;
      locale: Locale;
      theme: Theme;
    }
    interface Error {
      message: string;
      code?: string;
    }
  }
}

export {};
