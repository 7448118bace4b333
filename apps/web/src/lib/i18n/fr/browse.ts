import type { browseEn } from '../en/browse';

/** French strings for the recently-available list, the library browser and the help page. */
export const browseFr: Record<keyof typeof browseEn, string> = {
  'nav.help': 'Aide',
  'recent.title': 'Récemment disponibles',
  'recent.lead': 'Demandes arrivées ces {days} derniers jours, par jour ({zone}).',
  'recent.copy': 'Copier le message',
  'recent.copied': 'Le message est dans votre presse-papiers : collez-le à vos amis.',
  'recent.copyFailed': 'Impossible de copier le message. Votre navigateur bloque peut-être le presse-papiers.',
  'recent.requestedBy': 'Demandé par {name}',
  'recent.unknownRequester': 'quelqu’un',
  'recent.emptyTitle': 'Rien de nouveau',
  'recent.emptyBody': 'Aucune demande n’est devenue disponible ces {days} derniers jours.',

  'library.kind': 'Type',
  'library.any': 'Tous',
  'library.watched': 'Regardé',
  'library.year': 'Année',
  'library.yearFrom': 'Année de début',
  'library.yearTo': 'Année de fin',
  'library.sizeGiB': 'Taille (Gio)',
  'library.sizeMin': 'Taille minimale en Gio',
  'library.sizeMax': 'Taille maximale en Gio',
  'library.sort': 'Trier par',
  'library.sortDefault': 'Par défaut',
  'library.sort.name': 'Titre',
  'library.sort.size': 'Taille',
  'library.sort.added': 'Date d’ajout',
  'library.sort.watched': 'Dernier visionnage',
  'library.sort.year': 'Année',
  'library.order': 'Ordre',
  'library.asc': 'Croissant',
  'library.desc': 'Décroissant',
  'library.apply': 'Appliquer les filtres',
  'library.reset': 'Réinitialiser',
  'library.noMatchBody': 'Aucun titre ne correspond à ces filtres.',

  'help.title': 'Aide',
  'help.lead': 'Ce que signifie chaque analyse et comment agir.',
  'help.contents': 'Sommaire',
  'help.whatItMeans': 'Ce que cela signifie',
  'help.howToAct': 'Comment agir',
  'help.open': 'Ouvrir « {title} »',
  'help.old.what':
    'Films et séries que personne n’a regardés depuis un moment (4 mois par défaut), ou jamais regardés alors qu’ils ont été ajoutés il y a plus de 3 mois. Ils sont triés par taille : le total est l’espace que vous pourriez libérer.',
  'help.old.act':
    'Supprimez de Jellyfin ce que personne ne regardera. Pour un titre à garder malgré tout, choisissez « Protéger », définitivement ou pour un temps : il quitte la liste aussitôt.',
  'help.large.what':
    'Films de 13 Gio ou plus et séries dont la plus grosse saison dépasse 15 Gio. Souvent un remux ou une copie 4K là où un fichier plus léger suffirait.',
  'help.large.act':
    'Remplacez le fichier par une version plus légère, ou choisissez « Garder malgré la taille » si elle en vaut la peine. Les seuils se règlent dans les paramètres.',
  'help.language.what':
    'Titres ajoutés récemment dont la version par défaut n’a pas de piste audio (anglais ou français par défaut) ou de sous-titres dans les langues de votre foyer. Les séries listent les épisodes en cause.',
  'help.language.act':
    'Trouvez une version avec les bonnes pistes. Sinon : « Exempter des vérifications de langue » ignore le titre, « Version originale uniquement » n’exige que l’audio français, « Les sous-titres suffisent » accepte un sous-titre à la place de l’audio, et chaque épisode peut être exempté.',
  'help.requests.what':
    'Demandes Jellyseerr toujours indisponibles alors que le titre est sorti il y a plus de 90 jours. Les demandes « obsolètes » sont déjà dans votre bibliothèque : Jellyseerr ne l’a pas remarqué.',
  'help.requests.act':
    'Cherchez à nouveau le titre, ou refusez la demande dans Jellyseerr. « Masquer la demande » la retire de la liste sans toucher à Jellyseerr.',
  'help.recent.what': 'Demandes devenues disponibles ces derniers jours, avec le nom de qui les a faites.',
  'help.recent.act': 'Utilisez « Copier le message » pour dire à chaque ami ce qui est arrivé pour lui.',
  'help.whitelists.title': 'Listes blanches',
  'help.whitelists.body':
    'Chaque action ci-dessus ajoute le titre à une liste blanche. Les entrées suivent le titre même retéléchargé, peuvent expirer et se retirent à tout moment.',
  'help.whitelists.link': 'Gérer vos listes blanches',
  'help.sync.title': 'Synchronisation',
  'help.sync.body':
    'Media Janitor lit vos serveurs chaque nuit et chaque fois que vous appuyez sur « Actualiser » dans le tableau de bord. Une synchronisation échouée ne supprime jamais rien : les chiffres précédents restent jusqu’à la prochaine réussite.',
};
