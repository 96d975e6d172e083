/**
 * Start-up configuration: read from environment variables (and optionally a `PROXY_CONFIG` JSON
 * document for several apps), validated with zod, failing with one line that names the variable.
 */
import * as z from 'zod/mini';
import { EXCHANGE_BUDGET_MS, FLAVORS, type Flavor } from '../shared/exchange-contract';
import {
  AllowedOriginSchema,
  BaseUrlSchema,
  ClientIdSchema,
  ClientSecretSchema,
  FacebookAppIdSchema,
  FacebookAppSecretSchema,
  GraphVersionSchema,
  HostSchema,
  RedirectUriSchema,
  integerSchema,
} from './config-values';
import { ConfigError } from './errors';

/** One app the proxy may redeem codes for: an Instagram Login or a Facebook Login app. */
export interface AppCredentials {
  /** Which login the app serves; it decides the endpoints and the reply (default instagram). */
  readonly flavor: Flavor;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly redirectUris: readonly string[];
}

/** Everything the proxy needs, validated. */
export interface ProxyConfig {
  readonly host: string;
  readonly port: number;
  readonly apps: readonly AppCredentials[];
  readonly allowedOrigins: readonly string[];
  readonly oauthBase: string;
  readonly graphBase: string;
  /** Where Facebook's Graph API lives (`FB_GRAPH_BASE`), for Facebook Login apps. */
  readonly fbGraphBase: string;
  /** The Graph API version of Facebook calls (`FB_GRAPH_VERSION`), e.g. `v25.0`. */
  readonly fbGraphVersion: string;
  readonly rateLimitPerMinute: number;
  /** Deadline of each Instagram call; at most {@link MAX_UPSTREAM_TIMEOUT_MS}. */
  readonly upstreamTimeoutMs: number;
  /** Open connections the Node server accepts at once (ignored on Workers). */
  readonly maxConnections: number;
}

/**
 * The longest `PROXY_UPSTREAM_TIMEOUT_MS`: half of `EXCHANGE_BUDGET_MS`, so that the code exchange
 * and at least one long-lived attempt fit in an exchange's budget.
 */
export const MAX_UPSTREAM_TIMEOUT_MS = Math.floor(EXCHANGE_BUDGET_MS / 2);

/** Values used when a variable is unset or blank. */
export const CONFIG_DEFAULTS = {
  PROXY_HOST: '127.0.0.1',
  PROXY_PORT: '8787',
  IG_OAUTH_BASE: 'https://api.instagram.com',
  IG_GRAPH_BASE: 'https://graph.instagram.com',
  FB_GRAPH_BASE: 'https://graph.facebook.com',
  FB_GRAPH_VERSION: 'v25.0',
  PROXY_RATE_LIMIT: '30',
  PROXY_UPSTREAM_TIMEOUT_MS: '10000',
  PROXY_MAX_CONNECTIONS: '512',
} as const;

/** Environment variables as Node (`process.env`) or a Workers `env` hands them over. */
export type ConfigEnv = Readonly<Record<string, string | undefined>>;

/** How `loadConfig` reaches the outside world; Workers have no file system, so it is optional. */
export interface LoadConfigOptions {
  /** Reads the `PROXY_CONFIG` file; without it only inline JSON is accepted. */
  readonly readFile?: (path: string) => string;
}

/** The variables of the apps set up without `PROXY_CONFIG`: at most one of each flavor. */
const SINGLE_APP_VARIABLES = [
  'IG_CLIENT_ID',
  'IG_CLIENT_SECRET',
  'IG_REDIRECT_URIS',
  'FB_APP_ID',
  'FB_APP_SECRET',
  'FB_REDIRECT_URIS',
] as const;

const RedirectUriListSchema = z
  .array(RedirectUriSchema)
  .check(z.minLength(1, 'is missing or empty: list at least one redirect URI, comma-separated'));

/** Errors of a strict object in the file: name unknown keys, otherwise show the expected shape. */
function objectError(shape: string) {
  return (issue: { code?: string; keys?: string[] }) =>
    issue.code === 'unrecognized_keys'
      ? `has unknown key(s) ${(issue.keys ?? []).join(', ')}`
      : `must be a JSON object like ${shape}`;
}

const AppsFileSchema = z.strictObject(
  {
    apps: z
      .array(
        z.strictObject(
          {
            flavor: z._default(z.enum(FLAVORS, 'must be "instagram" or "facebook"'), 'instagram'),
            client_id: ClientIdSchema,
            client_secret: ClientSecretSchema,
            redirect_uris: RedirectUriListSchema,
          },
          {
            error: objectError('{"flavor"?, "client_id", "client_secret", "redirect_uris": [...]}'),
          },
        ),
      )
      .check(z.minLength(1, 'is empty: list at least one app')),
  },
  { error: objectError('{"apps": [...]}') },
);

