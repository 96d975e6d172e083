/**
 * The Instagram sandbox of `npm run soak`, in a process of its own. Besides serving, it prints
 * every token it issues (`issued <token>`) and every failed long-lived exchange it answers
 * (`fault <status>`), so that the soak can look for those tokens in the proxy's answers and logs
 * and count the failures the proxy had to survive.
 */
import { serve } from '@hono/node-server';
import { createSandbox } from '../sandbox/app';

const CODE_EXCHANGE_PATH = '/oauth/access_token';
const LONG_LIVED_PATH = '/access_token';
const ISSUED_TOKEN = /"access_token"\s*:\s*"([^"]+)"/;

const { app } = createSandbox();

/** Serves the sandbox and reports what the soak needs to know about each token call. */
async function reportingFetch(request: Request): Promise<Response> {
  const response = await app.fetch(request);
  const path = new URL(request.url).pathname;
  if (path !== CODE_EXCHANGE_PATH && path !== LONG_LIVED_PATH) return response;
  if (response.status === 200) {
    const token = ISSUED_TOKEN.exec(await response.clone().text())?.[1];
    if (token !== undefined) console.log(`issued ${token}`);
  } else if (path === LONG_LIVED_PATH) {
    console.log(`fault ${response.status}`);
  }
  return response;
}

const server = serve({ fetch: reportingFetch, hostname: '127.0.0.1', port: 0 }, (info) => {
  console.log(`Soak sandbox listening on http://127.0.0.1:${info.port}`);
});

const stop = () => server.close(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
