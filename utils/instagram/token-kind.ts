/** Recognises what kind of token a string is from its prefix; tokens are opaque otherwise. */
import type { TokenKind } from '@/utils/vault/account-record';

/**
 * `IGAA…` Instagram Login, `IGQV…` and `IGQWR…` legacy Basic Display, `EAA…` Facebook Login
 * (docs/instagram-contract.md §11).
 */
export function detectTokenKind(token: string): TokenKind {
  if (token.startsWith('IGAA')) return 'instagram_login';
  if (token.startsWith('IGQV') || token.startsWith('IGQWR')) return 'basic_display';
  if (token.startsWith('EAA')) return 'facebook_login';
  return 'unknown';
}
