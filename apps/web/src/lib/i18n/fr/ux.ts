import type { uxEn } from '../en/ux';

/** French strings for the phone menu, live filters, pickers and other web UX details (issue 15). */
export const uxFr: Record<keyof typeof uxEn, string> = {
  'nav.menu': 'Menu',
  'nav.openMenu': 'Ouvrir le menu',
  'nav.closeMenu': 'Fermer le menu',
  'onboarding.browserLanguage': 'Nous proposons {language}, la langue de votre navigateur.',
  'onboarding.originalLanguageRule':
    'Les titres que vous regardez en version originale peuvent n’exiger que leur langue d’origine : utilisez « Version originale uniquement » depuis les problèmes ou la bibliothèque.',
  'settings.timeZoneSearch':
    'Tapez une ville ou une région, par exemple Paris ou New York, puis choisissez avec les flèches.',
  'settings.timeZoneShowAll': 'Afficher les fuseaux horaires',
  'settings.timeZoneList': 'Fuseaux horaires',
  'settings.timeZoneUnknown': 'Choisissez un fuseau horaire dans la liste.',
  'dash.couldFree.title': 'Vous pourriez libérer',
  'dash.couldFree.body': '{count} titres anciens ou volumineux, chacun compté une fois.',
  'dash.couldFree.review': 'Les examiner',
  'dash.couldFree.none': 'Rien n’est ancien ni volumineux avec vos limites actuelles.',
  'dash.couldFree.adjust': 'Ajuster les limites',
  'issues.bulk.title': 'Protéger ou exempter {count} titres',
  'issues.bulk.whitelist': 'Protéger ou exempter {count}…',
  'issues.bulk.done': '{count} titres mis à jour.',
  'issues.bulk.partial': '{failed} titres sur {count} n’ont pas pu être enregistrés. Réessayez.',
};
