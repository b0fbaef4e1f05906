/** Base URL of the shop API; `/api` is proxied to the Nest server by Vite in development. */
export const API_BASE_URL: string = import.meta.env.VITE_API_URL ?? '/api';

/** Thrown for non-2xx responses; carries the HTTP status and Nest's error message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Query-string values the client knows how to encode; `undefined` entries are dropped. */
export type QueryParams = Record<string, string | number | boolean | undefined>;

/** Builds `?a=1&b=2` from params, skipping undefined and empty strings. */
export function toQueryString(params: QueryParams = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') {
      search.set(key, String(value));
    }
  }
  const encoded = search.toString();
  return encoded ? `?${encoded}` : '';
}

/**
 * Performs a JSON request against the API. The session cookie set by the auth gateway
 * is sent with every request (`credentials: 'include'`).
 */
export async function apiRequest<T>(
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  path: string,
  options: { params?: QueryParams; body?: unknown; signal?: AbortSignal } = {},
): Promise<T> {
  const response = await fetch(`${API_BASE_URL}${path}${toQueryString(options.params)}`, {
    method,
    credentials: 'include',
    headers: options.body === undefined ? { Accept: 'application/json' } : { Accept: 'application/json', 'Content-Type': 'application/json' },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    signal: options.signal,
  });
  if (!response.ok) {
    const payload = (await response.json().catch(() => ({}))) as { message?: string | string[] };
    const message = Array.isArray(payload.message) ? payload.message.join('; ') : payload.message;
    throw new ApiError(response.status, message ?? response.statusText);
  }
  return (response.status === 204 ? undefined : await response.json()) as T;
}
