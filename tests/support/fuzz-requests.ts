/**
 * Seeded generator of random and malformed HTTP requests for the fuzz test, and a sender that
 * speaks raw HTTP/1.1 when a request is too broken for an HTTP client library to send.
 */
import { request as httpRequest, type Agent } from 'node:http';
import { connect } from 'node:net';
import { TEST_ORIGIN } from './proxy-test-config';

/** Deterministic PRNG (mulberry32), so a failing run can be replayed from its seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One generated request. `raw` ones bypass the HTTP client (bad framing, lying lengths). */
export interface FuzzRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body: Buffer | undefined;
  readonly raw: 'none' | 'lying-length' | 'chunked' | 'truncated-chunked';
}

/** What came back; `status` is null when the server closed the connection without answering. */
export interface FuzzResponse {
  readonly status: number | null;
  readonly headers: Record<string, string>;
  readonly body: string;
  /** The client-side error when there was no answer, e.g. ECONNRESET. */
  readonly error?: string;
}

/** Everything a generator needs to aim some requests at the interesting paths. */
export interface FuzzTarget {
  readonly redirectUri: string;
}

const METHODS: readonly [string, ...string[]] = [
  'GET',
  'POST',
  'POST',
  'POST',
  'PUT',
  'DELETE',
  'PATCH',
  'OPTIONS',
  'HEAD',
];
const ODD_METHODS: readonly [string, ...string[]] = [
  'PROPFIND',
  'PURGE',
  'TRACE',
  'MKCOL',
  'LOCK',
  'REPORT',
  'SEARCH',
  'QUERY',
];
const PATHS: readonly [string, ...string[]] = [
  '/v1/exchange',
  '/v1/exchange',
  '/v1/exchange',
  '/healthz',
  '/',
  '/v1/exchange/',
  '/v1/EXCHANGE',
  '/v1/exchange?code=abc&redirect_uri=x',
  '/v1/exchange;jsessionid=1',
  '//v1/exchange',
  '/v1/../v1/exchange',
  '/%2e%2e/%2e%2e/etc/passwd',
  '/v1/exchange%00',
  '/%F0%9F%92%A9',
  '/%zz',
  '/__control/reset',
  '/oauth/access_token',
  '/healthz?probe=1',
  '/v1/setup-check',
  '/v1/setup-check/',
];
const CONTENT_TYPES: readonly [string, ...string[]] = [
  'application/json',
  'application/json',
  'application/json; charset=utf-8',
  'APPLICATION/JSON',
  'application/json;;;',
  'application/jsonx',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=----x',
  '',
  '*/*',
  'application/json, text/plain',
];
const FOREIGN_ORIGINS: readonly [string, ...string[]] = [
  'https://evil.example',
  'null',
  '',
  'chrome-extension://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
  `${TEST_ORIGIN}.evil.example`,
  `${TEST_ORIGIN}/`,
  'moz-extension://',
  'file://',
];
const POLLUTION_KEYS: readonly [string, ...string[]] = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
];

/** A random element of a non-empty list. */
function pickFrom<T>(random: () => number, items: readonly [T, ...T[]]): T {
  return items[Math.floor(random() * items.length)] ?? items[0];
}

/** Builds the next request from the PRNG. */
export function fuzzRequest(random: () => number, target: FuzzTarget): FuzzRequest {
  const pick = <T>(items: readonly [T, ...T[]]): T => pickFrom(random, items);
  const chance = (p: number) => random() < p;

  // A third of the requests aim at the exchange itself, so that bodies get past the front door.
  const focused = chance(0.35);
  const method = focused ? 'POST' : chance(0.1) ? pick(ODD_METHODS) : pick(METHODS);
  const path = focused
    ? '/v1/exchange'
    : chance(0.05)
      ? `/${randomText(random, 1 + Math.floor(random() * 3000), 'path')}`
      : pick(PATHS);
  const headers: Record<string, string> = {};
  if (chance(focused ? 0.97 : 0.85)) {
    headers['Content-Type'] = focused && chance(0.8) ? 'application/json' : pick(CONTENT_TYPES);
  }
  if (chance(0.5)) {
    headers.Origin = chance(focused ? 0.1 : 0.5)
      ? pick(FOREIGN_ORIGINS)
      : chance(0.5)
        ? TEST_ORIGIN
        : `moz-extension://${randomText(random, 36, 'token')}`;
  }
  if (chance(0.1)) headers['X-Forwarded-For'] = '10.0.0.1, 203.0.113.5';
  if (chance(0.1)) headers['Access-Control-Request-Method'] = pick(['POST', 'GET', 'DELETE', 'X']);
  if (chance(0.05)) headers['X-Junk'] = randomText(random, 2000, 'header');
  const body = method === 'GET' || method === 'HEAD' ? undefined : fuzzBody(random, target);
  const raw = chance(0.04)
    ? 'lying-length'
    : chance(0.04)
      ? 'chunked'
      : chance(0.04)
        ? 'truncated-chunked'
        : 'none';
  return { method, path, headers, body, raw };
}

