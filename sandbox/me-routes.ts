/** `GET /me` and `GET /v<NN>.0/me`: the token owner's profile, with the requested fields. */
import { Hono, type Context } from 'hono';
import type { SandboxUser } from './defaults';
import { invalidTokenError, missingTokenError, unknownFieldError } from './graph-errors';
import { sendGraphFailure } from './graph-response';
import { requestToken } from './request-token';
import type { SandboxState } from './sandbox-state';
import { findSandboxUser } from './sandbox-users';
import { checkToken } from './token-check';
import { trackedEndpoint } from './tracked-endpoint';

/** Fields the User node supports. */
export const ME_FIELDS = [
  'id',
  'user_id',
  'username',
  'name',
  'account_type',
  'profile_picture_url',
  'followers_count',
  'follows_count',
  'media_count',
] as const;
type MeField = (typeof ME_FIELDS)[number];

function isMeField(name: string): name is MeField {
  return ME_FIELDS.some((field) => field === name);
}

/** The `user_id` of `meUserId: 'non_numeric'`. */
export const NON_NUMERIC_USER_ID = 'abc';

/** Routes of the profile endpoint, unversioned and versioned. */
export function meRoutes(state: SandboxState) {
  const handler = (c: Context) => {
    const token = requestToken(c);
    if (token === undefined) return sendGraphFailure(c, missingTokenError());
    const check = checkToken(state, token);
    if (!check.ok) return sendGraphFailure(c, check.failure);
    const user = findSandboxUser(check.record.userId);
    // Tokens are only minted for seeded users; this guards a store edited by hand.
    if (!user) return sendGraphFailure(c, invalidTokenError(state.config.invalidTokenStatus));
    const requested = (c.req.query('fields') ?? 'id')
      .split(',')
      .map((name) => name.trim())
      .filter((name) => name !== '');
    const profile: Record<string, string | number> = {};
    for (const name of requested.length > 0 ? requested : ['id']) {
      if (!isMeField(name)) return sendGraphFailure(c, unknownFieldError(name));
      if (name === 'user_id' && state.config.meUserId !== 'account') {
        // Malformed replies the extension must refuse rather than key an account by
        // (docs/instagram-contract.md §5.3).
        if (state.config.meUserId === 'non_numeric') profile.user_id = NON_NUMERIC_USER_ID;
        continue;
      }
      profile[name] = fieldValue(user, name, new URL(c.req.url).origin);
    }
    return c.json(state.config.meWrapped ? { data: [profile] } : profile);
  };

  return new Hono()
    .get('/me', trackedEndpoint(state, 'me'), handler)
    .get('/:version{v\\d+\\.0}/me', trackedEndpoint(state, 'me'), handler);
}

/** Ids are JSON strings, as Graph sends them; counts are numbers. */
function fieldValue(user: SandboxUser, field: MeField, origin: string): string | number {
  if (field === 'profile_picture_url') return `${origin}/avatars/${user.username}.svg`;
  return user[field];
}
