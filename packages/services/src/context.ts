import type { Db } from '@mj/db';

export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

export interface Logger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** What every use-case receives. Tenant-scoped use-cases get a `TenantContext`. */
export interface ServiceContext {
  db: Db;
  clock: Clock;
  log: Logger;
}

export interface TenantContext extends ServiceContext {
  tenantId: string;
  userId: string;
  /** Who acts, for the audit log: `user:<email>`, `api-token:<email>`; absent for system work. */
  actor?: string;
}