function fuzzBody(random: () => number, target: FuzzTarget): Buffer | undefined {
  const pick = (items: readonly [unknown, ...unknown[]]): unknown => pickFrom(random, items);
  const code = () => randomText(random, 1 + Math.floor(random() * 300), 'token');
  const kind = Math.floor(random() * 16);
  const json = (value: unknown) => Buffer.from(JSON.stringify(value));
  switch (kind) {
    case 0:
    case 1:
      // Well-formed, so it reaches the sandbox, which refuses the made-up code.
      return json({ code: `${code()}#_`, redirect_uri: target.redirectUri });
    case 2:
      return json({ code: code(), redirect_uri: 'https://attacker.example/cb', client_id: '1' });
    case 3:
      return json(pick([null, true, 0, -1, 1e308, 'code', [], {}, [target.redirectUri]]));
    case 4:
      return json({ code: pick([1, null, [], {}, true]), redirect_uri: pick([2, null, {}]) });
    case 5:
      return Buffer.from(
        `{"code":"x","redirect_uri":"${target.redirectUri}","${pickFrom(random, POLLUTION_KEYS)}":{"polluted":true}}`,
      );
    case 6:
      return Buffer.from(`${'['.repeat(4000)}${']'.repeat(4000)}`);
    case 7:
      return Buffer.from(`${'{"a":'.repeat(1300)}1${'}'.repeat(1300)}`);
    case 8:
      return Buffer.alloc(8193 + Math.floor(random() * 300_000), 0x61);
    case 9:
      return Buffer.from(
        Array.from({ length: Math.floor(random() * 4000) }, () => Math.floor(random() * 256)),
      );
    case 10:
      return Buffer.from(`{"code":"${code()}","redirect_uri":"${target.redirectUri}"`);
    case 11:
      return json({
        code: 'A'.repeat(2048),
        redirect_uri: target.redirectUri,
        client_id: '9'.repeat(32),
      });
    case 12:
      return Buffer.from(
        `{"code":"\\ud800\\u0000","redirect_uri":"${target.redirectUri}","code":"dup"}`,
      );
    case 13:
      return random() < 0.5
        ? Buffer.from('code=abc&redirect_uri=x')
        : json({
            client_id: pick(['1', '990001234567890', 'x', 1]),
            redirect_uri: target.redirectUri,
          });
    case 14:
      return Buffer.alloc(0);
    default:
      return Buffer.from([0xff, 0xfe, 0x7b, 0x22, 0xc3, 0x28, 0x22, 0x7d]);
  }
}

function randomText(
  random: () => number,
  length: number,
  kind: 'token' | 'path' | 'header',
): string {
  const alphabet =
    kind === 'token'
      ? 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.'
      : kind === 'path'
        ? "abcXYZ019-._~!$&'()*+,;=:@/%"
        : 'abc XYZ 019 ;,=/"\'\\{}[]<>';
  let text = '';
  for (let index = 0; index < length; index += 1) {
    text += alphabet[Math.floor(random() * alphabet.length)];
  }
  return text;
}

/** How long a fuzzed request may go without an answer before it counts as a hang. */
export const FUZZ_TIMEOUT_MS = 5_000;

