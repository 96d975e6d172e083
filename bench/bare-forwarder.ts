/**
 * Child process of the proxy benchmark, and its reference: the least a server can do to answer
 * `POST /v1/exchange` with the same JSON as the proxy. It makes the same two upstream calls with
 * the same `fetch`, but has no framework, validation, CORS, rate limit, deadline or log.
 */
import { createServer, type IncomingMessage } from 'node:http';
import { parseJsonKeepingIds } from '../shared/instagram-responses';
import { announceListening, closeServer, listenOnLoopback } from './loopback-server';

const oauthBase = process.env.IG_OAUTH_BASE ?? '';
const graphBase = process.env.IG_GRAPH_BASE ?? '';
const clientId = process.env.IG_CLIENT_ID ?? '';
const clientSecret = process.env.IG_CLIENT_SECRET ?? '';

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (text += chunk));
    request.once('end', () => resolve(text));
    request.once('error', reject);
  });
}

/** A field of a parsed JSON object, or undefined; the least checking any forwarder needs. */
function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? Reflect.get(value, key) : undefined;
}

async function exchange(body: string): Promise<string> {
  const request: unknown = JSON.parse(body);
  const codeReply = await fetch(`${oauthBase}/oauth/access_token`, {
    method: 'POST',
    body: new URLSearchParams({
      client_id: clientId,
      client_secret: clientSecret,
      grant_type: 'authorization_code',
      redirect_uri: String(field(request, 'redirect_uri')),
      code: String(field(request, 'code')),
    }),
  });
  const shortLived = parseJsonKeepingIds(await codeReply.text());
  const query = new URLSearchParams({
    grant_type: 'ig_exchange_token',
    client_secret: clientSecret,
    access_token: String(field(shortLived, 'access_token')),
  });
  const longLived: unknown = await (await fetch(`${graphBase}/access_token?${query}`)).json();
  return JSON.stringify({
    access_token: field(longLived, 'access_token'),
    token_type: 'bearer',
    expires_in: field(longLived, 'expires_in'),
    user_id: field(shortLived, 'user_id'),
    permissions: field(shortLived, 'permissions'),
    issued_at: new Date().toISOString(),
    long_lived: true,
  });
}

const server = createServer((request, response) => {
  if (request.method !== 'POST' || request.url !== '/v1/exchange') {
    response.writeHead(404).end();
    return;
  }
  readBody(request)
    .then(exchange)
    .then(
      (json) => response.writeHead(200, { 'Content-Type': 'application/json' }).end(json),
      () => response.writeHead(502, { 'Content-Type': 'application/json' }).end('{}'),
    );
});
// The proxy's own idle timeout, so both treat keep-alive connections alike.
server.keepAliveTimeout = 5_000;

announceListening(await listenOnLoopback(server), () => closeServer(server));