/** `PROXY_UPSTREAM_TIMEOUT_MS`: a whole number of ms that leaves room in the exchange budget. */
const UpstreamTimeoutSchema = z.pipe(
  z
    .string()
    .check(z.regex(/^\d{1,9}$/, `must be a whole number from 1 to ${MAX_UPSTREAM_TIMEOUT_MS}`)),
  z
    .transform((value: string) => Number(value))
    .check(
      z.gte(1, `must be a whole number from 1 to ${MAX_UPSTREAM_TIMEOUT_MS}`),
      z.lte(
        MAX_UPSTREAM_TIMEOUT_MS,
        `must be at most ${MAX_UPSTREAM_TIMEOUT_MS}: half of the ${EXCHANGE_BUDGET_MS} ms an exchange may take, so that the code exchange and one long-lived attempt fit`,
      ),
    ),
);

/**
 * Validates the environment and returns the proxy's configuration.
 * @throws {ConfigError} naming the first variable that is missing or malformed.
 */
export function loadConfig(env: ConfigEnv, options: LoadConfigOptions = {}): ProxyConfig {
  const read = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value === undefined || value === '' ? undefined : value;
  };
  const readOr = (name: keyof typeof CONFIG_DEFAULTS): string =>
    read(name) ?? CONFIG_DEFAULTS[name];

  const apps = readApps(read, options);
  const allowedOrigins = parseValue(
    'PROXY_ALLOWED_ORIGINS',
    z
      .array(AllowedOriginSchema)
      .check(z.minLength(1, 'is missing or empty: list the extension origins, comma-separated')),
    splitList(read('PROXY_ALLOWED_ORIGINS')),
  );
  return {
    host: parseValue('PROXY_HOST', HostSchema, readOr('PROXY_HOST')),
    port: parseValue('PROXY_PORT', integerSchema(0, 65535), readOr('PROXY_PORT')),
    apps,
    allowedOrigins,
    oauthBase: parseValue('IG_OAUTH_BASE', BaseUrlSchema, readOr('IG_OAUTH_BASE')),
    graphBase: parseValue('IG_GRAPH_BASE', BaseUrlSchema, readOr('IG_GRAPH_BASE')),
    fbGraphBase: parseValue('FB_GRAPH_BASE', BaseUrlSchema, readOr('FB_GRAPH_BASE')),
    fbGraphVersion: parseValue('FB_GRAPH_VERSION', GraphVersionSchema, readOr('FB_GRAPH_VERSION')),
    rateLimitPerMinute: parseValue(
      'PROXY_RATE_LIMIT',
      integerSchema(1, 1_000_000),
      readOr('PROXY_RATE_LIMIT'),
    ),
    upstreamTimeoutMs: parseValue(
      'PROXY_UPSTREAM_TIMEOUT_MS',
      UpstreamTimeoutSchema,
      readOr('PROXY_UPSTREAM_TIMEOUT_MS'),
    ),
    maxConnections: parseValue(
      'PROXY_MAX_CONNECTIONS',
      integerSchema(1, 100_000),
      readOr('PROXY_MAX_CONNECTIONS'),
    ),
  };
}

function readApps(
  read: (name: string) => string | undefined,
  options: LoadConfigOptions,
): AppCredentials[] {
  const file = read('PROXY_CONFIG');
  if (file === undefined) return readEnvApps(read);
  const alsoSet = SINGLE_APP_VARIABLES.find((name) => read(name) !== undefined);
  if (alsoSet !== undefined) {
    throw new ConfigError(
      'PROXY_CONFIG',
      `Invalid configuration: PROXY_CONFIG and ${alsoSet} are both set; put every app in the PROXY_CONFIG file and unset ${SINGLE_APP_VARIABLES.join(', ')}.`,
    );
  }
  const parsed = parseValue(
    'PROXY_CONFIG',
    AppsFileSchema,
    parseJson(readConfigText(file, options)),
  );
  const apps = parsed.apps.map((app) => ({
    flavor: app.flavor,
    clientId: app.client_id,
    clientSecret: app.client_secret,
    redirectUris: app.redirect_uris,
  }));
  const duplicate = apps.find((app, index) =>
    apps.some((other, otherIndex) => otherIndex < index && other.clientId === app.clientId),
  );
  if (duplicate !== undefined) {
    throw new ConfigError(
      'PROXY_CONFIG',
      `Invalid configuration: PROXY_CONFIG lists client_id ${duplicate.clientId} twice; each app must appear once.`,
    );
  }
  return apps;
}

