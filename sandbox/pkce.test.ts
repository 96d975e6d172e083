import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { OAuthFlatErrorSchema } from '../shared/instagram-responses';
import {
  authorizeParams,
  exchangeCode,
  obtainCode,
  useSandbox,
} from '../tests/support/sandbox-fixture';

const sandbox = useSandbox();

/** A fresh verifier and its S256 challenge, computed independently of the sandbox. */
function pkcePair() {
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  return { verifier, challenge };
}

async function flatError(response: Response) {
  expect(response.status).toBe(400);
  return OAuthFlatErrorSchema.parse(await response.json());
}

describe('PKCE at GET /oauth/authorize', () => {
  it.each([
    ['plain', { code_challenge_method: 'plain' }, 'Invalid code_challenge_method'],
    ['s256 in lower case', { code_challenge_method: 's256' }, 'Invalid code_challenge_method'],
    [
      'a challenge without a method',
      { code_challenge_method: undefined },
      'Invalid code_challenge_method',
    ],
    ['S256 without a challenge', { code_challenge: undefined }, 'Invalid code_challenge'],
    ['S256 with a short challenge', { code_challenge: 'abc' }, 'Invalid code_challenge'],
  ])('should refuse %s with an error page', async (_case, overrides, detail) => {
    const query = authorizeParams({
      code_challenge: pkcePair().challenge,
      code_challenge_method: 'S256',
      ...overrides,
    });

    const response = await fetch(sandbox.at('/oauth/authorize', query), { redirect: 'manual' });
    const page = await response.text();

    expect(response.status).toBe(200);
    expect(response.headers.get('Location')).toBeNull();
    expect(page).toContain(
      `<p id="error-message">Invalid Request: Request parameters are invalid: ${detail}</p>`,
    );
    expect(page).not.toMatch(/<form|<button/);
  });

  it('should ignore the PKCE parameters entirely when enforcePkce is off', async () => {
    await sandbox.control.configure({ enforcePkce: false });

    const response = await fetch(
      sandbox.at(
        '/oauth/authorize',
        authorizeParams({ code_challenge: 'x', code_challenge_method: 'plain' }),
      ),
    );

    expect(response.status).toBe(200);
  });
});

describe('PKCE at POST /oauth/access_token', () => {
  async function codeFor(challenge: string) {
    return obtainCode(sandbox, { code_challenge: challenge, code_challenge_method: 'S256' });
  }

  it('should redeem a code issued with a challenge when the verifier matches', async () => {
    const { verifier, challenge } = pkcePair();
    const code = await codeFor(challenge);

    const response = await exchangeCode(sandbox, code, { code_verifier: verifier });

    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/^\{"access_token":"IGAA/);
  });

  it.each([
    ['a missing verifier', undefined],
    ['an empty verifier', ''],
    ['another login’s verifier', pkcePair().verifier],
  ])('should refuse %s and spend the code', async (_case, verifier) => {
    const { verifier: right, challenge } = pkcePair();
    const code = await codeFor(challenge);

    const refused = await exchangeCode(sandbox, code, { code_verifier: verifier });
    const retried = await exchangeCode(sandbox, code, { code_verifier: right });

    expect(await flatError(refused)).toEqual({
      error_type: 'OAuthException',
      code: 400,
      error_message: 'Invalid code_verifier',
    });
    expect((await flatError(retried)).error_message).toBe(
      'Matching code was not found or was already used',
    );
  });

  it('should ignore a verifier sent for a code issued without a challenge', async () => {
    const code = await obtainCode(sandbox);

    const response = await exchangeCode(sandbox, code, { code_verifier: pkcePair().verifier });

    expect(response.status).toBe(200);
  });

  it('should not check the verifier when enforcePkce is off', async () => {
    await sandbox.control.configure({ enforcePkce: false });
    const code = await codeFor(pkcePair().challenge);

    const response = await exchangeCode(sandbox, code);

    expect(response.status).toBe(200);
  });

  it('should carry the challenge through the consent form', async () => {
    const { verifier, challenge } = pkcePair();
    const page = await (
      await fetch(
        sandbox.at(
          '/oauth/authorize',
          authorizeParams({ code_challenge: challenge, code_challenge_method: 'S256' }),
        ),
      )
    ).text();

    expect(page).toContain(`<input type="hidden" name="code_challenge" value="${challenge}" />`);
    expect(page).toContain('<input type="hidden" name="code_challenge_method" value="S256" />');
    const code = await codeFor(challenge);
    expect((await exchangeCode(sandbox, code, { code_verifier: verifier })).status).toBe(200);
  });
});
