/**
 * A loopback stand-in for Instagram's Graph host that knows as many users as the bench needs.
 * The sandbox seeds two users, and the extension keys accounts by `/me`'s `user_id`, so 100
 * stored accounts need 100 users that `/me` can tell apart. Each minted token belongs to one
 * numbered user; `/me` answers for it the way the sandbox does (ids as strings above 2^53, an
 * avatar URL), and `/refresh_access_token` answers in case an alarm fires during the run.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { closeServer, listenOnLoopback } from './loopback-server';

/** A user the stand-in knows, and the token the bench imports for it. */
export interface GraphUser {
  readonly userId: string;
  readonly username: string;
  readonly token: string;
}

/** A running stand-in. */
export interface ManyUsersGraph {
  readonly url: string;
  /** The `index`-th user (0-based) with a fresh token for it. */
  mintUser(index: number): GraphUser;
  close(): Promise<void>;
}

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const COLOURS = ['#c13584', '#405de6', '#fd1d1d', '#833ab4', '#fcaf45'];
const SIXTY_DAYS_SECONDS = 5_184_000;

/** A token shaped like Instagram's: `IGAA…ZD`, 184 characters. */
function newToken(): string {
  const random = Array.from(randomBytes(178), (byte) => ALPHANUMERIC[byte % ALPHANUMERIC.length]);
  return `IGAA${random.join('')}ZD`;
}

function userOf(index: number): Omit<GraphUser, 'token'> & { appScopedId: string } {
  const number = String(index + 1).padStart(4, '0');
  return {
    userId: `1784140${String(index + 1).padStart(10, '0')}`,
    appScopedId: `913${String(index + 1).padStart(13, '0')}`,
    username: `bench.account${number}`,
  };
}

/** As open as graph.instagram.com's: the extension calls it from its worker without a host permission. */
const CORS_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': 'X-App-Usage, X-Business-Use-Case-Usage, Retry-After',
};
const PREFLIGHT_HEADERS = {
  ...CORS_HEADERS,
  'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
  'Access-Control-Allow-Headers': 'Authorization, Content-Type',
  'Access-Control-Max-Age': '600',
};

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response
    .writeHead(status, { ...CORS_HEADERS, 'Content-Type': 'application/json' })
    .end(JSON.stringify(body));
}

const INVALID_TOKEN = {
  error: {
    message: 'Invalid OAuth access token - Cannot parse access token',
    type: 'OAuthException',
    code: 190,
  },
};

/** Starts the stand-in on a free loopback port. */
export async function startManyUsersGraph(): Promise<ManyUsersGraph> {
  const owners = new Map<string, number>();
  let origin = '';

  const me = (request: IncomingMessage, url: URL, response: ServerResponse) => {
    const bearer = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '')?.[1];
    const index = owners.get(bearer ?? url.searchParams.get('access_token') ?? '');
    if (index === undefined) return sendJson(response, 400, INVALID_TOKEN);
    const user = userOf(index);
    const profile: Record<string, string> = {
      id: user.appScopedId,
      user_id: user.userId,
      username: user.username,
      account_type: index % 3 === 0 ? 'BUSINESS' : 'MEDIA_CREATOR',
      profile_picture_url: `${origin}/avatars/${index}.svg`,
    };
    const fields = (url.searchParams.get('fields') ?? 'id').split(',');
    sendJson(
      response,
      200,
      Object.fromEntries(Object.entries(profile).filter(([name]) => fields.includes(name))),
    );
  };

  const refresh = (url: URL, response: ServerResponse) => {
    const index = owners.get(url.searchParams.get('access_token') ?? '');
    if (index === undefined) return sendJson(response, 400, INVALID_TOKEN);
    const token = newToken();
    owners.set(token, index);
    sendJson(response, 200, {
      access_token: token,
      token_type: 'bearer',
      expires_in: SIXTY_DAYS_SECONDS,
    });
  };

  const avatar = (index: number, response: ServerResponse) => {
    const colour = COLOURS[index % COLOURS.length] ?? COLOURS[0];
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="150" height="150" viewBox="0 0 150 150"><circle cx="75" cy="75" r="75" fill="${colour}"/><text x="75" y="92" font-family="sans-serif" font-size="52" fill="#fff" text-anchor="middle">${index % 100}</text></svg>`;
    response
      .writeHead(200, {
        ...CORS_HEADERS,
        'Content-Type': 'image/svg+xml',
        'Cache-Control': 'public, max-age=3600',
      })
      .end(svg);
  };

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', origin);
    const path = url.pathname.replace(/^\/v\d+\.0\//, '/');
    const avatarIndex = /^\/avatars\/(\d+)\.svg$/.exec(path)?.[1];
    if (request.method === 'OPTIONS') return void response.writeHead(204, PREFLIGHT_HEADERS).end();
    if (request.method !== 'GET') return sendJson(response, 405, INVALID_TOKEN);
    if (path === '/me') return me(request, url, response);
    if (path === '/refresh_access_token') return refresh(url, response);
    if (avatarIndex !== undefined) return avatar(Number(avatarIndex), response);
    sendJson(response, 404, { error: { message: 'Unknown path', code: 100 } });
  });
  origin = await listenOnLoopback(server);

  return {
    url: origin,
    mintUser(index) {
      const token = newToken();
      owners.set(token, index);
      const { userId, username } = userOf(index);
      return { userId, username, token };
    },
    close: () => closeServer(server),
  };
}
