/**
 * The Graph errors only the Facebook endpoints send (docs/instagram-contract.md §9.2, §9.4, §9.5),
 * all `OAuthException`, HTTP 400. Messages follow the captures quoted there; the wording of the
 * missing-parameter and code-verifier answers is the sandbox's own.
 */
import { FACEBOOK_CODE_SUBCODES } from '../shared/instagram-error-codes';
import {
  expiredTokenError,
  invalidTokenError,
  rateLimitError,
  revokedTokenError,
  serverError,
  type GraphFailure,
} from './graph-errors';

function oauthError(code: number, message: string, subcode?: number): GraphFailure {
  return {
    status: 400,
    fields: {
      message,
      type: 'OAuthException',
      code,
      ...(subcode === undefined ? {} : { error_subcode: subcode }),
    },
  };
}

/** Why a code was refused at `oauth/access_token`. */
export type FacebookCodeProblem = 'unknown' | 'used' | 'expired' | 'redirect_mismatch' | 'verifier';

/** The code-exchange refusals: 100 with subcode 36007, 36008 or 36009, or a plain 100. */
export function facebookCodeError(problem: FacebookCodeProblem): GraphFailure {
  switch (problem) {
    case 'used':
      return oauthError(100, 'This authorization code has been used.', FACEBOOK_CODE_SUBCODES.used);
    case 'expired':
      return oauthError(
        100,
        'This authorization code has expired.',
        FACEBOOK_CODE_SUBCODES.expired,
      );
    case 'redirect_mismatch':
      return oauthError(
        100,
        'Error validating verification code. Please make sure your redirect_uri is identical to the one you used in the OAuth dialog request',
        FACEBOOK_CODE_SUBCODES.redirectMismatch,
      );
    case 'verifier':
      return oauthError(100, 'Invalid code_verifier for this authorization code.');
    case 'unknown':
      return oauthError(100, 'Invalid verification code format.');
  }
}

/** Code 101: the `client_id` is no app Facebook knows (§9.2). */
export function invalidAppIdError(): GraphFailure {
  return oauthError(101, 'Error validating application. Invalid application ID.');
}

/** A required parameter is missing. */
export function missingFacebookParameterError(name: string): GraphFailure {
  return oauthError(100, `Missing ${name} parameter.`);
}

/** 100/33: no such object, or the token may not see it (§9.5). */
export function missingObjectError(id: string): GraphFailure {
  return oauthError(
    100,
    `Unsupported get request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
    33,
  );
}

/** `fields=` (or an edge) names something the node type does not have. */
export function unknownNodeFieldError(field: string, node: 'User' | 'Page'): GraphFailure {
  return oauthError(
    100,
    `(#100) Tried accessing nonexisting field (${field}) on node type (${node})`,
  );
}

/** `debug_token` called without a usable app token: the caller must be the app (§9.4). */
export function appTokenRequiredError(): GraphFailure {
  return oauthError(
    100,
    '(#100) You must provide an app access token, or a user access token that is an owner or developer of the app',
  );
}

/** An app token `id|secret` whose secret is wrong. */
export function invalidAppTokenError(): GraphFailure {
  return oauthError(190, 'Invalid OAuth access token signature.');
}

/** A token that cannot be used where it was sent (a Page token to fb_exchange_token, …). */
export function wrongTokenKindError(detail: string): GraphFailure {
  return oauthError(100, `Invalid parameter: ${detail}`);
}

/**
 * An error injected with `POST /__control/fail` mode `graph_error`: the real wording for the codes
 * and subcodes the project acts on, a generic one for the rest.
 */
export function injectedGraphError(code: number, subcode: number | undefined): GraphFailure {
  if (code === 1) {
    return subcode === undefined
      ? {
          status: 400,
          fields: {
            message: 'An unknown error occurred',
            type: 'OAuthException',
            code: 1,
            is_transient: true,
          },
        }
      : oauthError(1, 'An unknown error occurred', subcode);
  }
  if (code === 2) return serverError();
  if (code === 4 || code === 17) return rateLimitError(code);
  if (code === 101) return invalidAppIdError();
  if (code === 100 && subcode === 33) return missingObjectError('me');
  if (code === 100 && subcode === FACEBOOK_CODE_SUBCODES.used) return facebookCodeError('used');
  if (code === 100 && subcode === FACEBOOK_CODE_SUBCODES.expired) {
    return facebookCodeError('expired');
  }
  if (code === 100 && subcode === FACEBOOK_CODE_SUBCODES.redirectMismatch) {
    return facebookCodeError('redirect_mismatch');
  }
  if (code === 190 && subcode === 463) return expiredTokenError(Date.now() - 60_000, Date.now());
  if (
    code === 190 &&
    (subcode === 458 || subcode === 459 || subcode === 460 || subcode === 464 || subcode === 467)
  ) {
    return revokedTokenError(subcode, 'the app');
  }
  if (code === 190) return invalidTokenError(400);
  return oauthError(code, `(#${code}) Injected error`, subcode);
}
