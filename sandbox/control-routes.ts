/** The control API under `/__control/`: JSON in and out, used by tests to steer the sandbox. */
import { Hono } from 'hono';
import { validator } from 'hono/validator';
import * as z from 'zod/mini';
import { INSTAGRAM_SCOPE_NAMES } from '../shared/instagram-scopes';
import { LONG_LIVED_TTL_SECONDS, SANDBOX_FB_USERS, SANDBOX_USERS } from './defaults';
import {
  ClockAdvanceSchema,
  ConsentSchema,
  FacebookConsentSchema,
  FacebookExpireSchema,
  FacebookIssueTokenSchema,
  FacebookRevokeSchema,
  FailSchema,
  IssueTokenSchema,
  RevokeSchema,
} from './control-schemas';
import { FACEBOOK_PERMISSIONS } from './facebook-dialog-request';
import { findFacebookUser } from './facebook-users';
import { newBasicDisplayToken } from './random-strings';
import { SandboxConfigPatchSchema } from './sandbox-config';
import { reportSecret } from './secret-listener';
import type { SandboxState } from './sandbox-state';
import { findSandboxUser } from './sandbox-users';

/** Validates a JSON body with `schema`; a bad body gets 400 with zod's explanation. */
function jsonBody<T extends z.ZodMiniType>(schema: T) {
  return validator('json', (value, c) => {
    const parsed = schema.safeParse(value);
    if (!parsed.success) return c.json({ error: { message: z.prettifyError(parsed.error) } }, 400);
    return parsed.data;
  });
}

const unknownUser = (userId: string) => ({
  error: { message: `No seeded user has user_id or id ${userId}` },
});

const unknownFacebookUser = (userId: string) => ({
  error: { message: `No seeded Facebook user has id ${userId}` },
});

