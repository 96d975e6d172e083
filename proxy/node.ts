/**
 * `npm run proxy`: loads the configuration from the environment, starts the proxy on Node and
 * prints one line with its URL (never the secret). A bad configuration exits with one line.
 */
import { readFileSync } from 'node:fs';
import { ConfigError } from './errors';
import { loadConfig } from './config';
import { startProxy } from './server';
import { describeApps } from './describe-apps';

try {
  const config = loadConfig(process.env, { readFile: (path) => readFileSync(path, 'utf8') });
  const proxy = await startProxy(config);
  console.log(`Exchange proxy listening on ${proxy.url} for ${describeApps(config)}`);
  const stop = () => {
    proxy.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(1);
}
