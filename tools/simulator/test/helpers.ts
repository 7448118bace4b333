import Ajv from 'ajv';
import type { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { expect } from 'vitest';
import type { JellyfinProfile, Simulator, SimulatorOptions } from '../src/index';
import { startSimulator } from '../src/index';

const here = dirname(fileURLToPath(import.meta.url));
// Vendored copies of the shared contracts and fixtures (see upstream/README.md), so any clone can run them.
export const SHARED = join(here, 'upstream');
export const FIXTURES = join(SHARED, 'fixtures/jellyseerr-2.7.3');
/** A fixed reference date: tests never depend on the wall clock. */
export const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);

/** The Jellyfin versions the simulator can answer as. */
export const JELLYFIN_PROFILES: JellyfinProfile[] = ['10.10', '10.11', '12.0'];

/** Asserts that `body` passes the schema check `fn`, showing its errors when it does not. */
export function expectValid(fn: { (d: unknown): boolean; errors?: unknown }, body: unknown) {
  const ok = fn(body);
  expect(fn.errors ?? null, JSON.stringify(fn.errors)).toBeNull();
  expect(ok).toBe(true);
}

export function start(opts: Partial<SimulatorOptions> = {}): Promise<Simulator> {
  return startSimulator({ scale: 'demo', seed: 7, now: NOW, ...opts });
}

export function jf(sim: Simulator, path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(sim.jellyfin.url + path, {
    ...init,
    headers: { Authorization: `MediaBrowser Client="test", Token="${sim.jellyfin.apiKey}"`, ...(init.headers ?? {}) },
  });
}

export function js(sim: Simulator, path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(sim.jellyseerr.url + path, {
    ...init,
    headers: { 'X-Api-Key': sim.jellyseerr.apiKey, ...(init.headers ?? {}) },
  });
}

export async function jfJson<T = any>(sim: Simulator, path: string): Promise<T> {
  const res = await jf(sim, path);
  if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
  return (await res.json()) as T;
}

export const METADATA_PASS =
  '/Items?Recursive=true&IncludeItemTypes=Movie,Series,Episode&Fields=MediaSources,Path,DateCreated,ProviderIds&EnableImages=false&ExcludeLocationTypes=Virtual&SortBy=SortName';

export function fixture(name: string): any {
  return JSON.parse(readFileSync(join(FIXTURES, name), 'utf8'));
}

/** Ajv validators for the Jellyfin DTOs; the 12.0 profile may add only its three new fields. */
export function jellyfinValidators(profile12 = false) {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  const dir = join(SHARED, 'contracts/jellyfin');
  for (const file of readdirSync(dir)) {
    const schema = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    if (profile12 && schema.definitions.BaseItemDto) {
      schema.definitions.BaseItemDto.properties.OriginalLanguage = { type: ['string', 'null'] };
      schema.definitions.MediaStream.properties.LocalizedLanguage = { type: ['string', 'null'] };
      schema.definitions.MediaStream.properties.IsOriginal = { type: ['boolean', 'null'] };
    }
    const { $ref: _ref, ...rest } = schema;
    ajv.addSchema(rest, file.replace('jellyfin-sdk0.13-', '').replace('.schema.json', ''));
  }
  const v = (ref: string): ValidateFunction => ajv.compile({ $ref: ref });
  const arrayOf = (ref: string): ValidateFunction => ajv.compile({ type: 'array', items: { $ref: ref } });
  return {
    queryResult: v('BaseItemDtoQueryResult#/definitions/BaseItemDtoQueryResult'),
    item: v('BaseItemDtoQueryResult#/definitions/BaseItemDto'),
    systemInfo: v('SystemInfo#/definitions/SystemInfo'),
    users: arrayOf('UserDto#/definitions/UserDto'),
    user: v('UserDto#/definitions/UserDto'),
    virtualFolders: arrayOf('VirtualFolderInfo#/definitions/VirtualFolderInfo'),
    tasks: arrayOf('TaskInfo#/definitions/TaskInfo'),
  };
}

