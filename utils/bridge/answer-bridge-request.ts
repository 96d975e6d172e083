/**
 * The extension's answers to the command line: from the vault, after checking that command-line
 * access is on, that the account is allowed and alive, and that the vault is unlocked. No token
 * leaves for an account the user excluded.
 */
import type { BridgeAccount, BridgeReply, BridgeRequest } from '@/shared/bridge-protocol';
import { AppError } from '@/utils/errors';
import { isCliAllowed, readCliAccess } from '@/utils/settings/cli-access';
import { accessEndsAt, accountStatus } from '@/utils/upkeep/account-status';
import { readLifecycleState, type LifecycleState } from '@/utils/upkeep/lifecycle-state';
import { tokenBornAt } from '@/utils/upkeep/refresh-policy';
import { readAccountToken, type AccountSummary } from '@/utils/vault/account-store';
import { bridgeError } from './bridge-errors';
import { findCliAccount } from './find-cli-account';
import { recordCliRead } from './record-bridge-use';

function toBridgeAccount(account: AccountSummary, state: LifecycleState): BridgeAccount {
  const context = {
    now: state.now,
    locked: state.locked,
    warningWindowMs: state.policy.warningWindowMs,
  };
  return {
    id: account.id,
    username: account.username,
    status: accountStatus(account, context),
    expiresAt: accessEndsAt(account),
    scopes: account.scopes,
    tokenKind: account.tokenKind,
  };
}

/** The stamp that tells a new token apart: when it was issued or last refreshed. */
export function tokenStamp(account: AccountSummary): string {
  return String(tokenBornAt(account));
}

/** The live token of an allowed, living account, or the refusal to send instead. */
async function readLiveToken(
  account: AccountSummary,
  state: LifecycleState,
): Promise<BridgeReply | { token: string }> {
  const status = accountStatus(account, { ...state, locked: false, warningWindowMs: 0 });
  if (status === 'expired') return { ok: false, error: bridgeError('token_expired') };
  if (status === 'revoked') return { ok: false, error: bridgeError('token_revoked') };
  if (state.locked) return { ok: false, error: bridgeError('vault_locked') };
  try {
    return { token: await readAccountToken(account.id) };
  } catch (error) {
    if (error instanceof AppError && error.code === 'vault_locked') {
      return { ok: false, error: bridgeError('vault_locked') };
    }
    throw error;
  }
}

/** Answers one request; never throws (a failure becomes a `bridge_failed` reply). */
export async function answerBridgeRequest(request: BridgeRequest): Promise<BridgeReply> {
  try {
    const access = await readCliAccess();
    if (!access.enabled) return { ok: false, error: bridgeError('cli_disabled') };
    const state = await readLifecycleState();
    const allowed = state.accounts.filter((account) => isCliAllowed(access, account.id));
    const view = (account: AccountSummary) => toBridgeAccount(account, state);
    switch (request.type) {
      case 'status':
        return { ok: true, data: { locked: state.locked, accounts: allowed.map(view) } };
      case 'list':
        return { ok: true, data: { accounts: allowed.map(view) } };
      case 'token':
      case 'deliver': {
        const selector = request.type === 'token' ? request.account : request.accountId;
        // Without a name only the readable accounts count; a name may point at an excluded one,
        // which is then refused as such rather than reported missing.
        const found = findCliAccount(selector === undefined ? allowed : state.accounts, selector);
        if (!found.ok) return { ok: false, error: bridgeError(found.code) };
        if (!isCliAllowed(access, found.account.id)) {
          return { ok: false, error: bridgeError('cli_not_allowed') };
        }
        return answerToken(found.account, state, request);
      }
    }
  } catch (error) {
    const reason = error instanceof AppError ? error.message : undefined;
    return { ok: false, error: bridgeError('bridge_failed', reason) };
  }
}

async function answerToken(
  account: AccountSummary,
  state: LifecycleState,
  request: BridgeRequest,
): Promise<BridgeReply> {
  const live = await readLiveToken(account, state);
  if (!('token' in live)) return live;
  const data = {
    token: live.token,
    account: toBridgeAccount(account, state),
    graphUrl: state.policy.graphUrlFor(account.profileId),
  };
  if (request.type === 'deliver')
    return { ok: true, data: { ...data, stamp: tokenStamp(account) } };
  await recordCliRead(account.id);
  return { ok: true, data };
}
