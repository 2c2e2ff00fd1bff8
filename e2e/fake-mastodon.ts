import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import type { Answer } from './https-server';

// A stand-in for one Mastodon instance's OAuth and the two API calls a sign-in makes, for the local HTTPS server.
// It checks what a real instance checks: the registered client, the code, the secret and the PKCE verifier.

export const SIGNIN_SCOPES = 'read:accounts read:follows read:search write:follows';

export interface FakeMastodon {
  serve(request: IncomingMessage, body: string): Promise<Answer | undefined>;
  /** What it saw: each registration, the authorisation asked for, the token exchange, the tokens revoked. */
  seen: {
    apps: { client_name: string; redirect_uris: string; scopes: string }[];
    authorize?: URLSearchParams;
    token?: URLSearchParams;
    revoked: string[];
  };
}

export function fakeMastodon(instance: string): FakeMastodon {
  const seen: FakeMastodon['seen'] = { apps: [], revoked: [] };
  const live = () => !seen.revoked.includes('oauth-token');
  const json = (value: unknown, status = 200): Answer => ({
    status,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(value),
  });
  async function serve(request: IncomingMessage, body: string): Promise<Answer | undefined> {
    const url = new URL(request.url ?? '/', `https://${request.headers.host}`);
    if (url.hostname !== instance) return undefined;
    switch (`${request.method} ${url.pathname}`) {
      case 'GET /.well-known/oauth-authorization-server':
        return json({ issuer: `https://${instance}/`, code_challenge_methods_supported: ['S256'] });
      case 'POST /api/v1/apps': {
        const app = JSON.parse(body);
        seen.apps.push(app);
        return json({ id: '1', name: app.client_name, client_id: 'cid', client_secret: 'csecret' });
      }
      case 'GET /oauth/authorize': {
        seen.authorize = url.searchParams;
        if (url.searchParams.get('redirect_uri') !== seen.apps.at(-1)?.redirect_uris)
          return json({ error: 'invalid_redirect_uri' }, 400);
        const back = new URL(url.searchParams.get('redirect_uri') ?? '');
        back.searchParams.set('code', 'the-code');
        back.searchParams.set('state', url.searchParams.get('state') ?? '');
        // Mastodon's consent page, reduced to its one button.
        return {
          headers: { 'content-type': 'text/html; charset=utf-8' },
          body: `<!doctype html><title>Authorise</title><link rel="icon" href="data:,"><a id="authorise" href="${back}">Authorise</a>`,
        };
      }
      case 'POST /oauth/token': {
        const form = new URLSearchParams(body);
        seen.token = form;
        const digest = createHash('sha256')
          .update(form.get('code_verifier') ?? '')
          .digest('base64url');
        const fits =
          form.get('code') === 'the-code' &&
          form.get('client_secret') === 'csecret' &&
          form.get('redirect_uri') === seen.authorize?.get('redirect_uri') &&
          digest === seen.authorize?.get('code_challenge');
        if (!fits) return json({ error: 'invalid_grant' }, 400);
        return json({ access_token: 'oauth-token', token_type: 'Bearer', scope: SIGNIN_SCOPES });
      }
      case 'POST /oauth/revoke': {
        // RFC 7009 as Doorkeeper answers it: the client must authenticate; an unknown token is "revoked" too.
        const form = new URLSearchParams(body);
        if (form.get('client_id') !== 'cid' || form.get('client_secret') !== 'csecret')
          return { ...json({ error: 'invalid_client' }, 401), cors: false };
        if (form.get('token') === 'oauth-token' && live()) seen.revoked.push('oauth-token');
        // Mastodon's CORS rules (config/initializers/cors.rb) cover /api/* and /oauth/token, not /oauth/revoke.
        return { ...json({}), cors: false };
      }
      case 'GET /api/v1/accounts/verify_credentials':
        return request.headers.authorization === 'Bearer oauth-token' && live()
          ? json({ id: '1', acct: 'Lead' })
          : json({ error: 'The access token is invalid' }, 401);
    }
    return undefined;
  }
  return { serve, seen };
}

/**
 * A local HTTP proxy for Firefox: CONNECT to a name `allowed` accepts is tunnelled to the local HTTPS server on
 * `httpsPort`; every other name is refused, so nothing leaves the machine.
 */
export async function startTunnel(
  httpsPort: number,
  allowed: (host: string) => boolean,
): Promise<{ port: number; close(): Promise<void> }> {
  const proxy: Server = createServer((_request, response) => response.writeHead(403).end());
  proxy.on('connect', (request, client, head) => {
    const host = (request.url ?? '').replace(/:\d+$/, '');
    if (!allowed(host)) return client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
    const upstream = connect(httpsPort, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  return {
    port: (proxy.address() as AddressInfo).port,
    close: () =>
      new Promise((resolve) => {
        proxy.closeAllConnections();
        proxy.close(() => resolve());
      }),
  };
}