/** Control routes, to be mounted at `/__control`. */
export function controlRoutes(state: SandboxState) {
  const clockReply = () => ({ now: new Date(state.clock.now()).toISOString() });

  return new Hono()
    .post('/reset', (c) => {
      state.reset();
      return c.json({ ok: true as const });
    })
    .post('/config', jsonBody(SandboxConfigPatchSchema), (c) => {
      state.config = { ...state.config, ...c.req.valid('json') };
      return c.json(state.config);
    })
    .get('/clock', (c) => c.json(clockReply()))
    .post('/clock', jsonBody(ClockAdvanceSchema), (c) => {
      state.clock.advance(c.req.valid('json').advanceSeconds);
      return c.json(clockReply());
    })
    .post('/revoke', jsonBody(RevokeSchema), (c) => {
      const { userId, subcode } = c.req.valid('json');
      const user = findSandboxUser(userId);
      if (!user) return c.json(unknownUser(userId), 404);
      return c.json({ revoked: state.tokens.revokeUser(user.user_id, subcode ?? 460) });
    })
    .post('/fail', jsonBody(FailSchema), (c) => {
      const { endpoint, mode, count, code, subcode, retryAfterSeconds } = c.req.valid('json');
      const fault = state.faults.arm(
        endpoint,
        { mode, code: code ?? 4, subcode, retryAfterSeconds },
        count ?? 1,
      );
      return c.json({ endpoint, fault });
    })
    .get('/calls', (c) => c.json(state.calls.snapshot()))
    .post('/tokens', jsonBody(IssueTokenSchema), (c) => {
      const request = c.req.valid('json');
      const user = findSandboxUser(request.userId);
      if (!user) return c.json(unknownUser(request.userId), 404);
      if (request.kind === 'basic_display') {
        // Never stored: every Graph endpoint refuses the prefix, as Instagram has done since
        // 4 Dec 2024 (docs/instagram-contract.md §8).
        const ageSeconds = request.ageSeconds ?? 0;
        const token = newBasicDisplayToken();
        reportSecret('access_token', token);
        return c.json({
          access_token: token,
          expires_in: Math.max(
            0,
            (request.expiresInSeconds ?? LONG_LIVED_TTL_SECONDS) - ageSeconds,
          ),
          issued_at: new Date(state.clock.now() - ageSeconds * 1000).toISOString(),
        });
      }
      const { token, record } = state.tokens.issueToken({
        userId: user.user_id,
        kind: request.kind ?? 'long',
        permissions: INSTAGRAM_SCOPE_NAMES,
        ageSeconds: request.ageSeconds,
        expiresInSeconds: request.expiresInSeconds,
      });
      return c.json({
        access_token: token,
        expires_in: Math.max(0, Math.floor((record.expiresAtMs - state.clock.now()) / 1000)),
        issued_at: new Date(record.issuedAtMs).toISOString(),
      });
    })
    .post('/consent', jsonBody(ConsentSchema), (c) => {
      const { mode, userId } = c.req.valid('json');
      const user = userId === undefined ? SANDBOX_USERS[0] : findSandboxUser(userId);
      if (!user) return c.json(unknownUser(userId ?? ''), 404);
      state.consent = { mode, userId: user.user_id };
      return c.json(state.consent);
    })
    .post('/facebook/consent', jsonBody(FacebookConsentSchema), (c) => {
      const { mode, userId } = c.req.valid('json');
      const user = userId === undefined ? SANDBOX_FB_USERS[0] : findFacebookUser(userId);
      if (!user) return c.json(unknownFacebookUser(userId ?? ''), 404);
      state.facebook.consent = { mode, userId: user.id };
      return c.json(state.facebook.consent);
    })
    .post('/facebook/revoke', jsonBody(FacebookRevokeSchema), (c) => {
      const { userId, subcode } = c.req.valid('json');
      if (!findFacebookUser(userId)) return c.json(unknownFacebookUser(userId), 404);
      return c.json({ revoked: state.facebook.tokens.revokeUser(userId, subcode ?? 460) });
    })
    .post('/facebook/expire', jsonBody(FacebookExpireSchema), (c) => {
      const { userId } = c.req.valid('json');
      if (!findFacebookUser(userId)) return c.json(unknownFacebookUser(userId), 404);
      return c.json({ expired: state.facebook.tokens.expireUser(userId) });
    })
    .post('/facebook/tokens', jsonBody(FacebookIssueTokenSchema), (c) => {
      const request = c.req.valid('json');
      const user = findFacebookUser(request.userId);
      if (!user) return c.json(unknownFacebookUser(request.userId), 404);
      const kind = request.kind ?? 'long';
      if (kind === 'page' && !user.pages.some((page) => page.id === request.pageId)) {
        return c.json(
          { error: { message: `A Page token needs pageId, one of ${user.name}'s Pages` } },
          400,
        );
      }
      const { token, record } = state.facebook.tokens.issueToken({
        userId: user.id,
        kind,
        ...(kind === 'page' && request.pageId !== undefined ? { pageId: request.pageId } : {}),
        scopes: request.scopes ?? FACEBOOK_PERMISSIONS,
        ageSeconds: request.ageSeconds,
        expiresInSeconds: request.expiresInSeconds,
      });
      return c.json({
        access_token: token,
        ...(record.expiresAtMs === null
          ? {}
          : {
              expires_in: Math.max(0, Math.floor((record.expiresAtMs - state.clock.now()) / 1000)),
            }),
        issued_at: new Date(record.issuedAtMs).toISOString(),
      });
    })
    .get('/state', (c) =>
      c.json({
        ...clockReply(),
        config: state.config,
        consent: state.consent.mode,
        consentUserId: state.consent.userId,
        sessions: state.sessions.count(),
        liveTokens: state.tokens.liveTokenCounts(),
        pendingCodes: state.tokens.pendingCodeCount(),
        heldRequests: state.held.count(),
        faults: state.faults.pending(),
        calls: state.calls.snapshot(),
        facebook: {
          consent: state.facebook.consent.mode,
          consentUserId: state.facebook.consent.userId,
          sessions: state.facebook.sessions.count(),
          liveTokens: state.facebook.tokens.liveTokenCounts(),
          pendingCodes: state.facebook.tokens.pendingCodeCount(),
        },
      }),
    );
}
