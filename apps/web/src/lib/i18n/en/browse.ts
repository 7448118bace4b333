/** English strings for the recently-available list, the library browser and the help page. */
export const browseEn = {
  'nav.help': 'Help',
  'recent.title': 'Recently available',
  'recent.lead': 'Requests that arrived in the last {days} days, by day ({zone}).',
  'recent.copy': 'Copy message',
  'recent.copied': 'The message is in your clipboard: paste it to your friends.',
  'recent.copyFailed': 'The message could not be copied. Your browser may block clipboard access.',
  'recent.requestedBy': 'Requested by {name}',
  'recent.unknownRequester': 'someone',
  'recent.emptyTitle': 'Nothing new',
  'recent.emptyBody': 'No request became available in the last {days} days.',

  'library.kind': 'Kind',
  'library.any': 'Any',
  'library.watched': 'Watched',
  'library.year': 'Year',
  'library.yearFrom': 'Year from',
  'library.yearTo': 'Year to',
  'library.sizeGiB': 'Size (GiB)',
  'library.sizeMin': 'Minimum size in GiB',
  'library.sizeMax': 'Maximum size in GiB',
  'library.sort': 'Sort by',
  'library.sortDefault': 'Default',
  'library.sort.name': 'Title',
  'library.sort.size': 'Size',
  'library.sort.added': 'Date added',
  'library.sort.watched': 'Last watched',
  'library.sort.year': 'Year',
  'library.order': 'Order',
  'library.asc': 'Ascending',
  'library.desc': 'Descending',
  'library.apply': 'Apply filters',
  'library.reset': 'Reset',
  'library.noMatchBody': 'No title matches these filters.',

  'help.title': 'Help',
  'help.lead': 'What each analysis means and how to act on it.',
  'help.contents': 'Contents',
  'help.whatItMeans': 'What it means',
  'help.howToAct': 'How to act',
  'help.open': 'Open “{title}”',
  'help.old.what':
    'Movies and series nobody has watched for a while (4 months by default), or never watched since they were added more than 3 months ago. They are sorted by size: the total is the space you could reclaim.',
  'help.old.act':
    'Delete what nobody will watch from Jellyfin. For a title you want to keep anyway, choose “Protect”, permanently or for a while: it leaves the list at once.',
  'help.large.what':
    'Movies of 13 GiB or more and series whose largest season takes 15 GiB or more. Often a remux or a 4K copy where a smaller file would do.',
  'help.large.act':
    'Replace the file with a smaller version, or choose “Keep large” when the size is worth it. The thresholds are in the settings.',
  'help.language.what':
    'Titles added recently whose default version lacks an audio track (English or French by default) or a subtitle in the languages your household needs. Series list the problem episodes.',
  'help.language.act':
    'Find a version with the right tracks. Otherwise: “Exempt from language checks” ignores the title, “Original language only” only requires French audio, “Subtitles suffice” accepts a subtitle instead of the audio, and single episodes can be exempted.',
  'help.requests.what':
    'Jellyseerr requests that are still not available although the title was released more than 90 days ago. “Stale” ones are already in your library: Jellyseerr did not notice.',
  'help.requests.act':
    'Look for the title again, or decline the request in Jellyseerr. “Hide request” removes it from the list without touching Jellyseerr.',
  'help.recent.what': 'Requests that became available during the last days, with who asked for them.',
  'help.recent.act': 'Use “Copy message” to tell each friend what arrived for them.',
  'help.whitelists.title': 'Whitelists',
  'help.whitelists.body':
    'Every action above adds the title to a whitelist. Entries follow the title across re-downloads, can expire, and can be removed at any time.',
  'help.whitelists.link': 'Manage your whitelists',
  'help.sync.title': 'Synchronisation',
  'help.sync.body':
    'Media Janitor reads your servers every night and whenever you press “Refresh now” on the dashboard. A failed sync never removes anything: the previous numbers stay until a sync succeeds.',
} as const;
