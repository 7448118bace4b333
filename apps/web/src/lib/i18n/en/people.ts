/** English strings of the People and Libraries settings (spread into `en.ts`). */
export const peopleEn = {
  'nav.recent': 'Recent',

  'settings.peopleLink': 'People',
  'settings.peopleBody': 'Names shown for your Jellyfin and Jellyseerr users, and whose watching counts.',
  'settings.librariesLink': 'Libraries',
  'settings.librariesBody': 'Which Jellyfin libraries the analyses look at.',

  'people.lead': 'Give each person the name your household knows them by. Leave a name empty to show the server’s.',
  'people.jellyfin': 'Jellyfin users',
  'people.jellyseerr': 'Jellyseerr users',
  'people.displayName': 'Display name for {name}',
  'people.serverName': 'On the server: {name}',
  'people.goneFromServer': 'No longer on the server',
  'people.counted': 'Count this person’s watching',
  'people.countedHint': 'Untick for guest or test accounts: what they watch will not keep titles from looking old.',
  'people.none': 'No users yet. They appear after the first sync of a connected server.',
  'people.saved': 'People saved.',

  'libraries.lead': 'Only the ticked libraries are analysed. By default, every movie, show and mixed library is.',
  'libraries.usingDefault': 'You are using the default choice.',
  'libraries.customChoice': 'You chose these libraries yourself.',
  'libraries.defaultMark': 'default',
  'libraries.none': 'No libraries yet. They appear after the first sync of your Jellyfin server.',
  'libraries.useDefault': 'Use the default',
  'libraries.saved': 'Libraries saved.',
  'libraries.defaultRestored': 'Back to the default libraries.',
  'libraries.noneSelected': 'Tick at least one library, or use the default.',
} as const;
