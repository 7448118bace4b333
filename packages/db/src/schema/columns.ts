import type { AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { Kit } from '../kit';

// Column sets that several tables share, written once for both dialects (ADR 0001). Each returns fresh
// builders: drizzle binds a builder to the table it is placed in, so one instance cannot serve two tables.

/** A row owned by a tenant: deleted with it. */
export const tenantRef = (k: Kit, tenants: { id: AnySQLiteColumn }) =>
  k
    .text('tenant_id')
    .notNull()
    .references(() => tenants.id, { onDelete: 'cascade' });

/** A row owned by a user: deleted with them. */
export const userRef = (k: Kit, users: { id: AnySQLiteColumn }) =>
  k
    .text('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' });

/**
 * The first columns of every snapshot table: the sync that wrote the row, and its tenant. No foreign
 * key on purpose: snapshots are written in large chunks and deleted wholesale (ADR 0003).
 */
export const snapshotColumns = (k: Kit) => ({
  snapshotId: k.text('snapshot_id').notNull(),
  tenantId: k.text('tenant_id').notNull(),
});

/** A title's provider ids (TMDB, TVDB, IMDb), as text everywhere they identify library content. */
export const providerIds = (k: Kit) => ({
  tmdbId: k.text('tmdb_id'),
  tvdbId: k.text('tvdb_id'),
  imdbId: k.text('imdb_id'),
});

/** Creation and last-change instants (epoch ms). */
export const timestamps = (k: Kit) => ({
  createdAt: k.big('created_at').notNull(),
  updatedAt: k.big('updated_at').notNull(),
});
