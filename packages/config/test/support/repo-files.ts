import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { repoRoot } from '../../src/index';

export const repoPath = (...parts: string[]) => join(repoRoot, ...parts);
export const readRepoFile = (...parts: string[]) => readFileSync(repoPath(...parts), 'utf8');

/** Parses a YAML file of the repository; merge keys (`<<: *anchor`) resolved as Compose does. */
export function readYaml<T>(...parts: string[]): T {
  return parse(readRepoFile(...parts), { merge: true }) as T;
}

/**
 * Names of the variables `app-config.ts` parses: the keys of its parseEnv shapes (`NAME: z....`) and
 * direct reads (`env.NAME`). Read from the source so a new variable cannot skip the documentation.
 */
export function configVariableNames(): string[] {
  const source = readRepoFile('packages/config/src/app-config.ts');
  const shapeKeys = [...source.matchAll(/^\s+([A-Z][A-Z0-9_]{2,}):\s/gm)].map((m) => m[1]!);
  const directReads = [...source.matchAll(/\benv\.([A-Z][A-Z0-9_]{2,})\b/g)].map((m) => m[1]!);
  return [...new Set([...shapeKeys, ...directReads])].sort();
}

export interface DotenvEntry {
  name: string;
  value: string;
  /** false for `# NAME=value` lines, which document a default. */
  active: boolean;
  line: number;
}

/** The assignments of a .env file, commented-out ones included. */
export function dotenvEntries(text: string): DotenvEntry[] {
  return text.split('\n').flatMap((raw, index) => {
    const match = /^(#\s*)?([A-Z][A-Z0-9_]*)=(.*)$/.exec(raw);
    if (!match) return [];
    return [{ name: match[2]!, value: match[3]!, active: !match[1], line: index }];
  });
}

/** Compose-style interpolation of `${NAME}`, `${NAME:-default}` and `${NAME:?error}` from `vars`. */
export function interpolate(text: string, vars: Record<string, string | undefined>): string {
  return text.replace(/\$\{([A-Z0-9_]+)(?:(:-|:\?)([^}]*))?\}/g, (_all, name: string, op?: string, arg?: string) => {
    const value = vars[name];
    if (value) return value;
    if (op === ':?') throw new Error(`${name}: ${arg}`);
    return op === ':-' ? (arg ?? '') : '';
  });
}
