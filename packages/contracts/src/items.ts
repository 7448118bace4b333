import { z } from 'zod';

/** Poster widths the API serves (CSS px x device pixel ratio of the web's thumbnails); others are 400. */
export const IMAGE_WIDTHS = [80, 160, 320, 640] as const;

export const ItemImageQuery = z.object({
  width: z.coerce
    .number()
    .int()
    .refine((w): w is (typeof IMAGE_WIDTHS)[number] => (IMAGE_WIDTHS as readonly number[]).includes(w), {
      message: `width must be one of ${IMAGE_WIDTHS.join(', ')}`,
    })
    .default(160),
});
export type ItemImageQuery = z.infer<typeof ItemImageQuery>;
