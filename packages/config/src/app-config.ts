import { isIP } from 'node:net';
import { z } from 'zod';
import { booleanFlag, ConfigError, emptyAsUndefined, parseEnv, positiveInt, type Env } from './env';
import { fromRepoRoot } from './paths';

// Each concern parses only its own variables. `loadConfig` is called once per process at boot;
// nothing else in the code base reads process.env.

function isAddressOrCidr(text: string): boolean {
  const [address, prefix, ...rest] = text.split('/');
  const family = isIP(address ?? '');
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  const bits = Number(prefix);
  return /^\d{1,3}$/.test(prefix) && bits <= (family === 4 ? 32 : 128);
}

export function serverConfig(env: Env) {
  // The old all-or-nothing switch: refusing it beats silently trusting nobody behind a proxy.
  if (env['TRUST_PROXY'])
    throw new ConfigError(['TRUST_PROXY: was replaced by TRUSTED_PROXIES: list the addresses of your reverse proxies']);
  const v = parseEnv(
    {
      PORT: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(0).max(65535).default(3000)),
      HOST: z.preprocess(emptyAsUndefined, z.string().default('0.0.0.0')),
      PUBLIC_URL: z.preprocess(emptyAsUndefined, z.url().optional()),
      API_INTERNAL_URL: z.preprocess(emptyAsUndefined, z.url().optional()),
      LOG_LEVEL: z.preprocess(
        emptyAsUndefined,
        z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
      ),
      TRUSTED_PROXIES: z.preprocess(
        emptyAsUndefined,
        z
          .string()
          .refine((s) => s.split(',').every((p) => isAddressOrCidr(p.trim())), {
            message: 'must be a comma list of IP addresses or CIDR ranges (10.0.0.0/8, 192.168.1.2, ::1)',
          })
          .optional(),
      ),
      METRICS_TOKEN: z.preprocess(emptyAsUndefined, z.string().min(16, 'must be at least 16 characters').optional()),
    },
    env,
  );
  const publicUrl = (v.PUBLIC_URL ?? `http://localhost:${v.PORT}`).replace(/\/+$/, '');
  return {
    port: v.PORT,
    host: v.HOST,
    publicUrl,
    /** Where server-side code reaches the API; never the public URL (ARCHITECTURE: embedded mode). */
    apiInternalUrl: (v.API_INTERNAL_URL ?? `http://127.0.0.1:${v.PORT}`).replace(/\/+$/, ''),
    logLevel: v.LOG_LEVEL,
    /**
     * Addresses whose X-Forwarded-For is believed (client IPs for rate limits). Nobody by default, not
     * even loopback: a local process could otherwise pick any client address it likes.
     */
    trustedProxies: (v.TRUSTED_PROXIES ?? '')
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean),
    /** Bearer token `/metrics` requires; without one the endpoint is not served. */
    metricsToken: v.METRICS_TOKEN,
  };
}

export function storageConfig(env: Env) {
  const v = parseEnv(
    {
      DATA_DIR: z.preprocess(emptyAsUndefined, z.string().default('data')),
      DATABASE_URL: z.preprocess(
        emptyAsUndefined,
        z
          .string()
          .refine((s) => /^(postgres|postgresql):\/\//.test(s) || s.startsWith('file:') || !s.includes('://'), {
            message: 'must be a postgres:// URL, a file: URL or a path to a SQLite file',
          })
          .optional(),
      ),
      REDIS_URL: z.preprocess(
        emptyAsUndefined,
        z
          .string()
          .regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL')
          .optional(),
      ),
    },
    env,
  );
  const dataDir = fromRepoRoot(v.DATA_DIR);
  const url = v.DATABASE_URL;
  const database =
    url && /^postgres(ql)?:\/\//.test(url)
      ? ({ dialect: 'pg', url } as const)
      : ({
          dialect: 'sqlite',
          file: url ? fromRepoRoot(url.replace(/^file:/, '')) : `${dataDir}/media-janitor.db`,
        } as const);
  return { dataDir, database, redisUrl: v.REDIS_URL };
}

