import { SettingsPatch, SettingsResponse } from '@mj/contracts';
import { getSettings, resetSettings, updateSettings } from '@mj/services';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../deps';
import { errorResponses } from './shared';

export function settingsRoutes(deps: Pick<AppDeps, 'queue'>): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/settings',
      {
        schema: {
          tags: ['settings'],
          summary: 'The tenant settings',
          response: { 200: SettingsResponse, ...errorResponses(401) },
        },
      },
      async (request) => getSettings(request.tenant()),
    );

    app.patch(
      '/settings',
      {
        schema: {
          tags: ['settings'],
          summary: 'Change some settings; the analyses are re-evaluated before the response',
          body: SettingsPatch,
          response: { 200: SettingsResponse, ...errorResponses(400, 401) },
        },
      },
      async (request) => {
        const result = await updateSettings(request.tenant(), request.body);
        // The nightly sync follows the tenant's hour and zone.
        if (request.body.syncHour !== undefined || request.body.timeZone !== undefined) {
          await deps.queue.refreshSchedule(request.tenant().tenantId);
        }
        return result;
      },
    );

    app.post(
      '/settings/reset',
      {
        schema: {
          tags: ['settings'],
          summary: 'Restore every default',
          response: { 200: SettingsResponse, ...errorResponses(401) },
        },
      },
      async (request) => {
        const result = await resetSettings(request.tenant());
        await deps.queue.refreshSchedule(request.tenant().tenantId);
        return result;
      },
    );
  };
}
