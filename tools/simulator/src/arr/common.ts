import type { FastifyRequest } from 'fastify';
import { empty, json, type SimResponse } from '../http/send';

import type { Query } from '../http/sim-server';
import { SimServer } from '../http/sim-server';

// What Radarr v3 and Sonarr v3 share (official API descriptions in shared/contracts/arr): the key in
// `X-Api-Key` or `?apikey=`, 401 without it, JSON bodies, `/api/v3/system/status`.

export const notFound = () => json(404, { message: 'NotFound', description: 'Not found' });

export type ArrHandler = (req: FastifyRequest, q: Query) => SimResponse;

export abstract class ArrSim {
  readonly server: SimServer;
  private revoked = false;
  /** Commands received (`POST /api/v3/command`), newest last: tests read searches from here. */
  readonly commands: { name: string; body: Record<string, unknown> }[] = [];

  constructor(
    readonly app: 'radarr' | 'sonarr',
    readonly apiKey: string,
    seed: number,
    private readonly version: string,
  ) {
    this.server = new SimServer(app, seed, { caseSensitive: false });
    this.route('GET', '/system/status', () =>
      json(200, {
        appName: app === 'radarr' ? 'Radarr' : 'Sonarr',
        instanceName: app === 'radarr' ? 'Radarr' : 'Sonarr',
        version: this.version,
        isProduction: true,
        isAdmin: false,
        isLinux: true,
        isDocker: true,
        branch: 'main',
        authentication: 'external',
        urlBase: '',
        runtimeName: '.NET',
      }),
    );
    this.route('POST', '/command', (req) => {
      const body = (req.body ?? {}) as Record<string, unknown>;
      if (typeof body.name !== 'string') return json(400, [{ propertyName: 'Name', errorMessage: 'required' }]);
      this.commands.push({ name: body.name, body });
      return json(201, {
        id: this.commands.length,
        name: body.name,
        status: 'queued',
        queued: new Date().toISOString(),
      });
    });
    this.server.notFound(() => notFound());
  }

  private readonly deletes = new Map<number, number>();

  /** DELETE requests received for this movie/series id, 404s included (exactly-once drills read it). */
  deleteCalls(id: number): number {
    return this.deletes.get(id) ?? 0;
  }

  /** Every id that received a DELETE, with its count. */
  deleteCounts(): ReadonlyMap<number, number> {
    return this.deletes;
  }

  protected countDelete(id: number): void {
    this.deletes.set(id, (this.deletes.get(id) ?? 0) + 1);
  }

  revokeApiKey(): void {
    this.revoked = true;
  }
  restoreApiKey(): void {
    this.revoked = false;
    this.server.resetKeyUses();
  }

  protected route(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, handler: ArrHandler): void {
    this.server.route(method, `/api/v3${path}`, (req, q) => {
      const key = (req.headers['x-api-key'] as string | undefined) ?? q.apikey;
      if (key !== this.apiKey || this.revoked || !this.server.admitKey()) return empty(401);
      return handler(req, q);
    });
  }
}

export const idParam = (req: FastifyRequest) => Number((req.params as { id: string }).id);
export const flag = (q: Query, name: string) => q[name.toLowerCase()] === 'true';