export function authConfig(env: Env) {
  const v = parseEnv(
    {
      JWT_SECRET: z.preprocess(emptyAsUndefined, z.string().min(32, 'must be at least 32 characters').optional()),
      ACCESS_TOKEN_TTL_SECONDS: z.preprocess(emptyAsUndefined, positiveInt.default(900)),
      REFRESH_TOKEN_TTL_DAYS: z.preprocess(emptyAsUndefined, positiveInt.default(30)),
      SIGNUPS_ENABLED: z.preprocess(emptyAsUndefined, booleanFlag.default(true)),
      BCRYPT_COST: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(4).max(15).default(12)),
      RATE_LIMIT_LOGIN_PER_MINUTE: z.preprocess(emptyAsUndefined, positiveInt.default(20)),
      RATE_LIMIT_REGISTER_PER_MINUTE: z.preprocess(emptyAsUndefined, positiveInt.default(30)),
      RATE_LIMIT_RESET_PER_MINUTE: z.preprocess(emptyAsUndefined, positiveInt.default(10)),
      RATE_LIMIT_AUTH_PER_IP_PER_MINUTE: z.preprocess(emptyAsUndefined, positiveInt.default(20)),
      RATE_LIMIT_SYNC_PER_MINUTE: z.preprocess(emptyAsUndefined, positiveInt.default(6)),
      ADMIN_EMAILS: z.preprocess(emptyAsUndefined, z.string().optional()),
    },
    env,
  );
  return {
    jwtSecret: v.JWT_SECRET,
    accessTokenTtlSeconds: v.ACCESS_TOKEN_TTL_SECONDS,
    refreshTokenTtlDays: v.REFRESH_TOKEN_TTL_DAYS,
    signupsEnabled: v.SIGNUPS_ENABLED ?? true,
    /** Operators: may open the queue dashboard (production mode). */
    adminEmails: (v.ADMIN_EMAILS ?? '')
      .split(',')
      .map((e) => e.trim().toLowerCase())
      .filter(Boolean),
    bcryptCost: v.BCRYPT_COST,
    rateLimits: {
      loginPerMinute: v.RATE_LIMIT_LOGIN_PER_MINUTE,
      registerPerMinute: v.RATE_LIMIT_REGISTER_PER_MINUTE,
      resetPerMinute: v.RATE_LIMIT_RESET_PER_MINUTE,
      /** Login and reset requests from one IP, whatever the email (stops spraying many accounts). */
      authPerIpPerMinute: v.RATE_LIMIT_AUTH_PER_IP_PER_MINUTE,
      syncPerMinute: v.RATE_LIMIT_SYNC_PER_MINUTE,
    },
  };
}

/** `ENCRYPTION_KEYS=id1:base64key,id2:base64key`; the first one encrypts, all of them decrypt. */
export function cryptoConfig(env: Env) {
  const v = parseEnv(
    {
      ENCRYPTION_KEYS: z.preprocess(
        emptyAsUndefined,
        z
          .string()
          .refine(
            (s) =>
              s.split(',').every((pair) => {
                const [id, key] = pair.trim().split(':');
                return !!id && !!key && Buffer.from(key, 'base64').length === 32;
              }),
            { message: 'must be a comma list of id:base64 pairs, each key 32 bytes (openssl rand -base64 32)' },
          )
          .optional(),
      ),
    },
    env,
  );
  const keys = v.ENCRYPTION_KEYS?.split(',').map((pair) => {
    const [id, key] = pair.trim().split(':') as [string, string];
    return { id, key: Buffer.from(key, 'base64') };
  });
  return { encryptionKeys: keys };
}

