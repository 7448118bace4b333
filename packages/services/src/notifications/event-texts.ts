import type { Lang } from './message';

// The words of each event (EN/FR by the tenant's language), kept apart from the sweep that derives them.

export const fmt = (t: { title: string; year: number | null }) => (t.year ? `${t.title} (${t.year})` : t.title);

export function deletionText(
  lang: Lang,
  t: { title: string; year: number | null; status: string; reason: string | null },
) {
  const done = t.status === 'done';
  if (lang === 'fr')
    return {
      title: done ? `Supprimé : ${fmt(t)}` : `Échec de suppression : ${fmt(t)}`,
      text: done ? `${fmt(t)} a été supprimé.` : `${fmt(t)} n'a pas pu être supprimé : ${t.reason ?? '?'}`,
    };
  return {
    title: done ? `Deleted: ${fmt(t)}` : `Deletion failed: ${fmt(t)}`,
    text: done ? `${fmt(t)} was deleted.` : `${fmt(t)} could not be deleted: ${t.reason ?? '?'}`,
  };
}

export function leavingText(lang: Lang, t: { title: string; year: number | null; executeAt: number }) {
  const day = new Date(t.executeAt).toISOString().slice(0, 10);
  return lang === 'fr'
    ? { title: `Bientôt supprimé : ${fmt(t)}`, text: `${fmt(t)} sera supprimé le ${day}.` }
    : { title: `Leaving soon: ${fmt(t)}`, text: `${fmt(t)} leaves on ${day}.` };
}

/**
 * A run's error, fit for a message: URLs (they may carry a key in the query) and anything that looks
 * like a key or token are removed, and the length capped.
 */
export function scrubReason(error: string | null): string {
  if (!error) return '?';
  return error
    .replace(/\b[a-z][a-z0-9+.-]*:\/\/\S+/gi, '[address]')
    .replace(/\b(api[_-]?key|token|secret|password|authorization)(\s*[=:]\s*)\S+/gi, '$1$2[hidden]')
    .replace(/\b[0-9a-f]{24,}\b/gi, '[hidden]')
    .slice(0, 300);
}

export function syncFailedText(lang: Lang, reason: string) {
  return lang === 'fr'
    ? { title: 'Échec de la synchronisation', text: `La synchronisation a échoué : ${reason}` }
    : { title: 'Sync failed', text: `The sync failed: ${reason}` };
}

const gib = (bytes: number) => (bytes / 1024 ** 3).toFixed(1);

/** The weekly digest: what could be freed (total, five largest), new issues, what leaves within a week. */
export function digestText(
  lang: Lang,
  c: {
    couldFree: { titles: number; bytes: number };
    top: { title: string; year: number | null; sizeBytes: number }[];
    newIssues: number;
    leaving: { title: string; year: number | null; executeAt: number }[];
  },
) {
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  const lines = c.leaving.map((t) => `- ${fmt(t)}: ${day(t.executeAt)}`);
  const unit = lang === 'fr' ? 'Gio' : 'GiB';
  const top = c.top.map((t) => `- ${fmt(t)}: ${gib(t.sizeBytes)} ${unit}`);
  if (lang === 'fr')
    return {
      title: 'Media Janitor : le point de la semaine',
      text: [
        `Vous pourriez libérer ${gib(c.couldFree.bytes)} Gio (${c.couldFree.titles} titres).`,
        ...(top.length > 0 ? [`Les plus gros :\n${top.join('\n')}`] : []),
        `Nouveaux problèmes depuis le dernier point : ${c.newIssues}.`,
        c.leaving.length > 0 ? `Bientôt supprimés :\n${lines.join('\n')}` : 'Rien ne sera supprimé cette semaine.',
      ].join('\n'),
    };
  return {
    title: 'Media Janitor: your weekly digest',
    text: [
      `You could free ${gib(c.couldFree.bytes)} GiB (${c.couldFree.titles} titles).`,
      ...(top.length > 0 ? [`Largest:\n${top.join('\n')}`] : []),
      `New issues since the last digest: ${c.newIssues}.`,
      c.leaving.length > 0 ? `Leaving soon:\n${lines.join('\n')}` : 'Nothing leaves this week.',
    ].join('\n'),
  };
}
