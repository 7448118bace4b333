import { z } from 'zod';
import { Instant } from './common';

export const PASSWORD_MIN_LENGTH = 10;
/** bcrypt only reads 72 bytes: longer passwords are refused rather than silently truncated. */
export const PASSWORD_MAX_BYTES = 72;

export const Email = z
  .string({ error: 'email is required' })
  .trim()
  .toLowerCase()
  .max(254, 'email is too long')
  .pipe(z.email({ error: 'email must be a valid email address' }));

export const Password = z
  .string({ error: 'password is required' })
  .min(PASSWORD_MIN_LENGTH, `password must be at least ${PASSWORD_MIN_LENGTH} characters`)
  .refine((p) => Buffer.byteLength(p, 'utf8') <= PASSWORD_MAX_BYTES, {
    message: `password must be at most ${PASSWORD_MAX_BYTES} bytes`,
  });

function passwordNotEmail<T extends { email: string; password: string }>(body: T, ctx: z.RefinementCtx) {
  if (body.password.trim().toLowerCase() === body.email) {
    ctx.addIssue({ code: 'custom', path: ['password'], message: 'password must not be the same as the email' });
  }
}

export const RegisterBody = z.object({ email: Email, password: Password }).superRefine(passwordNotEmail);
export type RegisterBody = z.infer<typeof RegisterBody>;

// Login does not apply the password rules: a wrong password is a 401, never a hint about the rules.
export const LoginBody = z.object({
  email: Email,
  password: z.string({ error: 'password is required' }).min(1, 'password is required').max(1024),
});
export type LoginBody = z.infer<typeof LoginBody>;

export const UserDto = z.object({ id: z.string(), email: z.string(), tenantId: z.string() });
export type UserDto = z.infer<typeof UserDto>;

export const RegisterResponse = z.object({ user: UserDto });

export const LoginResponse = z.object({
  accessToken: z.string(),
  /** Seconds until the access token expires. */
  expiresIn: z.number().int(),
  user: UserDto,
});
export type LoginResponse = z.infer<typeof LoginResponse>;

/** The refresh token travels in an httpOnly cookie; scripts may send it in the body instead. */
// Fastify hands a missing body over as null.
export const RefreshBody = z.object({ refreshToken: z.string().min(1).optional() }).nullish();

export const MeResponse = z.object({ user: UserDto });

export const PasswordChangeBody = z.object({
  currentPassword: z.string({ error: 'currentPassword is required' }).min(1, 'currentPassword is required'),
  newPassword: Password,
});

export const PasswordResetRequestBody = z.object({ email: Email });

export const PasswordResetConfirmBody = z.object({
  token: z.string({ error: 'token is required' }).min(10, 'token is invalid').max(200),
  password: Password,
});

export const DeleteAccountBody = z.object({
  password: z.string({ error: 'password is required' }).min(1, 'password is required'),
});

export const ApiTokenScope = z.enum(['read', 'write']);

export const ApiTokenCreateBody = z.object({
  name: z.string({ error: 'name is required' }).trim().min(1, 'name is required').max(100, 'name is too long'),
  /** `read` (default): GET only. `write`: also changes data. No token manages tokens or the account. */
  scope: ApiTokenScope.default('read'),
  /** Null or absent: never expires. Must be in the future. */
  expiresAt: Instant.nullable().optional(),
});

export const ApiTokenDto = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  scope: ApiTokenScope,
  expiresAt: z.string().nullable(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
});
export type ApiTokenDto = z.infer<typeof ApiTokenDto>;

export const ApiTokenCreated = ApiTokenDto.extend({
  /** Shown exactly once; only its hash is stored. */
  token: z.string(),
});

export const ApiTokenList = z.object({ items: z.array(ApiTokenDto) });

export const HealthResponse = z.object({ status: z.literal('ok') });
export const ReadyResponse = z.object({
  status: z.enum(['ok', 'unavailable']),
  checks: z.record(z.string(), z.enum(['ok', 'down', 'skipped'])),
});

export const RefreshCookieName = 'mj_refresh';

/** The answer to a request whose outcome is not revealed (password reset: always 202). */
export const AcceptedResponse = z.object({ status: z.literal('accepted') });
export type AcceptedResponse = z.infer<typeof AcceptedResponse>;