/** Validates against the response schema of a path in the Jellyseerr spec, plus the nullable overlay. */
export function jellyseerrValidator(spec: 'jellyseerr-2.7.3-api.yml' | 'seerr-api.yml' = 'jellyseerr-2.7.3-api.yml') {
  const doc = parse(readFileSync(join(SHARED, 'contracts/jellyseerr', spec), 'utf8'));
  const overlay = JSON.parse(readFileSync(join(here, '../contracts/jellyseerr-nullable-overlay.json'), 'utf8'));
  for (const [schema, props] of Object.entries(overlay.schemas as Record<string, string[]>)) {
    for (const p of props) {
      const prop = doc.components.schemas[schema]?.properties?.[p];
      if (prop) prop.nullable = true;
    }
  }
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(doc, 'seerr');
  const cache = new Map<string, ValidateFunction>();
  return (path: string, body: unknown, method = 'get'): string | null => {
    const pointer = `seerr#/paths/${path.replace(/~/g, '~0').replace(/\//g, '~1')}/${method}/responses/200/content/application~1json/schema`;
    let fn = cache.get(pointer);
    if (!fn) cache.set(pointer, (fn = ajv.compile({ $ref: pointer })));
    return fn(body) ? null : ajv.errorsText(fn.errors);
  };
}

/**
 * The same keys with the same JSON types as a recorded response (nulls match anything: a field may
 * be null in one recording and set in another). Returns the differences.
 */
export function shapeDiff(
  ours: unknown,
  recorded: unknown,
  at = '$',
  optional: ReadonlySet<string> = new Set(),
): string[] {
  if (ours === null || recorded === null) return [];
  if (Array.isArray(recorded)) {
    if (!Array.isArray(ours)) return [`${at}: array expected`];
    return ours.length > 0 && recorded.length > 0 ? shapeDiff(ours[0], recorded[0], `${at}[0]`, optional) : [];
  }
  if (typeof recorded === 'object') {
    if (typeof ours !== 'object' || Array.isArray(ours)) return [`${at}: object expected`];
    const a = new Set(Object.keys(ours as object).filter((k) => !optional.has(k)));
    const b = new Set(Object.keys(recorded as object).filter((k) => !optional.has(k)));
    const out: string[] = [];
    for (const k of a) if (!b.has(k)) out.push(`${at}.${k}: not in the recording`);
    for (const k of b) if (!a.has(k)) out.push(`${at}.${k}: missing`);
    for (const k of a) {
      if (b.has(k)) out.push(...shapeDiff((ours as any)[k], (recorded as any)[k], `${at}.${k}`, optional));
    }
    return out;
  }
  return typeof ours === typeof recorded ? [] : [`${at}: ${typeof ours} instead of ${typeof recorded}`];
}

/** Validates a body against a Radarr/Sonarr OpenAPI response schema (`GET /api/v3/movie` ...). */
export function arrValidator(app: 'radarr' | 'sonarr') {
  const file = app === 'radarr' ? 'radarr-v6.0.3-openapi.json' : 'sonarr-v4.0.19-openapi.json';
  const doc = openApiNullable(JSON.parse(readFileSync(join(SHARED, 'contracts/arr', file), 'utf8')));
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(doc as object, app);
  return (path: string, body: unknown, method = 'get', status = '200'): string | null => {
    const pointer = `${app}#/paths/${path.replace(/~/g, '~0').replace(/\//g, '~1')}/${method}/responses/${status}/content/application~1json/schema`;
    const fn = ajv.compile({ $ref: pointer });
    return fn(body) ? null : ajv.errorsText(fn.errors);
  };
}

/** OpenAPI 3.0 `nullable` next to a `$ref` (no `type`), which Ajv refuses, as `anyOf [schema, null]`. */
function openApiNullable(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(openApiNullable);
  if (!node || typeof node !== 'object') return node;
  const entries = Object.entries(node as Record<string, unknown>).map(([k, v]) => [k, openApiNullable(v)] as const);
  const out = Object.fromEntries(entries) as Record<string, unknown>;
  if (out.nullable === true && out.type === undefined) {
    const { nullable: _nullable, ...rest } = out;
    return { anyOf: [rest, { type: 'null' }] };
  }
  return out;
}
