import { createHash, randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { createSandbox } from './app';
import { SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET, SANDBOX_REDIRECT_URIS } from './defaults';
import { listenForSecrets, type SandboxSecretKind } from './secret-listener';

const REDIRECT_URI = SANDBOX_REDIRECT_URIS[0] ?? '';
const TokenReplySchema = z.object({ access_token: z.string() });

let stopListening: () => void = () => undefined;

afterEach(() => {
  stopListening();
});

/** A sandbox app, and every secret it reports from now on. */
function listeningSandbox() {
  const heard: Array<[SandboxSecretKind, string]> = [];
  stopListening = listenForSecrets((kind, value) => heard.push([kind, value]));
  const { app } = createSandbox();
  return { app, heard };
}

describe('the secret listener', () => {
  it('should hear the code, the verifier and every token of a whole login, and nothing else', async () => {
    const { app, heard } = listeningSandbox();
    const verifier = randomBytes(32).toString('base64url');
    const challenge = createHash('sha256').update(verifier).digest('base64url');

    const authorized = await app.request('/oauth/authorize', {
      method: 'POST',
      body: new URLSearchParams({
        client_id: SANDBOX_CLIENT_ID,
        redirect_uri: REDIRECT_URI,
        response_type: 'code',
        scope: 'instagram_business_basic',
        state: 'state-123',
        code_challenge: challenge,
        code_challenge_method: 'S256',
        decision: 'allow',
        user_id: '27640875392278831',
      }),
    });
    const code = new URL(authorized.headers.get('Location') ?? '').searchParams.get('code');
    const exchanged = await app.request('/oauth/access_token', {
      method: 'POST',
      body: new URLSearchParams({
        client_id: SANDBOX_CLIENT_ID,
        client_secret: SANDBOX_CLIENT_SECRET,
        grant_type: 'authorization_code',
        redirect_uri: REDIRECT_URI,
        code: code ?? '',
        code_verifier: verifier,
      }),
    });
    const { access_token: shortLived } = TokenReplySchema.parse(await exchanged.json());
    const extended = await app.request(
      `/access_token?${new URLSearchParams({ grant_type: 'ig_exchange_token', client_secret: SANDBOX_CLIENT_SECRET, access_token: shortLived })}`,
    );
    const { access_token: longLived } = TokenReplySchema.parse(await extended.json());

    expect(heard).toEqual([
      ['authorization_code', code],
      ['code_verifier', verifier],
      ['access_token', shortLived],
      ['access_token', longLived],
    ]);
  });

  it('should hear tokens minted through the control API, Basic Display ones included, across resets', async () => {
    const { app, heard } = listeningSandbox();
    const mint = async (kind: string) => {
      const response = await app.request('/__control/tokens', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ userId: '27640875392278831', kind }),
      });
      return TokenReplySchema.parse(await response.json()).access_token;
    };

    const long = await mint('long');
    await app.request('/__control/reset', { method: 'POST' });
    const minted = [long, await mint('basic_display')];

    expect(heard).toEqual(minted.map((token) => ['access_token', token]));
  });

  it('should stop telling a listener once it stopped listening', async () => {
    const { app, heard } = listeningSandbox();
    stopListening();

    await app.request('/__control/tokens', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ userId: '27640875392278831' }),
    });

    expect(heard).toEqual([]);
  });
});
