import { isValidTimeZone, normaliseLanguageList, resolveSettings, type Settings } from '@mj/core';
import type { SettingsPatch } from '@mj/contracts';
import { deleteSettingsOverrides, insertAudit, loadSettingsOverrides, saveSettingsOverrides } from '@mj/db';
import type { TenantContext } from '../context';
import { invalid } from '../errors';
import { recomputeTenant } from '../analysis/recompute-tenant';

// Tenant settings: only overrides are stored. A change re-evaluates the tenant in the same request, so
// the very next read reflects it.

function fieldError(field: string, message: string) {
  return invalid('validation_error', `Invalid body: ${field}: ${message}`, [{ field, message }]);
}

function languages(field: string, input: readonly string[]): string[] {
  const { codes, unknown } = normaliseLanguageList(input);
  if (unknown.length > 0) throw fieldError(field, `unknown language code: ${unknown.join(', ')}`);
  return codes;
}

/** Checks what zod cannot (language codes, time zones) and normalises languages to ISO 639-2/B. */
function validatePatch(patch: SettingsPatch): Partial<Settings> {
  const { requiredAudioLanguages, requiredSubtitleLanguages, timeZone, ...rest } = patch;
  const valid: Partial<Settings> = { ...(rest as Partial<Settings>) };
  if (requiredAudioLanguages)
    valid.requiredAudioLanguages = languages('requiredAudioLanguages', requiredAudioLanguages);
  if (requiredSubtitleLanguages)
    valid.requiredSubtitleLanguages = languages('requiredSubtitleLanguages', requiredSubtitleLanguages);
  if (timeZone !== undefined) {
    if (!isValidTimeZone(timeZone)) throw fieldError('timeZone', `unknown time zone: ${timeZone}`);
    valid.timeZone = timeZone;
  }
  return valid;
}

export async function getSettings(ctx: TenantContext): Promise<Settings> {
  return resolveSettings(await loadSettingsOverrides(ctx.db, ctx.tenantId));
}

/** Settings whose changes the audit log keeps (RULES §9: "change of a cleanup setting"). */
const CLEANUP_SETTINGS = [
  'leavingSoonDays',
  'leavingSoonCollection',
  'leavingSoonCollectionName',
  'allowJellyfinDelete',
  'clearJellyseerrMedia',
  'maxDeletionGiBPerDay',
  'autoSchedule',
  'cleanupPaused',
] as const;

export async function updateSettings(ctx: TenantContext, patch: SettingsPatch): Promise<Settings> {
  const changes = validatePatch(patch);
  const stored = await loadSettingsOverrides(ctx.db, ctx.tenantId);
  const before = resolveSettings(stored);
  const overrides = { ...stored, ...changes };
  await saveSettingsOverrides(ctx.db, ctx.tenantId, overrides, ctx.clock.now());
  const after = resolveSettings(overrides);
  const changed = CLEANUP_SETTINGS.filter((key) => key in changes && before[key] !== after[key]);
  if (changed.length > 0)
    await insertAudit(ctx.db.q, ctx.db, [
      {
        tenantId: ctx.tenantId,
        at: ctx.clock.now(),
        actor: ctx.actor ?? 'system',
        action: 'settings.cleanup',
        detail: Object.fromEntries(changed.map((key) => [key, { from: before[key], to: after[key] }])),
      },
    ]);
  await recomputeTenant(ctx);
  return after;
}

export async function resetSettings(ctx: TenantContext): Promise<Settings> {
  await deleteSettingsOverrides(ctx.db, ctx.tenantId);
  await recomputeTenant(ctx);
  return resolveSettings({});
}
