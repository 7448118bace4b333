import { FieldError, PASSWORD_MIN_LENGTH } from '@mj/contracts';
import { translateByPattern, type MessageKey, type MessagePattern, type Translate } from '$lib/i18n';
import { ApiError } from './api-client';

/** What a failed form action returns to its page: one summary message plus per-field messages. */
export interface FormErrors {
  /** The API's error code (or a transport code such as `api_unreachable`). */
  code: string;
  message: string;
  fieldErrors: Record<string, string>;
}

// The API speaks English; known field messages are translated, anything else is shown as sent.
const FIELD_MESSAGES: readonly MessagePattern[] = [
  [/is required$/, 'fieldError.required', () => ({})],
  [/must be a valid email/, 'fieldError.emailInvalid', () => ({})],
  [/^email is too long/, 'fieldError.emailTooLong', () => ({})],
  [/must be at least (\d+) characters/, 'fieldError.passwordTooShort', (m) => ({ min: m[1] ?? PASSWORD_MIN_LENGTH })],
  [/must be at most \d+ bytes/, 'fieldError.passwordTooLong', () => ({})],
  [/must not be the same as the email/, 'fieldError.passwordIsEmail', () => ({})],
];

const KNOWN_CODES = new Set<string>([
  'invalid_credentials',
  'email_taken',
  'signups_disabled',
  'invalid_token',
  'rate_limited',
  'validation_error',
  'api_unreachable',
]);

export function translateFieldMessage(message: string, t: Translate): string {
  return translateByPattern(message, FIELD_MESSAGES, t);
}

/** `body.password` and `/password` both name the form field `password`. */
function fieldName(path: string): string {
  return path.split(/[./]/).filter(Boolean).pop() ?? path;
}

export interface DescribeOptions {
  /** A 409 from this form means this (e.g. sign-up: the email is taken) and is shown on that field. */
  conflict?: { message: MessageKey; field: string };
}

/**
 * Turns an API error into messages for a form. Known codes get a translated message; other 4xx keep the
 * API's own (clear, English) message; 5xx get a generic one. Non-API errors are bugs and are rethrown.
 */
export function describeApiError(error: unknown, t: Translate, options: DescribeOptions = {}): FormErrors {
  if (!(error instanceof ApiError)) throw error;
  const fieldErrors: Record<string, string> = {};
  if (Array.isArray(error.details)) {
    for (const detail of error.details) {
      const parsed = FieldError.safeParse(detail);
      if (!parsed.success) continue;
      fieldErrors[fieldName(parsed.data.field)] ??= translateFieldMessage(parsed.data.message, t);
    }
  }
  if (error.status === 409 && options.conflict) {
    const message = t(options.conflict.message);
    fieldErrors[options.conflict.field] ??= message;
    return { code: error.code, message, fieldErrors };
  }
  const code = error.status === 429 ? 'rate_limited' : error.code;
  let message: string;
  if (KNOWN_CODES.has(code)) message = t(`apiError.${code}` as MessageKey);
  else if (error.status >= 400 && error.status < 500 && error.message) message = error.message;
  else message = t('apiError.unknown');
  return { code, message, fieldErrors };
}

/** HTTP status for `fail()`: the API's own 4xx, otherwise a gateway-style error. */
export function failureStatus(error: ApiError): number {
  if (error.status >= 400 && error.status < 500) return error.status;
  return error.status >= 500 && error.status < 600 ? error.status : 502;
}
