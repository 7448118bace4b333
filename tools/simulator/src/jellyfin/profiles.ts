export type JellyfinProfile = '10.10' | '10.11' | '12.0';

export const JELLYFIN_VERSIONS: Readonly<Record<JellyfinProfile, string>> = {
  '10.10': '10.10.7',
  '10.11': '10.11.3',
  '12.0': '12.0.0',
};

export interface ProfileTraits {
  /** `X-Emby-Token`, `X-Emby-Authorization` and `?api_key=` still accepted. */
  legacyAuth: boolean;
  /** `/Users/{id}/Items` still routed. */
  legacyUserItems: boolean;
  /** OriginalLanguage (items), LocalizedLanguage and IsOriginal (audio streams). */
  languageFields: boolean;
}

export const TRAITS: Readonly<Record<JellyfinProfile, ProfileTraits>> = {
  '10.10': { legacyAuth: true, legacyUserItems: true, languageFields: false },
  '10.11': { legacyAuth: true, legacyUserItems: true, languageFields: false },
  '12.0': { legacyAuth: false, legacyUserItems: false, languageFields: true },
};
