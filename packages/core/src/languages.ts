// Language codes (RULES.md §4): every form a server or a user may write maps to ISO 639-2/B.
import type { StreamFacts } from './model';
import { LANGUAGE_ROWS } from './language-table';
import { normaliseForSearch } from './text';

/** Codes meaning "no particular language"; they satisfy no requirement. */
const NOT_A_LANGUAGE = new Set(['und', 'zxx', 'mis', 'mul']);

const BY_CODE = new Map<string, string>();
const BY_NAME = new Map<string, string>();
const NAME_OF = new Map<string, string>();

for (const row of LANGUAGE_ROWS) {
  BY_CODE.set(row.code, row.code);
  if (row.iso1) BY_CODE.set(row.iso1, row.code);
  if (row.terminology) BY_CODE.set(row.terminology, row.code);
  for (const name of row.names) BY_NAME.set(normaliseForSearch(name), row.code);
  NAME_OF.set(row.code, row.names[0] ?? row.code);
}

/**
 * Normalises a language code or English name to ISO 639-2/B (`fr-CA` → `fre`, `German` → `ger`).
 * Returns null for unknown input and for `und`/`zxx`/`mis`/`mul`.
 */
export function normaliseLanguage(input: string | null | undefined): string | null {
  if (typeof input !== 'string') return null;
  const whole = normaliseForSearch(input);
  if (whole === '') return null;
  // Whole-name lookup first, so names with a hyphen ("Luba-Katanga") are not cut.
  const named = BY_NAME.get(whole);
  if (named) return named;
  const head = whole.split(/[-_]/)[0]?.trim() ?? '';
  if (NOT_A_LANGUAGE.has(head)) return null;
  return BY_CODE.get(head) ?? BY_NAME.get(head) ?? BY_NAME.get(head.replace(/\s*\(.*$/, '')) ?? null;
}

/** English display name of a language (any accepted form), or null when unknown. */
export function languageName(code: string): string | null {
  const normalised = normaliseLanguage(code);
  return normalised ? (NAME_OF.get(normalised) ?? null) : null;
}

export interface LanguageOption {
  code: string;
  name: string;
}

/** Every selectable language (ISO 639-2/B + English name), sorted by name for pickers. */
export const LANGUAGE_OPTIONS: readonly LanguageOption[] = [...NAME_OF]
  .map(([code, name]) => ({ code, name }))
  .sort((a, b) => a.name.localeCompare(b.name, 'en'));

/**
 * Normalises a settings list: `codes` are the distinct ISO 639-2/B codes in input order, `unknown` the
 * inputs that map to nothing (the API answers 400 for those).
 */
export function normaliseLanguageList(inputs: readonly string[]): { codes: string[]; unknown: string[] } {
  const codes: string[] = [];
  const unknown: string[] = [];
  for (const input of inputs) {
    const code = normaliseLanguage(input);
    if (code === null) unknown.push(input);
    else if (!codes.includes(code)) codes.push(code);
  }
  return { codes, unknown };
}

/** A media stream of the default media source, as Jellyfin describes it. */
export interface RawStream {
  type: string;
  language?: string | null;
  title?: string | null;
  isForced?: boolean | null;
  isHearingImpaired?: boolean | null;
  isExternal?: boolean | null;
}

const COMMENTARY = /commentary/i;

function addUnique(list: string[], code: string | null): void {
  if (code !== null && !list.includes(code)) list.push(code);
}

/**
 * Turns the default media source's streams into the languages the rules look at. Null when there is
 * nothing to judge (no source or no streams). External and hearing-impaired subtitles count like
 * embedded ones; commentary audio never counts; forced subtitles are kept apart (a tenant setting).
 */
export function streamFacts(streams: readonly RawStream[] | null | undefined): StreamFacts | null {
  if (!streams || streams.length === 0) return null;
  const facts: StreamFacts = { audio: [], subtitles: [], forcedSubtitles: [] };
  for (const stream of streams) {
    const code = normaliseLanguage(stream.language);
    if (stream.type === 'Audio') {
      if (!COMMENTARY.test(stream.title ?? '')) addUnique(facts.audio, code);
    } else if (stream.type === 'Subtitle') {
      addUnique(stream.isForced ? facts.forcedSubtitles : facts.subtitles, code);
    }
  }
  return facts;
}