/**
 * The Instagram app of `IG_*` and the Facebook Login app of `FB_*`: either or both. An app counts
 * as meant once its id or secret is set, so that a half-set app fails by name instead of being
 * silently left out. `FB_REDIRECT_URIS` defaults to `IG_REDIRECT_URIS`, as one extension has one
 * redirect URI per browser whichever login it runs.
 */
function readEnvApps(read: (name: string) => string | undefined): AppCredentials[] {
  const wantsFacebook = read('FB_APP_ID') !== undefined || read('FB_APP_SECRET') !== undefined;
  const wantsInstagram =
    read('IG_CLIENT_ID') !== undefined || read('IG_CLIENT_SECRET') !== undefined;
  const apps: AppCredentials[] = [];
  // With neither app set, the Instagram variables are the ones reported missing, as before.
  if (wantsInstagram || !wantsFacebook) {
    apps.push({
      flavor: 'instagram',
      clientId: parseValue('IG_CLIENT_ID', ClientIdSchema, read('IG_CLIENT_ID')),
      clientSecret: parseValue('IG_CLIENT_SECRET', ClientSecretSchema, read('IG_CLIENT_SECRET')),
      redirectUris: parseValue(
        'IG_REDIRECT_URIS',
        RedirectUriListSchema,
        splitList(read('IG_REDIRECT_URIS')),
      ),
    });
  }
  if (wantsFacebook) {
    const redirectVariable =
      read('FB_REDIRECT_URIS') === undefined && read('IG_REDIRECT_URIS') !== undefined
        ? 'IG_REDIRECT_URIS'
        : 'FB_REDIRECT_URIS';
    apps.push({
      flavor: 'facebook',
      clientId: parseValue('FB_APP_ID', FacebookAppIdSchema, read('FB_APP_ID')),
      clientSecret: parseValue('FB_APP_SECRET', FacebookAppSecretSchema, read('FB_APP_SECRET')),
      redirectUris: parseValue(
        redirectVariable,
        RedirectUriListSchema,
        splitList(read(redirectVariable)),
      ),
    });
  }
  const [first, second] = apps;
  if (first !== undefined && second !== undefined && first.clientId === second.clientId) {
    throw new ConfigError(
      'FB_APP_ID',
      'Invalid configuration: FB_APP_ID equals IG_CLIENT_ID; the Facebook App ID and the Instagram app id of a Meta app are different numbers.',
    );
  }
  return apps;
}

/** `PROXY_CONFIG` is a file path, or the JSON itself (the only form a Worker can use). */
function readConfigText(value: string, options: LoadConfigOptions): string {
  if (value.startsWith('{') || value.startsWith('[')) return value;
  if (options.readFile === undefined) {
    throw new ConfigError(
      'PROXY_CONFIG',
      'Invalid configuration: PROXY_CONFIG must hold the JSON document itself here, because this runtime cannot read files.',
    );
  }
  try {
    return options.readFile(value);
  } catch (error) {
    throw new ConfigError(
      'PROXY_CONFIG',
      `Invalid configuration: PROXY_CONFIG names a file that cannot be read (${errorCode(error)}).`,
      { cause: error },
    );
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    // The SyntaxError's message quotes the text, which holds secrets, so it is not repeated.
    throw new ConfigError(
      'PROXY_CONFIG',
      'Invalid configuration: PROXY_CONFIG is not valid JSON.',
      {
        cause: error,
      },
    );
  }
}

function parseValue<T>(variable: string, schema: z.ZodMiniType<T>, input: unknown): T {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new ConfigError(
    variable,
    `Invalid configuration: ${variable}${describePath(variable, issue?.path ?? [])} ${issue?.message ?? 'is invalid'}.`,
  );
}

/** `IG_REDIRECT_URIS entry 2`, or `PROXY_CONFIG apps[0].client_secret` for the JSON document. */
function describePath(variable: string, path: readonly PropertyKey[]): string {
  if (path.length === 0) return '';
  if (variable !== 'PROXY_CONFIG' && typeof path[0] === 'number') return ` entry ${path[0] + 1}`;
  return (
    ' ' +
    path
      .map((key, index) =>
        typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${String(key)}`,
      )
      .join('')
  );
}

function splitList(value: string | undefined): string[] {
  if (value === undefined) return [];
  return value
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
}

function errorCode(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'code' in error) return String(error.code);
  return 'unreadable';
}
