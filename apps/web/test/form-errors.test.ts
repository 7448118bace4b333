import { describe, expect, it } from 'vitest';
import { translator } from '$lib/i18n';
import { ApiError } from '$lib/server/api-client';
import { describeApiError, failureStatus, translateFieldMessage } from '$lib/server/form-errors';

const en = translator('en');
const fr = translator('fr');

function validationError(details: unknown) {
  return new ApiError(400, 'validation_error', 'Invalid body', details);
}

describe('describeApiError', () => {
  it('maps validation details to per-field messages', () => {
    const result = describeApiError(
      validationError([
        { field: 'password', message: 'password must be at least 10 characters' },
        { field: 'email', message: 'email must be a valid email address' },
      ]),
      en,
    );
    expect(result.code).toBe('validation_error');
    expect(result.message).toBe('Please correct the highlighted fields.');
    expect(result.fieldErrors).toEqual({
      password: 'The password must be at least 10 characters.',
      email: 'Enter a valid email address.',
    });
  });

  it('translates known field messages and keeps the number from the API', () => {
    const result = describeApiError(
      validationError([{ field: 'password', message: 'password must be at least 12 characters' }]),
      fr,
    );
    expect(result.fieldErrors.password).toBe('Le mot de passe doit contenir au moins 12 caractères.');
  });

  it('names the field by the last segment of a nested path and keeps the first message per field', () => {
    const result = describeApiError(
      validationError([
        { field: 'body.newPassword', message: 'something odd' },
        { field: 'body.newPassword', message: 'second message' },
        { nonsense: true },
      ]),
      en,
    );
    expect(result.fieldErrors).toEqual({ newPassword: 'something odd' });
  });

  it('shows a conflict on the field the caller names', () => {
    const error = new ApiError(409, 'email_taken', 'An account with this email already exists.');
    const result = describeApiError(error, en, { conflict: { message: 'apiError.email_taken', field: 'email' } });
    expect(result.message).toBe('An account already exists for this email address.');
    expect(result.fieldErrors.email).toBe(result.message);
  });

  it('translates known codes', () => {
    expect(describeApiError(new ApiError(401, 'invalid_credentials', 'Wrong email or password'), fr).message).toBe(
      'E-mail ou mot de passe incorrect.',
    );
    expect(describeApiError(new ApiError(503, 'api_unreachable', 'ECONNREFUSED'), en).message).toMatch(
      /cannot be reached/,
    );
  });

  it('treats any 429 as rate limiting whatever its code', () => {
    expect(describeApiError(new ApiError(429, 'too_many', 'slow down'), en).code).toBe('rate_limited');
  });

  it("keeps the API's own message for an unknown 4xx but hides 5xx details", () => {
    expect(
      describeApiError(new ApiError(409, 'already_protected', 'This title is already protected.'), en).message,
    ).toBe('This title is already protected.');
    expect(describeApiError(new ApiError(500, 'internal_error', 'stack trace here'), en).message).toBe(
      'Something went wrong. Try again.',
    );
  });

  it('rethrows errors that are not API errors', () => {
    const bug = new TypeError('undefined is not a function');
    expect(() => describeApiError(bug, en)).toThrow(bug);
  });
});

describe('translateFieldMessage', () => {
  it('returns unknown messages unchanged', () => {
    expect(translateFieldMessage('name is too long', en)).toBe('name is too long');
  });

  it('recognises required fields', () => {
    expect(translateFieldMessage('password is required', fr)).toBe('Ce champ est obligatoire.');
  });
});

describe('failureStatus', () => {
  it('keeps client errors and server errors, and maps anything else to 502', () => {
    expect(failureStatus(new ApiError(409, 'x', 'y'))).toBe(409);
    expect(failureStatus(new ApiError(503, 'x', 'y'))).toBe(503);
    expect(failureStatus(new ApiError(302, 'x', 'y'))).toBe(502);
  });
});
