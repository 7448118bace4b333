import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './src/schema/pg.ts',
  out: process.env.MJ_MIGRATIONS_OUT ?? './migrations/pg',
});
