import { ErrorResponse } from '@mj/contracts';

/** Documents the error statuses of a route in the OpenAPI document. */
export function errorResponses(...statuses: number[]): Record<number, typeof ErrorResponse> {
  return Object.fromEntries(statuses.map((s) => [s, ErrorResponse]));
}