export function mailConfig(env: Env) {
  const v = parseEnv(
    {
      SMTP_URL: z.preprocess(
        emptyAsUndefined,
        z
          .string()
          .regex(/^smtps?:\/\//, 'must be smtp:// or smtps://')
          .optional(),
      ),
      MAIL_FROM: z.preprocess(emptyAsUndefined, z.string().default('Media Janitor <no-reply@localhost>')),
    },
    env,
  );
  return { smtpUrl: v.SMTP_URL, from: v.MAIL_FROM };
}

export function mediaConfig(env: Env, embedded: boolean) {
  const v = parseEnv(
    {
      MEDIA_CONCURRENCY: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(32).default(4)),
      ALLOW_PRIVATE_NETWORK: z.preprocess(emptyAsUndefined, booleanFlag.optional()),
      MEDIA_TIMEOUT_MS: z.preprocess(emptyAsUndefined, positiveInt.default(15000)),
      DEMO: z.preprocess(emptyAsUndefined, booleanFlag.optional()),
    },
    env,
  );
  return {
    concurrency: v.MEDIA_CONCURRENCY,
    // Home servers live on the LAN, so embedded mode allows private addresses; SaaS mode must not.
    allowPrivateNetwork: v.ALLOW_PRIVATE_NETWORK ?? embedded,
    timeoutMs: v.MEDIA_TIMEOUT_MS,
    // The bundled demo server never runs in production.
    demo: embedded && (v.DEMO ?? true),
  };
}

export function workerConfig(env: Env) {
  const v = parseEnv(
    {
      WORKER_CONCURRENCY: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(64).default(2)),
      SYNC_STALE_AFTER_SECONDS: z.preprocess(emptyAsUndefined, positiveInt.default(60)),
      SCHEDULE_JITTER_MINUTES: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(0).max(180).default(30)),
      QUEUE_PREFIX: z.preprocess(
        emptyAsUndefined,
        z
          .string()
          .regex(/^[a-z0-9_-]{1,40}$/, 'must be 1-40 of a-z 0-9 _ -')
          .default('mj'),
      ),
    },
    env,
  );
  return {
    concurrency: v.WORKER_CONCURRENCY,
    staleAfterMs: v.SYNC_STALE_AFTER_SECONDS * 1000,
    scheduleJitterMinutes: v.SCHEDULE_JITTER_MINUTES,
    /** Redis key prefix of the queue: lets several deployments (or test runs) share one Redis. */
    queuePrefix: v.QUEUE_PREFIX,
  };
}

export function loadConfig(env: Env = process.env) {
  const problems: string[] = [];
  const attempt = <T>(fn: () => T): T | undefined => {
    try {
      return fn();
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      problems.push(...error.problems);
      return undefined;
    }
  };
  const storage = attempt(() => storageConfig(env));
  // Embedded = one process, SQLite or not, no Redis: jobs run in process.
  const embedded = !storage?.redisUrl;
  const config = {
    mode: embedded ? ('embedded' as const) : ('production' as const),
    embedded,
    server: attempt(() => serverConfig(env)),
    storage,
    auth: attempt(() => authConfig(env)),
    crypto: attempt(() => cryptoConfig(env)),
    mail: attempt(() => mailConfig(env)),
    media: attempt(() => mediaConfig(env, embedded)),
    worker: attempt(() => workerConfig(env)),
    nodeEnv: env.NODE_ENV ?? 'development',
  };
  if (!embedded) {
    if (!config.auth?.jwtSecret) problems.push('JWT_SECRET: required in production mode (REDIS_URL set)');
    if (!config.crypto?.encryptionKeys) problems.push('ENCRYPTION_KEYS: required in production mode (REDIS_URL set)');
    // Reset links must reach the user by mail, never a log an operator (or a log shipper) can read.
    if (config.mail && !config.mail.smtpUrl)
      problems.push('SMTP_URL: required in production mode (REDIS_URL set): password reset links are sent by mail');
  }
  if (problems.length > 0) {
    throw new ConfigError(problems);
  }
  return config as {
    [K in keyof typeof config]: NonNullable<(typeof config)[K]>;
  };
}

export type AppConfig = ReturnType<typeof loadConfig>;

/** For process entry points: a bad configuration prints its problems and exits instead of a stack trace. */
export function loadConfigOrExit(env: Env = process.env): AppConfig {
  try {
    return loadConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
