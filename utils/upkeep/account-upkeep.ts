/**
 * Refreshing and checking one account. Each account has its own lock, so an alarm and a click on
 * "Refresh now" at the same moment make one upstream call: the second caller re-reads the account
 * inside the lock and finds the token already fresh. Every outcome, good or bad, is written to the
 * account's history with a plain explanation.
 */
import { HEALTHY, appendEvent, type AccountEvent } from '@/utils/vault/account-record';
import { words } from '@/utils/words';
import {
  findAccount,
  readAccountToken,
  saveAccount,
  updateAccount,
  type AccountSummary,
} from '@/utils/vault/account-store';
import { retryAt } from './backoff';
import { classifyFailure } from './classify-failure';
import { AppError, toErrorPayload } from '@/utils/errors';
import { debugLiveToken } from '@/utils/facebook/debug-verdict';
import { fetchProfile } from '@/utils/instagram/fetch-profile';
import { getGraph } from '@/utils/instagram/graph-client';
import { joinUrl } from '@/utils/instagram/join-url';
import { graphApiBase } from '@/utils/settings/profile-endpoints';
import type { AppProfile } from '@/utils/settings/settings';
import { requestRefresh } from '@/utils/instagram/request-refresh';
import { decideRefresh, type RefreshDecision } from './refresh-policy';
import { runExclusive } from '@/utils/run-exclusive';
import { lifecyclePolicy, readUpkeepSettings, type LifecyclePolicy } from './lifecycle-policy';

/** Usage above this share of Meta's app quota postpones checks. */
export const APP_USAGE_LIMIT_PERCENT = 90;
/** How long checks wait when the app is close to Meta's quota. */
const HIGH_USAGE_PAUSE_MS = 60 * 60_000;

/** What one upkeep run did; `decision` says why a refresh did or did not happen. */
export interface UpkeepReport {
  refreshed: boolean;
  checked: boolean;
  decision?: RefreshDecision;
}

function successEvent(type: AccountEvent['type'], message: string): AccountEvent {
  return { at: Date.now(), type, ok: true, message };
}

/** A failure as history: the user-facing message and fix, never the raw error. */
function failureEvent(type: AccountEvent['type'], error: unknown): AccountEvent {
  const { code, message, hint } = toErrorPayload(error);
  return { at: Date.now(), type, ok: false, message, code, hint };
}

/** Records a failed check or refresh: dead, transient (retry later with backoff), or refused. */
async function recordFailure(
  account: AccountSummary,
  task: 'check' | 'refresh',
  error: unknown,
): Promise<void> {
  const failure = classifyFailure(error);
  const now = Date.now();
  await updateAccount(account.id, (current) => {
    const attempt = current.retry?.attempt ?? 0;
    const base = {
      ...current,
      lastCheckedAt: task === 'check' ? now : current.lastCheckedAt,
      events: appendEvent(
        current.events,
        failureEvent(task === 'check' ? 'check_failed' : 'refresh_failed', error),
      ),
    };
    if (failure.kind === 'dead') return { ...base, health: failure.health, retry: null };
    if (failure.kind === 'transient') {
      return {
        ...base,
        health: failure.health,
        retry: { attempt: attempt + 1, notBefore: retryAt(attempt, now, failure.retryAfterMs) },
      };
    }
    // Instagram refuses without judging the token (a permission, an unsupported request): a
    // refused refresh leaves the token working until it expires; a refused check is shown.
    return task === 'refresh'
      ? { ...base, refreshFailed: true, retry: null }
      : { ...base, health: 'refused', retry: null };
  });
}

/**
 * Instagram's answer to a refresh of a token under 24 hours old is unconfirmed
 * (docs/instagram-contract.md §4), and may be a 190. So when the user forced a refresh of a token
 * whose age is unknown and Instagram called it dead, `/me` decides: a token that still reads its
 * profile is alive, and the refusal is only noted.
 */
async function isAliveDespiteRefusal(
  account: AccountSummary,
  policy: LifecyclePolicy,
  token: string,
): Promise<boolean> {
  try {
    await fetchProfile(policy.graphUrlFor(account.profileId), token, ['user_id']);
  } catch {
    return false;
  }
  await updateAccount(account.id, (current) => ({
    ...current,
    lastCheckedAt: Date.now(),
    events: appendEvent(current.events, {
      at: Date.now(),
      type: 'refresh_failed',
      ok: false,
      message: words('event_refresh_too_early'),
      hint: words('advice_refresh_too_early'),
    }),
  }));
  return true;
}

/** Refreshes when due, or when `force` is set and only "not due yet" stands in the way. */
async function refreshLocked(
  account: AccountSummary,
  policy: LifecyclePolicy,
  force: boolean,
): Promise<UpkeepReport> {
  const decision = decideRefresh(account, policy, Date.now());
  // An imported token's age is unknown, so "too new" is only a guess: the user may overrule it.
  const overrulable =
    !decision.refresh &&
    (decision.reason === 'not_due' ||
      (decision.reason === 'too_new' && account.expiresAt === null));
  const forced = force && overrulable;
  if (!decision.refresh && !forced) return { decision, refreshed: false, checked: false };
  const token = await readAccountToken(account.id);
  let fresh;
  try {
    fresh = await requestRefresh(policy.graphUrlFor(account.profileId), token);
  } catch (error) {
    const ageUnknown = !decision.refresh && decision.reason === 'too_new';
    const deadVerdict = classifyFailure(error).kind === 'dead';
    if (
      forced &&
      ageUnknown &&
      deadVerdict &&
      (await isAliveDespiteRefusal(account, policy, token))
    ) {
      return { decision, refreshed: false, checked: true };
    }
    await recordFailure(account, 'refresh', error);
    return { decision, refreshed: false, checked: false };
  }
  const now = Date.now();
  // The new token and its expiry replace the old ones in one write; if the write fails, the old
  // token (still valid) stays stored.
  await saveAccount(
    account.id,
    (current) => {
      if (!current) throw new AppError('account_not_found');
      return {
        ...current,
        ...HEALTHY,
        expiresAt: now + fresh.expires_in * 1000,
        lastRefreshedAt: now,
        events: appendEvent(current.events, successEvent('refreshed', words('event_refreshed'))),
      };
    },
    fresh.access_token,
  );
  return { decision, refreshed: true, checked: false };
}

