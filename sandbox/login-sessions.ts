/**
 * Instagram's login session in the auth window (docs/instagram-contract.md §1.7): Allow sets a
 * cookie, and a later authorize without `force_reauth` only offers to continue as that account.
 * Sessions live on the sandbox, not in the cookie, so `/__control/reset` logs every browser out
 * even though it cannot clear their cookies.
 */
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { newSessionId } from './random-strings';

/** Name of the session cookie; its value is an opaque id. */
export const SESSION_COOKIE = 'sandbox_session';

/** Logged-in sessions by cookie value. */
export interface LoginSessions {
  /** Starts a session for `userId` and sets its cookie on the response. */
  logIn(c: Context, userId: string): void;
  /** The `user_id` the request's cookie is logged in as, if any. */
  userOf(c: Context): string | undefined;
  count(): number;
  clear(): void;
}

/** Creates a store with nobody logged in. */
export function createLoginSessions(): LoginSessions {
  const sessions = new Map<string, string>();
  return {
    logIn(c, userId) {
      const id = newSessionId();
      sessions.set(id, userId);
      // No Max-Age: a session cookie, kept by the auth window from one login to the next.
      setCookie(c, SESSION_COOKIE, id, { path: '/', httpOnly: true, sameSite: 'Lax' });
    },
    userOf(c) {
      const id = getCookie(c, SESSION_COOKIE);
      return id === undefined ? undefined : sessions.get(id);
    },
    count: () => sessions.size,
    clear: () => sessions.clear(),
  };
}
