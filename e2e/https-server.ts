import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Tabs that the extension opens itself are not seen by Playwright's routing, so the social hosts are also served
// from a local HTTPS server: Chromium maps their names to it (--host-resolver-rules) and accepts its self-signed
// certificate (--ignore-certificate-errors). The certificate is made at test time; nothing leaves the machine.

export interface Answer {
  status?: number;
  headers?: Record<string, string>;
  body?: string;
  /** false: no CORS headers, for a path the real server leaves out of its CORS rules. */
  cors?: false;
}

export type Handler = (request: IncomingMessage, body: string) => Promise<Answer | undefined>;

export interface LocalHttps {
  port: number;
  /** Chromium flags that send `hosts` to this server and every other name nowhere. */
  chromiumArgs(hosts: readonly string[]): string[];
  close(): Promise<void>;
}

function selfSignedCertificate(): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'teamfollow-cert-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=teamfollow.test',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function startLocalHttps(handle: Handler): Promise<LocalHttps> {
  const server = createServer(
    selfSignedCertificate(),
    (request: IncomingMessage, response: ServerResponse) => {
      let body = '';
      request.on('data', (chunk: Buffer) => {
        body += chunk;
      });
      request.on('end', async () => {
        // The extension calls the APIs from its own origin: answer CORS as the real APIs do.
        const cors = {
          'access-control-allow-origin': '*',
          'access-control-allow-headers': 'authorization, content-type, accept',
          'access-control-allow-methods': 'GET, POST, PUT, DELETE',
          'access-control-expose-headers':
            'retry-after, ratelimit-reset, x-ratelimit-reset, x-ratelimit-remaining',
        };
        if (request.method === 'OPTIONS') return response.writeHead(204, cors).end();
        const answer: Answer | undefined = await handle(request, body).catch(() => ({ status: 500 }));
        if (!answer) return response.writeHead(404, cors).end();
        const headers = answer.cors === false ? answer.headers : { ...cors, ...answer.headers };
        response.writeHead(answer.status ?? 200, headers).end(answer.body ?? '');
      });
    },
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    chromiumArgs: (hosts) => [
      `--host-resolver-rules=${hosts.map((host) => `MAP ${host} 127.0.0.1:${port}`).join(' , ')} , MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1`,
      '--ignore-certificate-errors',
    ],
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
