import type { Query } from '../http/sim-server';

/** A query that express-openapi-validator (in front of every Jellyseerr route) would refuse. */
export class OpenApiError extends Error {
  constructor(
    readonly where: string,
    readonly name_: string,
    readonly detail: string,
    readonly code: string,
  ) {
    super(`request/${where}/${name_} ${detail}`);
  }
  body(): unknown {
    return {
      message: this.message,
      errors: [
        { path: `/${this.where}/${this.name_}`, message: this.detail, errorCode: `${this.code}.openapi.validation` },
      ],
    };
  }
}

export function num(q: Query, name: string, where = 'query'): number | undefined {
  const v = q[name];
  if (v === undefined) return undefined;
  const n = Number(v);
  if (v.trim() === '' || Number.isNaN(n)) throw new OpenApiError(where, name, 'must be number', 'type');
  return n;
}

export function oneOf<T extends string>(q: Query, name: string, allowed: readonly T[]): T | undefined {
  const v = q[name];
  if (v === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(v)) {
    throw new OpenApiError('query', name, `must be equal to one of the allowed values: ${allowed.join(', ')}`, 'enum');
  }
  return v as T;
}

export function pageInfo(total: number, take: number, skip: number) {
  return { pages: Math.ceil(total / take), pageSize: take, results: total, page: Math.ceil(skip / take) + 1 };
}
