import { isValidTimeZone, normaliseLanguageList, resolveSettings, type Settings } from '@mj/core';
import type { SettingsPatch } from '@mj/contracts';
import { deleteSettingsOverrides, loadSettingsOverrides, saveSettingsOverrides } from '@mj/db';
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

export async function updateSettings(ctx: TenantContext, patch: SettingsPatch): Promise<Settings> {
  const changes = validatePatch(patch);
  const overrides = { ...(await loadSettingsOverrides(ctx.db, ctx.tenantId)), ...changes };
  await saveSettingsOverrides(ctx.db, ctx.tenantId, overrides, ctx.clock.now());
  await recomputeTenant(ctx);
  return resolveSettings(overrides);
}

export async function resetSettings(ctx: TenantContext): Promise<Settings> {
  await deleteSettingsOverrides(ctx.db, ctx.tenantId);
  await recomputeTenant(ctx);
  return resolveSettings({});
}