/** Records a check that found the token working, with whatever the check learnt about it. */
async function recordCheckPassed(
  account: AccountSummary,
  learnt: Partial<Pick<AccountSummary, 'username' | 'expiresAt' | 'dataAccessExpiresAt'>>,
): Promise<void> {
  await updateAccount(account.id, (current) => {
    // A healthy check is history only when it ends a problem; routine ones would drown the rest.
    const events =
      current.health === 'ok'
        ? current.events
        : appendEvent(current.events, successEvent('checked', words('event_checked_again')));
    return {
      ...current,
      ...learnt,
      lastCheckedAt: Date.now(),
      health: 'ok',
      retry: null,
      events,
    };
  });
}

/**
 * A Facebook Login token is checked with `debug_token` through the proxy, which also says when it
 * ends; while the proxy is out of reach, `/me` on the Graph API still tells a working token.
 */
async function checkFacebookLocked(
  account: AccountSummary,
  profile: AppProfile,
  token: string,
): Promise<void> {
  try {
    const { dates } = await debugLiveToken(profile, token);
    await recordCheckPassed(account, dates);
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'proxy_unreachable') {
      await recordFailure(account, 'check', error);
      return;
    }
    try {
      await getGraph(joinUrl(graphApiBase(profile), 'me'), token);
    } catch (fallbackError) {
      await recordFailure(account, 'check', fallbackError);
      return;
    }
    await recordCheckPassed(account, {});
  }
}

async function checkLocked(account: AccountSummary, policy: LifecyclePolicy): Promise<void> {
  const token = await readAccountToken(account.id);
  if (account.tokenKind === 'facebook_login') {
    await checkFacebookLocked(account, policy.profileFor(account.profileId), token);
    return;
  }
  let profile;
  try {
    profile = await fetchProfile(policy.graphUrlFor(account.profileId), token, [
      'user_id',
      'username',
    ]);
  } catch (error) {
    await recordFailure(account, 'check', error);
    return;
  }
  if ((profile.appUsagePercent ?? 0) <= APP_USAGE_LIMIT_PERCENT) {
    await recordCheckPassed(account, { username: profile.username });
    return;
  }
  const now = Date.now();
  const warning = new AppError('rate_limited', {
    message: words('event_app_usage_high', String(profile.appUsagePercent)),
  });
  await updateAccount(account.id, (current) => ({
    ...current,
    username: profile.username,
    lastCheckedAt: now,
    health: 'rate_limited',
    retry: { attempt: 0, notBefore: now + HIGH_USAGE_PAUSE_MS },
    events: appendEvent(current.events, failureEvent('checked', warning)),
  }));
}

/** The lifecycle policy from the stored settings (defaults when they cannot be read). */
async function readUpkeepPolicy(): Promise<LifecyclePolicy> {
  return lifecyclePolicy((await readUpkeepSettings()).settings);
}

function withAccountLock<T>(accountId: string, task: () => Promise<T>): Promise<T> {
  return runExclusive(`account:${accountId}`, task);
}

/**
 * "Refresh now": refreshes unless the token is under 24 hours old (known, not guessed), expired or
 * dead.
 */
export function refreshNow(accountId: string): Promise<UpkeepReport> {
  return withAccountLock(accountId, async () => {
    const policy = await readUpkeepPolicy();
    return refreshLocked(await findAccount(accountId), policy, true);
  });
}

/** "Check now": asks Instagram whether the token still works. */
export function checkNow(accountId: string): Promise<UpkeepReport> {
  return withAccountLock(accountId, async () => {
    await checkLocked(await findAccount(accountId), await readUpkeepPolicy());
    return { refreshed: false, checked: true };
  });
}

/** Runs whatever is due for an account, judged from its stored timestamps only. */
export function runDueUpkeep(accountId: string): Promise<UpkeepReport> {
  return withAccountLock(accountId, async () => {
    const policy = await readUpkeepPolicy();
    const account = await findAccount(accountId);
    const now = Date.now();
    if (account.retry && now < account.retry.notBefore) return { refreshed: false, checked: false };
    const report = await refreshLocked(account, policy, false);
    // A refresh that worked proves the token is alive; no need to check it as well.
    const afterRefresh = await findAccount(accountId);
    const checkDue = !report.refreshed && isCheckDue(afterRefresh, policy, now);
    if (checkDue) await checkLocked(afterRefresh, policy);
    return { ...report, checked: checkDue };
  });
}

/** Whether the periodic validity check is due (a retry counts as due once its time has come). */
export function isCheckDue(account: AccountSummary, policy: LifecyclePolicy, now: number): boolean {
  if (account.health === 'revoked' || account.health === 'expired') return false;
  if (account.retry) return now >= account.retry.notBefore;
  return now - (account.lastCheckedAt ?? 0) >= policy.checkIntervalMs;
}
