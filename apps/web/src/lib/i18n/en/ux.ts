/** English strings for the phone menu, live filters, pickers and other web UX details (issue 15). */
export const uxEn = {
  'nav.menu': 'Menu',
  'nav.openMenu': 'Open the menu',
  'nav.closeMenu': 'Close the menu',
  'onboarding.browserLanguage': 'We propose {language}, your browser’s language.',
  'onboarding.originalLanguageRule':
    'Titles you watch in their original version can keep only their original language: use “Original language only” on them from the issues or the library.',
  'settings.timeZoneSearch': 'Type a city or a region, e.g. Paris or New York, then choose with the arrow keys.',
  'settings.timeZoneShowAll': 'Show the time zones',
  'settings.timeZoneList': 'Time zones',
  'settings.timeZoneUnknown': 'Choose a time zone from the list.',
  'dash.couldFree.title': 'You could free',
  'dash.couldFree.body': '{count} old or large titles, each counted once.',
  'dash.couldFree.review': 'Review them',
  'dash.couldFree.none': 'Nothing is old or large with your current limits.',
  'dash.couldFree.adjust': 'Adjust the limits',
  'issues.bulk.title': 'Protect or exempt {count} titles',
  'issues.bulk.whitelist': 'Protect or exempt {count}…',
  'issues.bulk.done': '{count} titles updated.',
  'issues.bulk.partial': '{failed} of {count} titles could not be saved. Try again.',
};
