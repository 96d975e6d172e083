/**
 * The ways a token is handed out, the same in the popup's copy buttons and in `igtt token
 * --format`: raw, as an Authorization header, as curl, as a .env line, as JSON.
 */

/** What a format may say about the token's account besides the token. */
export interface TokenFacts {
  username: string;
  /** The Instagram professional account id. */
  id: string;
  /** Epoch milliseconds; null while unknown (an imported token before its first refresh). */
  expiresAt: number | null;
  scopes: readonly string[];
  /** `facebook_login` tokens reach the account by its id, not through `/me`. */
  tokenKind?: string;
}

/** One way to hand out a token. */
export interface TokenFormat {
  /** The name `igtt token --format` takes. */
  id: 'raw' | 'header' | 'curl' | 'env' | 'json';
  /** The popup's button label. */
  label: string;
  render(token: string, facts: TokenFacts, graphUrl: string): string;
}

/** Every format, raw first. */
export const TOKEN_FORMATS: readonly TokenFormat[] = [
  { id: 'raw', label: 'Copy token', render: (token) => token },
  {
    id: 'header',
    label: 'Copy Authorization header',
    render: (token) => `Authorization: Bearer ${token}`,
  },
  {
    id: 'curl',
    label: 'Copy curl command',
    render: (token, facts, graphUrl) =>
      `curl -H 'Authorization: Bearer ${token}' '${graphUrl.replace(/\/$/, '')}/${
        facts.tokenKind === 'facebook_login' ? `${facts.id}?fields=id` : 'me?fields=user_id'
      },username'`,
  },
  { id: 'env', label: 'Copy .env line', render: (token) => `INSTAGRAM_ACCESS_TOKEN=${token}` },
  {
    id: 'json',
    label: 'Copy JSON',
    render: (token, facts) =>
      JSON.stringify(
        {
          username: facts.username,
          user_id: facts.id,
          expires_at: facts.expiresAt === null ? null : new Date(facts.expiresAt).toISOString(),
          scopes: facts.scopes,
          access_token: token,
        },
        null,
        2,
      ),
  },
];

/** The names `--format` accepts. */
export const TOKEN_FORMAT_IDS = TOKEN_FORMATS.map((format) => format.id);
