import type { peopleEn } from '../en/people';

/** French strings of the People and Libraries settings (spread into `fr.ts`). */
export const peopleFr: Record<keyof typeof peopleEn, string> = {
  'nav.recent': 'Récent',

  'settings.peopleLink': 'Personnes',
  'settings.peopleBody': 'Noms affichés pour vos utilisateurs Jellyfin et Jellyseerr, et qui compte comme spectateur.',
  'settings.librariesLink': 'Bibliothèques',
  'settings.librariesBody': 'Les bibliothèques Jellyfin examinées par les analyses.',

  'people.lead': 'Donnez à chacun le nom que votre foyer connaît. Laissez un nom vide pour afficher celui du serveur.',
  'people.jellyfin': 'Utilisateurs Jellyfin',
  'people.jellyseerr': 'Utilisateurs Jellyseerr',
  'people.displayName': 'Nom affiché pour {name}',
  'people.serverName': 'Sur le serveur : {name}',
  'people.goneFromServer': 'N’est plus sur le serveur',
  'people.counted': 'Compter ce que cette personne regarde',
  'people.countedHint':
    'Décochez les comptes invités ou de test : ce qu’ils regardent n’empêchera pas un titre d’être ancien.',
  'people.none':
    'Aucun utilisateur pour l’instant. Ils apparaissent après la première synchronisation d’un serveur connecté.',
  'people.saved': 'Personnes enregistrées.',

  'libraries.lead':
    'Seules les bibliothèques cochées sont analysées. Par défaut, toutes les bibliothèques de films, de séries et mixtes le sont.',
  'libraries.usingDefault': 'Vous utilisez le choix par défaut.',
  'libraries.customChoice': 'Vous avez choisi ces bibliothèques vous-même.',
  'libraries.defaultMark': 'par défaut',
  'libraries.none':
    'Aucune bibliothèque pour l’instant. Elles apparaissent après la première synchronisation de votre serveur Jellyfin.',
  'libraries.useDefault': 'Utiliser le choix par défaut',
  'libraries.saved': 'Bibliothèques enregistrées.',
  'libraries.defaultRestored': 'Retour aux bibliothèques par défaut.',
  'libraries.noneSelected': 'Cochez au moins une bibliothèque, ou utilisez le choix par défaut.',
};
