import type { z } from 'zod';
import type { itemsPageSchema } from './schemas';

// A hand-written check of an /Items page against `itemsPageSchema` that validates in place. zod's object
// parse copies every item, media source and stream it passes (a `large` full sync reads ~700 MB of
// them): that copy and its garbage were a large share of the sync's CPU under the worker's heap cap.
// The check accepts a subset of what the schema accepts; anything it refuses goes through the schema,
// which gives the error (or, should the two ever disagree, the answer).

type ItemsPage = z.infer<typeof itemsPageSchema>;
type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const absent = (v: unknown) => v === undefined || v === null;
const optString = (v: unknown) => absent(v) || typeof v === 'string';
const optNumber = (v: unknown) => absent(v) || (typeof v === 'number' && Number.isFinite(v));
const optBool = (v: unknown) => absent(v) || typeof v === 'boolean';

function isStream(s: unknown): boolean {
  return (
    isObj(s) &&
    typeof s.Type === 'string' &&
    optString(s.Language) &&
    optString(s.Title) &&
    optBool(s.IsForced) &&
    optBool(s.IsHearingImpaired) &&
    optBool(s.IsExternal)
  );
}

function isSource(s: unknown): boolean {
  if (!isObj(s) || !optString(s.Id) || !optString(s.Name) || !optNumber(s.Size)) return false;
  const streams = s.MediaStreams;
  return absent(streams) || (Array.isArray(streams) && streams.every(isStream));
}

function isProviderIds(v: unknown): boolean {
  if (absent(v)) return true;
  if (!isObj(v)) return false;
  for (const key in v) if (!optString(v[key])) return false;
  return true;
}

function isUserData(v: unknown): boolean {
  return (
    absent(v) ||
    (isObj(v) &&
      optBool(v.Played) &&
      optNumber(v.PlaybackPositionTicks) &&
      optNumber(v.PlayCount) &&
      optString(v.LastPlayedDate))
  );
}

function isItem(v: unknown): boolean {
  if (!isObj(v) || typeof v.Id !== 'string' || v.Id.length === 0 || typeof v.Type !== 'string') return false;
  const sources = v.MediaSources;
  return (
    optString(v.Name) &&
    optString(v.LocationType) &&
    optString(v.DateCreated) &&
    optString(v.DateLastSaved) &&
    optNumber(v.ProductionYear) &&
    optString(v.SeriesId) &&
    optNumber(v.ParentIndexNumber) &&
    optNumber(v.IndexNumber) &&
    optString(v.PrimaryVersionId) &&
    isProviderIds(v.ProviderIds) &&
    isUserData(v.UserData) &&
    (absent(sources) || (Array.isArray(sources) && sources.every(isSource)))
  );
}

/**
 * True when `value` is an items page the schema accepts. The page is then used as parsed: fields the
 * schema does not name stay on the objects, and nothing reads them.
 */
export function isItemsPage(value: unknown): value is ItemsPage {
  return (
    isObj(value) &&
    Array.isArray(value.Items) &&
    optNumber(value.TotalRecordCount) &&
    optNumber(value.StartIndex) &&
    value.Items.every(isItem)
  );
}