/**
 * Sends one request and resolves with what came back; it never rejects. A request that gets
 * neither an answer nor a closed connection within `timeoutMs` resolves with error `timeout`.
 */
export function sendFuzzRequest(
  port: number,
  fuzz: FuzzRequest,
  agent: Agent,
  timeoutMs = FUZZ_TIMEOUT_MS,
): Promise<FuzzResponse> {
  return fuzz.raw === 'none'
    ? sendWithClient(port, fuzz, agent, timeoutMs)
    : sendRaw(port, fuzz, timeoutMs);
}

function sendWithClient(
  port: number,
  fuzz: FuzzRequest,
  agent: Agent,
  timeoutMs: number,
): Promise<FuzzResponse> {
  return new Promise((resolve) => {
    const outgoing = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method: fuzz.method,
        path: fuzz.path,
        // Node frames DELETE/OPTIONS bodies only with an explicit length.
        headers:
          fuzz.body === undefined
            ? fuzz.headers
            : { ...fuzz.headers, 'Content-Length': String(fuzz.body.length) },
        agent,
      },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('end', () =>
          resolve({
            status: incoming.statusCode ?? null,
            headers: flatHeaders(incoming.headers),
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        incoming.on('error', () =>
          resolve({ status: incoming.statusCode ?? null, headers: {}, body: '' }),
        );
      },
    );
    outgoing.on('error', (error: NodeJS.ErrnoException) =>
      resolve({ status: null, headers: {}, body: '', error: error.code ?? error.message }),
    );
    // Resolving first makes `timeout` the outcome; the error that destroy() raises comes too late.
    outgoing.setTimeout(timeoutMs, () => {
      resolve({ status: null, headers: {}, body: '', error: 'timeout' });
      outgoing.destroy();
    });
    outgoing.end(fuzz.body);
  });
}

/**
 * Writes HTTP/1.1 by hand: a Content-Length that promises more bytes than are sent, a chunked
 * body, or a chunk cut short; then half-closes. The server may answer or simply drop the connection.
 */
function sendRaw(port: number, fuzz: FuzzRequest, timeoutMs: number): Promise<FuzzResponse> {
  return new Promise((resolve) => {
    const body = fuzz.body ?? Buffer.alloc(0);
    const headerLines = Object.entries(fuzz.headers)
      .map(([name, value]) => `${name}: ${value}\r\n`)
      .join('');
    const framing =
      fuzz.raw === 'lying-length'
        ? `Content-Length: ${body.length + 1 + (body.length % 7)}\r\n`
        : 'Transfer-Encoding: chunked\r\n';
    const payload =
      fuzz.raw === 'chunked'
        ? Buffer.concat([
            Buffer.from(`${body.length.toString(16)}\r\n`),
            body,
            Buffer.from('\r\n0\r\n\r\n'),
          ])
        : fuzz.raw === 'truncated-chunked'
          ? Buffer.concat([Buffer.from(`${(body.length + 10).toString(16)}\r\n`), body])
          : body;
    const socket = connect(port, '127.0.0.1');
    const received: Buffer[] = [];
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      socket.destroy();
    }, timeoutMs);
    socket.on('data', (chunk: Buffer) => received.push(chunk));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(timer);
      const response = parseRawResponse(Buffer.concat(received).toString('latin1'));
      resolve(timedOut ? { ...response, error: 'timeout' } : response);
    });
    socket.write(
      `${fuzz.method} ${fuzz.path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n${framing}${headerLines}\r\n`,
    );
    socket.end(payload);
  });
}

function parseRawResponse(text: string): FuzzResponse {
  const match = /^HTTP\/1\.[01] (\d{3})/.exec(text);
  if (match?.[1] === undefined) return { status: null, headers: {}, body: '' };
  const [head = '', ...rest] = text.split('\r\n\r\n');
  const headers: Record<string, string> = {};
  for (const line of head.split('\r\n').slice(1)) {
    const colon = line.indexOf(':');
    if (colon > 0) {
      headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
  }
  return { status: Number(match[1]), headers, body: rest.join('\r\n\r\n') };
}

function flatHeaders(
  headers: Record<string, string | string[] | undefined>,
): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}
