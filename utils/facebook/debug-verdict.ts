/** What Facebook's `debug_token` says about a token, in the terms the upkeep code acts on. */
import type { DebugToken } from '@/shared/exchange-contract';
import { debugToken } from '@/utils/connect/proxy-client';
import { GraphError } from '@/utils/instagram/graph-client';
import type { AppProfile } from '@/utils/settings/settings';

/** The token's dates as the account stores them (epoch ms; null for "never" or unknown). */
export interface DebugDates {
  expiresAt: number | null;
  dataAccessExpiresAt: number | null;
}

/** `expires_at: 0` means the token does not expire (docs/instagram-contract.md §9.4). */
function toMillis(seconds: number | undefined): number | null {
  return seconds === undefined || seconds === 0 ? null : seconds * 1000;
}

/** The token's dates from a `debug_token` answer. */
function debugDates(data: DebugToken): DebugDates {
  return {
    expiresAt: toMillis(data.expires_at),
    dataAccessExpiresAt: toMillis(data.data_access_expires_at),
  };
}

/**
 * The error that an invalid token's `debug_token` answer amounts to, read like the same error
 * from any Graph call: 190/463 expired, 190 with another subcode revoked. Undefined while valid.
 */
function debugFailure(data: DebugToken): GraphError | undefined {
  if (data.is_valid) return undefined;
  return new GraphError({
    status: 200,
    code: data.error?.code ?? 190,
    subcode: data.error?.subcode,
    message: data.error?.message,
  });
}

/**
 * Asks `debug_token`, through the profile's proxy, about a token that must still work: its answer
 * with its dates, or the error that a dead token amounts to.
 */
export async function debugLiveToken(
  profile: Pick<AppProfile, 'proxyUrl' | 'clientId'>,
  token: string,
): Promise<{ data: DebugToken; dates: DebugDates }> {
  const data = await debugToken(profile.proxyUrl, {
    access_token: token,
    client_id: profile.clientId,
  });
  const failure = debugFailure(data);
  if (failure) throw failure;
  return { data, dates: debugDates(data) };
}
