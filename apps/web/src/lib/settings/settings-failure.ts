/** What a failed settings save hands back: which form it was, its messages and what the user typed. */
export interface SettingsFailure {
  section: string;
  message: string;
  fieldErrors: Record<string, string>;
  values: Record<string, string>;
}

/** The failed settings save in a page's `form` prop, if the last action was one. */
export function settingsFailureOf(form: unknown): SettingsFailure | null {
  if (typeof form !== 'object' || form === null || !('settingsFailure' in form)) return null;
  return (form.settingsFailure as SettingsFailure | undefined) ?? null;
}
