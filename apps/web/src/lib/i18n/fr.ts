import { settingsFr } from './fr/settings';
import { peopleFr } from './fr/people';
import type { MessageKey } from './en';
import { browseFr } from './fr/browse';
import { dashboardFr } from './fr/dashboard';
import { issuesFr } from './fr/issues';
import { cleanupFr } from './fr/cleanup';
import { uxFr } from './fr/ux';
import { titleFr } from './fr/title';

/** French strings. Typed against the English keys so a missing or stray key fails the typecheck. */
export const fr: Record<MessageKey, string> = {
  'app.name': 'Media Janitor',
  'app.tagline': 'Une bibliothèque Jellyfin bien rangée',
  'a11y.skipToContent': 'Aller au contenu principal',
  'a11y.mainNavigation': 'Navigation principale',
  'a11y.loading': 'Chargement…',

  'nav.dashboard': 'Tableau de bord',
  'nav.issues': 'Problèmes',
  'nav.library': 'Bibliothèque',
  'nav.whitelists': 'Listes blanches',
  'nav.settings': 'Paramètres',
  'nav.userMenu': 'Menu du compte',
  'nav.signedInAs': 'Connecté en tant que {email}',
  'nav.logout': 'Se déconnecter',

  'prefs.title': "Préférences d'affichage",
  'prefs.language': 'Langue',
  'prefs.theme': 'Thème',
  'prefs.themeSystem': 'Système',
  'prefs.themeLight': 'Clair',
  'prefs.themeDark': 'Sombre',
  'prefs.apply': 'Appliquer',
  'prefs.languageName.en': 'English',
  'prefs.languageName.fr': 'Français',

  'landing.title': 'Votre serveur multimédia, sans le désordre',
  'landing.lead':
    'Media Janitor se connecte à Jellyfin et Jellyseerr, analyse votre bibliothèque chaque nuit et vous signale ce qui mérite votre attention.',
  'landing.featuresTitle': 'Ce qu’il trouve pour vous',
  'landing.feature.old.title': 'Ancien et jamais regardé',
  'landing.feature.old.body':
    'Les titres que personne n’a regardés depuis des mois, triés par l’espace qu’ils libéreraient.',
  'landing.feature.large.title': 'Fichiers volumineux',
  'landing.feature.large.body': 'Les films et saisons qui occupent bien plus de disque que nécessaire.',
  'landing.feature.language.title': 'Problèmes de langue',
  'landing.feature.language.body': 'Pistes audio ou sous-titres manquants dans les langues de votre foyer.',
  'landing.feature.requests.title': 'Demandes bloquées',
  'landing.feature.requests.body': 'Les demandes Jellyseerr jamais arrivées, longtemps après leur sortie.',
  'landing.feature.recent.title': 'Récemment disponible',
  'landing.feature.recent.body': 'Ce qui est arrivé cette semaine, groupé par demandeur, prêt à partager.',
  'landing.signup': 'Créer un compte',
  'landing.login': 'Se connecter',
  'landing.openDashboard': 'Ouvrir votre tableau de bord',

  'field.email': 'Adresse e-mail',
  'field.password': 'Mot de passe',
  'field.newPassword': 'Nouveau mot de passe',
  'field.passwordHint': 'Au moins {min} caractères.',

  'signup.title': 'Créer votre compte',
  'signup.lead': 'Inscrivez-vous pour connecter votre serveur multimédia.',
  'signup.submit': 'Créer le compte',
  'signup.submitting': 'Création du compte…',
  'signup.haveAccount': 'Vous avez déjà un compte ?',
  'signup.loginLink': 'Se connecter',

  'login.title': 'Connexion',
  'login.lead': 'Bon retour parmi nous.',
  'login.submit': 'Se connecter',
  'login.submitting': 'Connexion…',
  'login.noAccount': 'Pas encore de compte ?',
  'login.signupLink': 'En créer un',
  'login.forgot': 'Mot de passe oublié ?',
  'login.passwordReset': 'Votre mot de passe a été modifié. Vous pouvez vous connecter avec le nouveau.',

  'forgot.title': 'Réinitialiser votre mot de passe',
  'forgot.lead': 'Saisissez votre adresse e-mail : nous vous enverrons un lien pour choisir un nouveau mot de passe.',
  'forgot.submit': 'Envoyer le lien',
  'forgot.submitting': 'Envoi…',
  'forgot.sent':
    'Si un compte existe pour {email}, nous avons envoyé un lien pour réinitialiser son mot de passe. Consultez votre boîte de réception.',
  'forgot.backToLogin': 'Retour à la connexion',

  'reset.title': 'Choisir un nouveau mot de passe',
  'reset.lead': 'Choisissez un mot de passe que vous n’utilisez nulle part ailleurs.',
  'reset.submit': 'Modifier le mot de passe',
  'reset.submitting': 'Modification…',
  'reset.missingToken': 'Cette page nécessite le lien de l’e-mail que nous vous avons envoyé.',
  'reset.requestNew': 'Demander un nouveau lien',

  'dashboard.title': 'Tableau de bord',
  'dashboard.emptyTitle': 'Connectez votre serveur multimédia',
  'dashboard.emptyBody':
    'Media Janitor a besoin de votre serveur Jellyfin (et, si vous voulez, de Jellyseerr) pour analyser votre bibliothèque. Cela prend une minute.',
  'dashboard.emptyAction': 'Connecter un serveur',

  'issues.title': 'Problèmes',
  'issues.emptyTitle': 'Aucun problème pour l’instant',
  'issues.emptyBody':
    'Les titres anciens, volumineux ou mal doublés et les demandes bloquées apparaîtront ici après la première synchronisation.',
  'library.title': 'Bibliothèque',
  'library.emptyTitle': 'Votre bibliothèque est vide',
  'library.emptyBody': 'Une fois un serveur connecté et synchronisé, chaque film et série sera consultable ici.',
  'whitelists.title': 'Listes blanches',
  'whitelists.emptyTitle': 'Rien n’est protégé pour l’instant',
  'whitelists.emptyBody': 'Protégez les titres que vous voulez garder, quoi qu’en disent les analyses.',
  'settings.title': 'Paramètres',
  'settings.connectionsLink': 'Connexions aux serveurs',
  'settings.connectionsBody': 'Adresses et clés d’API de Jellyfin et Jellyseerr.',
  'connections.title': 'Connexions aux serveurs',
  'connections.placeholder': 'Le formulaire de connexion à Jellyfin et Jellyseerr arrive bientôt.',
  'connections.back': 'Retour aux paramètres',

  'error.title': 'Une erreur est survenue',
  'error.notFound': 'Cette page n’existe pas.',
  'error.home': 'Aller à l’accueil',

  'apiError.invalid_credentials': 'E-mail ou mot de passe incorrect.',
  'apiError.email_taken': 'Un compte existe déjà pour cette adresse e-mail.',
  'apiError.signups_disabled': 'Les inscriptions sont fermées sur ce serveur.',
  'apiError.invalid_token': 'Ce lien est invalide ou a expiré. Demandez-en un nouveau.',
  'apiError.rate_limited': 'Trop de tentatives. Patientez un instant puis réessayez.',
  'apiError.validation_error': 'Veuillez corriger les champs signalés.',
  'apiError.api_unreachable': 'Le serveur est injoignable pour le moment. Réessayez dans un instant.',
  'apiError.unknown': 'Une erreur est survenue. Réessayez.',

  'fieldError.required': 'Ce champ est obligatoire.',
  'fieldError.emailInvalid': 'Saisissez une adresse e-mail valide.',
  'fieldError.emailTooLong': 'Cette adresse e-mail est trop longue.',
  'fieldError.passwordTooShort': 'Le mot de passe doit contenir au moins {min} caractères.',
  'fieldError.passwordTooLong': 'Le mot de passe est trop long.',
  'fieldError.passwordIsEmail': 'Le mot de passe ne doit pas être votre adresse e-mail.',
  ...dashboardFr,
  ...issuesFr,
  ...browseFr,
  ...settingsFr,
  ...peopleFr,
  ...cleanupFr,
  ...uxFr,
  ...titleFr,
};
