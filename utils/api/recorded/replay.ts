import type { Fetch } from '../http';

/** One recorded exchange: the request expected, and the answer to give. */
export interface Exchange {
  method: 'GET' | 'POST' | 'PUT';
  url: string;
  status?: number;
  headers?: Record<string, string>;
  /** An object is sent as JSON; a string as is (for broken bodies). */
  body?: unknown;
}

export interface Sent {
  method: string;
  url: string;
  headers: Headers;
  body?: unknown;
}

/**
 * A fake fetch that plays recorded exchanges in order. A request that is not the next one expected gets a 599 answer
 * and stays in `sent`, so that comparing `requests()` with the script shows exactly what went wrong.
 */
export function replay(script: readonly Exchange[]) {
  const queue = [...script];
  const sent: Sent[] = [];
  const fetch: Fetch = async (url, init = {}) => {
    const method = init.method ?? 'GET';
    const body = typeof init.body === 'string' ? JSON.parse(init.body) : undefined;
    sent.push({ method, url, headers: new Headers(init.headers), body });
    const next = queue[0];
    if (!next || next.method !== method || next.url !== url)
      return new Response(`unexpected ${method} ${url}`, { status: 599 });
    queue.shift();
    const status = next.status ?? 200;
    const text =
      next.body === undefined || status === 204
        ? null
        : typeof next.body === 'string'
          ? next.body
          : JSON.stringify(next.body);
    const headers = new Headers(next.headers);
    if (text !== null && !headers.has('content-type'))
      headers.set('content-type', 'application/json; charset=utf-8');
    return new Response(text, { status, headers });
  };
  return {
    fetch,
    sent,
    /** "METHOD url" of every request made, in order. */
    requests: () => sent.map((request) => `${request.method} ${request.url}`),
    /** "METHOD url" of every exchange in the script, in order. */
    expected: () => script.map((exchange) => `${exchange.method} ${exchange.url}`),
  };
}
