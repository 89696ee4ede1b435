import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { components, operations, paths } from './api';

export type { components, operations, paths };
/** The body of every error answer of the API. */
export type ErrorBody = components['schemas']['ErrorBody'];
export type ShopfloorClient = Client<paths>;

export interface ShopfloorClientOptions {
  /** The gateway's address, e.g. https://shopfloor.example.com (no trailing /api/v1: paths carry it). */
  baseUrl: string;
  /** An API key (X-API-Key); give this or `token`. */
  apiKey?: string;
  /** A bearer token, or a function that returns the current one (called before each request, so it can renew). */
  token?: string | (() => string | Promise<string>);
  /** Another fetch, e.g. one with a proxy or a timeout. */
  fetch?: (request: Request) => Promise<Response>;
  /** Headers sent with every request, e.g. X-Request-Id for correlation. */
  headers?: Record<string, string>;
}

/**
 * A typed client of the Shopfloor API: every path, parameter, body and answer as the OpenAPI document describes it.
 * Each call resolves to `{ data }` on success or `{ error }` (an ErrorBody) with `response` either way.
 */
export function createShopfloorClient(options: ShopfloorClientOptions): ShopfloorClient {
  const client = createClient<paths>({ baseUrl: options.baseUrl.replace(/\/+$/, ''), fetch: options.fetch, headers: options.headers });
  const { apiKey, token } = options;
  if (apiKey !== undefined || token !== undefined) client.use(credentials(apiKey, token));
  return client;
}

function credentials(apiKey: string | undefined, token: ShopfloorClientOptions['token']): Middleware {
  return {
    async onRequest({ request }) {
      if (apiKey !== undefined) request.headers.set('X-API-Key', apiKey);
      else if (token !== undefined) request.headers.set('Authorization', `Bearer ${typeof token === 'function' ? await token() : token}`);
      return request;
    },
  };
}
