import { loadConfig } from "@mj/config";
import { createTestDb, type TestDialect, type TestDb } from "@mj/db/testing";
import {
  bcryptHasher,
  createMailer,
  systemClock,
  type Clock,
} from "@mj/services";
import { buildApp, type App, type AppDeps } from "../src";

export interface Harness {
  app: App;
  db: TestDb;
  deps: AppDeps;
  close(): Promise<void>;
}

/** A real app on a real database of the given dialect; bcrypt at its cheapest cost to keep tests fast. */
export async function createHarness(
  dialect: TestDialect,
  opts: { env?: Record<string, string>; smtpUrl?: string; clock?: Clock } = {},
): Promise<Harness> {
  const db = await createTestDb(dialect);
  const config = loadConfig({
    PUBLIC_URL: "http://mj.test",
    BCRYPT_COST: "4",
    LOG_LEVEL: "silent",
    ...opts.env,
  });
  const log = {
    info: () => undefined,
    warn: () => undefined,
    error: () => undefined,
  };
  const deps: AppDeps = {
    config,
    db,
    clock: opts.clock ?? systemClock,
    jwtSecret: "test-secret-test-secret-test-secret-0123",
    auth: {
      hasher: bcryptHasher(config.auth.bcryptCost),
      mailer: createMailer({ smtpUrl: opts.smtpUrl, from: "mj@test", log }),
      signupsEnabled: config.auth.signupsEnabled,
      refreshTokenTtlMs: config.auth.refreshTokenTtlDays * 86_400_000,
      publicUrl: config.server.publicUrl,
    },
  };
  const app = await buildApp(deps, { logger: false });
  await app.ready();
  return {
    app,
    db,
    deps,
    async close() {
      await app.close();
      await db.destroy();
    },
  };
}

let counter = 0;
export function uniqueEmail(prefix = "user"): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${counter}@example.com`;
}

export const PASSWORD = "correct horse battery";

/** Registers and logs in a fresh account; returns its bearer header and ids. */
export async function signUp(app: App, email = uniqueEmail()) {
  const reg = await app.inject({
    method: "POST",
    url: "/api/auth/register",
    payload: { email, password: PASSWORD },
  });
  if (reg.statusCode !== 201) throw new Error(`register failed: ${reg.body}`);
  const login = await app.inject({
    method: "POST",
    url: "/api/auth/login",
    payload: { email, password: PASSWORD },
  });
  const body = login.json() as {
    accessToken: string;
    user: { id: string; tenantId: string };
  };
  const refreshCookie = login.cookies.find(
    (c) => c.name === "mj_refresh",
  )!.value;
  return {
    email,
    userId: body.user.id,
    tenantId: body.user.tenantId,
    accessToken: body.accessToken,
    refreshCookie,
    headers: { authorization: `Bearer ${body.accessToken}` },
  };
}
