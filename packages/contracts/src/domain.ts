// The parts of the domain rules a client needs to validate and label input before sending it (the bounds
// of every setting, whitelist types, the language table, the default libraries). Clients import them from
// contracts, so the web never depends on core directly and the API stays the one source of truth.
export {
  WHITELIST_TYPES,
  LANGUAGE_OPTIONS,
  SETTINGS_BOUNDS,
  normaliseLanguage,
  defaultIncludedLibraries,
  type WhitelistType,
  type LanguageOption,
  type IntegerBounds,
  type MediaLibrary,
} from '@mj/core';
