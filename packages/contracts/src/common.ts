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
