/** `npm run sandbox`: starts the Instagram sandbox from environment variables. */
import { startSandbox } from './server';
import { parseSandboxEnv } from './sandbox-env';

async function main(): Promise<void> {
  const parsed = parseSandboxEnv(process.env);
  if (!parsed.ok) {
    console.error(parsed.message);
    process.exit(1);
  }
  const { env } = parsed;
  const sandbox = await startSandbox({
    port: env.SANDBOX_PORT,
    host: env.SANDBOX_HOST,
    clientId: env.SANDBOX_CLIENT_ID,
    clientSecret: env.SANDBOX_CLIENT_SECRET,
    redirectUris: env.SANDBOX_REDIRECT_URIS,
  });
  const authorize = new URL('/oauth/authorize', sandbox.url);
  authorize.search = new URLSearchParams({
    client_id: env.SANDBOX_CLIENT_ID,
    redirect_uri: env.SANDBOX_REDIRECT_URIS[0] ?? '',
    response_type: 'code',
    scope: 'instagram_business_basic',
  }).toString();
  console.log(`Instagram sandbox listening on ${sandbox.url}`);
  console.log(`  authorize: ${authorize.href}`);
  console.log(`  control:   ${sandbox.url}/__control/state`);

  const stop = () => {
    sandbox.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(
    `Sandbox failed to start: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
});
