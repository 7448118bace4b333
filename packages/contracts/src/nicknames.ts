import { z } from 'zod';

export const NicknameSource = z.enum(['jellyfin', 'jellyseerr']);

/** One server user: its name on the server and the name the owner shows instead. */
export const Nickname = z.object({
  source: NicknameSource,
  userId: z.string(),
  serverName: z.string().nullable(),
  displayName: z.string(),
});
export type Nickname = z.infer<typeof Nickname>;

export const NicknameList = z.object({ items: z.array(Nickname) });

/** Replaces the whole map; a blank display name removes the nickname. */
export const NicknamesPut = z.object({
  items: z
    .array(
      z.object({
        source: NicknameSource,
        userId: z.string().trim().min(1).max(100),
        displayName: z.string().trim().max(100),
      }),
    )
    .max(1000),
});
export type NicknamesPut = z.infer<typeof NicknamesPut>;
