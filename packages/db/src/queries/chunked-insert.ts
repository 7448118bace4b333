// SQLite caps bound parameters at 32,766 and PostgreSQL at 65,535; the widest table we bulk-insert has
// ~26 columns, and 26 x 500 fits both. Short statements also keep SQLite's synchronous writes from
// holding the event loop (the API shares the process in embedded mode).
export const INSERT_CHUNK_ROWS = 500;

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Inserts rows in chunks of {@link INSERT_CHUNK_ROWS}. With `yieldBetween`, other work runs between
 * chunks (bulk writes outside a transaction); inside a transaction, leave it off.
 */
export async function insertInChunks<T>(
  rows: readonly T[],
  insert: (chunk: T[]) => Promise<unknown>,
  opts: { yieldBetween?: boolean } = {},
): Promise<void> {
  for (let i = 0; i < rows.length; i += INSERT_CHUNK_ROWS) {
    await insert(rows.slice(i, i + INSERT_CHUNK_ROWS));
    if (opts.yieldBetween && i + INSERT_CHUNK_ROWS < rows.length) await yieldToEventLoop();
  }
}

export { yieldToEventLoop };
