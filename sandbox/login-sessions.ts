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

/** Name of the Facebook dialog's session cookie, scoped to the `/facebook` paths. */
export const FACEBOOK_SESSION_COOKIE = 'sandbox_fb_session';

/** Logged-in sessions by cookie value. */
export interface LoginSessions {
  /** Starts a session for `userId` and sets its cookie on the response. */
  logIn(c: Context, userId: string): void;
  /** Ends the request's session, if it has one ("Not you?"). */
  logOut(c: Context): void;
  /** The user id the request's cookie is logged in as, if any. */
  userOf(c: Context): string | undefined;
  count(): number;
  clear(): void;
}

/** Where a store's cookie lives; Instagram's and Facebook's sessions never share one. */
export interface SessionCookie {
  readonly name: string;
  readonly path: string;
}

/** Creates a store with nobody logged in (Instagram's cookie unless told otherwise). */
export function createLoginSessions(
  cookie: SessionCookie = { name: SESSION_COOKIE, path: '/' },
): LoginSessions {
  const sessions = new Map<string, string>();
  return {
    logIn(c, userId) {
      const id = newSessionId();
      sessions.set(id, userId);
      // No Max-Age: a session cookie, kept by the auth window from one login to the next.
      setCookie(c, cookie.name, id, { path: cookie.path, httpOnly: true, sameSite: 'Lax' });
    },
    logOut(c) {
      const id = getCookie(c, cookie.name);
      if (id !== undefined) sessions.delete(id);
    },
    userOf(c) {
      const id = getCookie(c, cookie.name);
      return id === undefined ? undefined : sessions.get(id);
    },
    count: () => sessions.size,
    clear: () => sessions.clear(),
  };
}
