import { defaultPathSerializer } from 'openapi-fetch';
import type { paths } from './schema';

type ParamNames<P extends string> = P extends `${string}{${infer Name}}${infer Rest}` ? Name | ParamNames<Rest> : never;
type PathArgs<P extends string> = [ParamNames<P>] extends [never] ? [] : [params: Record<ParamNames<P>, string>];

/**
 * The URL of an API resource that is not JSON (an image, a CSV, an event stream), for `<img src>`,
 * `<a href>` and `EventSource`: the path is checked against the document like a typed call, and its
 * parameters are encoded the way openapi-fetch encodes them.
 */
export function apiPath<P extends keyof paths & string>(path: P, ...args: PathArgs<P>): string {
  const [params] = args;
  return params ? defaultPathSerializer(path, params) : path;
}
