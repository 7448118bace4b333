import { MAX_INSTANT_MS } from '@mj/core';
import { z } from 'zod';

/** Every error response: a stable machine code, a human message, optional details (e.g. field errors). */
export const ErrorResponse = z.object({
  code: z.string(),
  message: z.string(),
  details: z.unknown().optional(),
});
export type ErrorResponse = z.infer<typeof ErrorResponse>;

/** `details` of a 400 `validation_error`: one entry per bad field. */
export const FieldError = z.object({ field: z.string(), message: z.string() });
export type FieldError = z.infer<typeof FieldError>;

export const IdParams = z.object({ id: z.string().min(1).max(100) });

const withinBounds = (text: string) => {
  const ms = Date.parse(text);
  return Number.isFinite(ms) && ms >= 0 && ms <= MAX_INSTANT_MS;
};
const BOUND_MESSAGE = 'must be a real date between 1970 and 9999';

/**
 * Every date a client sends: ISO 8601 (date-time with offset, or a date = midnight UTC) or epoch
 * milliseconds, always between 1970 and the end of year 9999 so it can be stored and shown back.
 */
export const Instant = z.union([
  z.iso.datetime({ offset: true }).refine(withinBounds, BOUND_MESSAGE),
  z.iso.date().refine(withinBounds, BOUND_MESSAGE),
  z.number().int().min(0).max(MAX_INSTANT_MS, BOUND_MESSAGE),
]);
