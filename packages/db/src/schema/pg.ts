import { pgKit } from '../kit';
import { defineSchema } from './define';

// drizzle-kit reads the named exports of this file.
export const schema = defineSchema(pgKit);
export const { tenants, users, memberships, refreshTokens, apiTokens, passwordResets } = schema;
