import { z } from 'zod';
import { IssueItem, PageQuery, SearchText, SortOrder } from './analysis';

export const LibrarySort = z.enum(['name', 'size', 'added', 'watched', 'year']);
export type LibrarySort = z.infer<typeof LibrarySort>;

const Bool = z.enum(['true', 'false']).transform((value) => value === 'true');
const Year = z.coerce.number().int().min(1800).max(3000);
const Bytes = z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

/** The library browser: every movie and series, filtered; sizes in bytes, years inclusive. */
export const LibraryQuery = z
  .object({
    kind: z.enum(['movie', 'series']).optional(),
    q: SearchText.optional(),
    watched: Bool.optional(),
    yearFrom: Year.optional(),
    yearTo: Year.optional(),
    sizeMin: Bytes.optional(),
    sizeMax: Bytes.optional(),
    sort: LibrarySort.optional(),
    order: SortOrder.optional(),
    ...PageQuery,
  })
  .refine((q) => q.yearFrom === undefined || q.yearTo === undefined || q.yearFrom <= q.yearTo, {
    path: ['yearTo'],
    message: 'yearTo must not be before yearFrom',
  })
  .refine((q) => q.sizeMin === undefined || q.sizeMax === undefined || q.sizeMin <= q.sizeMax, {
    path: ['sizeMax'],
    message: 'sizeMax must not be below sizeMin',
  });
export type LibraryQuery = z.infer<typeof LibraryQuery>;

export const LibraryPage = z.object({
  items: z.array(IssueItem),
  total: z.number().int(),
  totalSizeBytes: z.number(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type LibraryPage = z.infer<typeof LibraryPage>;
