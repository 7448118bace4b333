import { settingsEn } from './en/settings';
import { peopleEn } from './en/people';
import { browseEn } from './en/browse';
import { dashboardEn } from './en/dashboard';
import { issuesEn } from './en/issues';
import { cleanupEn } from './en/cleanup';
import { uxEn } from './en/ux';
import { titleEn } from './en/title';

/** English strings: the reference dictionary. Every other language must define exactly these keys. */
export const en = {
  'app.name': 'Media Janitor',
  'app.tagline': 'Keep your Jellyfin library tidy',
  'a11y.skipToContent': 'Skip to main content',
  'a11y.mainNavigation': 'Main navigation',
  'a11y.loading': 'Loading…',

  'nav.dashboard': 'Dashboard',
  'nav.issues': 'Issues',
  'nav.library': 'Library',
  'nav.whitelists': 'Whitelists',
  'nav.settings': 'Settings',
  'nav.userMenu': 'Account menu',
  'nav.signedInAs': 'Signed in as {email}',
  'nav.logout': 'Log out',

  'prefs.title': 'Display preferences',
  'prefs.language': 'Language',
  'prefs.theme': 'Theme',
  'prefs.themeSystem': 'System',
  'prefs.themeLight': 'Light',
  'prefs.themeDark': 'Dark',
  'prefs.apply': 'Apply',
  'prefs.languageName.en': 'English',
  'prefs.languageName.fr': 'Français',

  'landing.title': 'Your media server, without the clutter',
  'landing.lead':
    'Media Janitor connects to Jellyfin and Jellyseerr, analyses your library every night and tells you what deserves your attention.',
  'landing.featuresTitle': 'What it finds for you',
  'landing.feature.old.title': 'Old and unwatched',
  'landing.feature.old.body': 'Titles nobody has watched for months, sorted by the space they would free.',
  'landing.feature.large.title': 'Large files',
  'landing.feature.large.body': 'Movies and seasons that take far more disk than they should.',
  'landing.feature.language.title': 'Language problems',
  'landing.feature.language.body': 'Missing audio tracks or subtitles in the languages your household needs.',
  'landing.feature.requests.title': 'Stuck requests',
  'landing.feature.requests.body': 'Jellyseerr requests that never arrived, long after their release.',
  'landing.feature.recent.title': 'Recently available',
  'landing.feature.recent.body': 'What arrived this week, grouped by who asked for it, ready to share.',
  'landing.signup': 'Create an account',
  'landing.login': 'Log in',
  'landing.openDashboard': 'Open your dashboard',

  'field.email': 'Email address',
  'field.password': 'Password',
  'field.newPassword': 'New password',
  'field.passwordHint': 'At least {min} characters.',

  'signup.title': 'Create your account',
  'signup.lead': 'Sign up to connect your media server.',
  'signup.submit': 'Create account',
  'signup.submitting': 'Creating account…',
  'signup.haveAccount': 'Already have an account?',
  'signup.loginLink': 'Log in',

  'login.title': 'Log in',
  'login.lead': 'Welcome back.',
  'login.submit': 'Log in',
  'login.submitting': 'Logging in…',
  'login.noAccount': 'No account yet?',
  'login.signupLink': 'Create one',
  'login.forgot': 'Forgot your password?',
  'login.passwordReset': 'Your password has been changed. You can log in with the new one.',

  'forgot.title': 'Reset your password',
  'forgot.lead': 'Enter your email address and we will send you a link to choose a new password.',
  'forgot.submit': 'Send reset link',
  'forgot.submitting': 'Sending…',
  'forgot.sent': 'If an account exists for {email}, we sent a link to reset its password. Check your inbox.',
  'forgot.backToLogin': 'Back to log in',

  'reset.title': 'Choose a new password',
  'reset.lead': 'Pick a password you do not use anywhere else.',
  'reset.submit': 'Change password',
  'reset.submitting': 'Changing password…',
  'reset.missingToken': 'This page needs the link from the email we sent you.',
  'reset.requestNew': 'Request a new link',

  'dashboard.title': 'Dashboard',
  'dashboard.emptyTitle': 'Connect your media server',
  'dashboard.emptyBody':
    'Media Janitor needs your Jellyfin server (and optionally Jellyseerr) to analyse your library. It takes a minute.',
  'dashboard.emptyAction': 'Connect a server',

  'issues.title': 'Issues',
  'issues.emptyTitle': 'No issues yet',
  'issues.emptyBody': 'Old, large and badly dubbed titles and stuck requests will be listed here after the first sync.',
  'library.title': 'Library',
  'library.emptyTitle': 'Your library is empty',
  'library.emptyBody': 'Once a server is connected and synced, every movie and series will be browsable here.',
  'whitelists.title': 'Whitelists',
  'whitelists.emptyTitle': 'Nothing protected yet',
  'whitelists.emptyBody': 'Protect titles you want to keep, whatever the analyses say.',
  'settings.title': 'Settings',
  'settings.connectionsLink': 'Server connections',
  'settings.connectionsBody': 'Jellyfin and Jellyseerr addresses and API keys.',
  'connections.title': 'Server connections',
  'connections.placeholder': 'The form to connect Jellyfin and Jellyseerr comes next.',
  'connections.back': 'Back to settings',

  'error.title': 'Something went wrong',
  'error.notFound': 'This page does not exist.',
  'error.home': 'Go to the home page',

  'apiError.invalid_credentials': 'Wrong email or password.',
  'apiError.email_taken': 'An account already exists for this email address.',
  'apiError.signups_disabled': 'Sign-ups are closed on this server.',
  'apiError.invalid_token': 'This link is invalid or has expired. Request a new one.',
  'apiError.rate_limited': 'Too many attempts. Wait a moment and try again.',
  'apiError.validation_error': 'Please correct the highlighted fields.',
  'apiError.api_unreachable': 'The server cannot be reached right now. Try again in a moment.',
  'apiError.unknown': 'Something went wrong. Try again.',

  'fieldError.required': 'This field is required.',
  'fieldError.emailInvalid': 'Enter a valid email address.',
  'fieldError.emailTooLong': 'This email address is too long.',
  'fieldError.passwordTooShort': 'The password must be at least {min} characters.',
  'fieldError.passwordTooLong': 'The password is too long.',
  'fieldError.passwordIsEmail': 'The password must not be your email address.',
  ...dashboardEn,
  ...issuesEn,
  ...browseEn,
  ...settingsEn,
  ...peopleEn,
  ...cleanupEn,
  ...uxEn,
  ...titleEn,
} as const;

export type MessageKey = keyof typeof en;
