/** The ways a token can be copied: raw, as a header, as curl, as a .env line, as JSON. */
import type { AccountSummary } from '@/utils/vault/account-store';

/** A copy format: its button label and how it turns a token into text. */
export interface TokenFormat {
  label: string;
  render(token: string, account: AccountSummary, graphUrl: string): string;
}

/** The formats offered beside "Copy token". */
export const TOKEN_FORMATS: readonly TokenFormat[] = [
  { label: 'Copy Authorization header', render: (token) => `Authorization: Bearer ${token}` },
  {
    label: 'Copy curl command',
    render: (token, _account, graphUrl) =>
      `curl -H 'Authorization: Bearer ${token}' '${graphUrl.replace(/\/$/, '')}/me?fields=user_id,username'`,
  },
  { label: 'Copy .env line', render: (token) => `INSTAGRAM_ACCESS_TOKEN=${token}` },
  {
    label: 'Copy JSON',
    render: (token, account) =>
      JSON.stringify(
        {
          username: account.username,
          user_id: account.id,
          expires_at: account.expiresAt === null ? null : new Date(account.expiresAt).toISOString(),
          scopes: account.scopes,
          access_token: token,
        },
        null,
        2,
      ),
  },
];
