import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { loadConfig } from './config';

const read = (path: string) => readFileSync(join(import.meta.dirname, path), 'utf8');
const PackageSchema = z.object({ scripts: z.record(z.string(), z.string()) });

/** `KEY=value` lines as systemd's EnvironmentFile= and `docker run --env-file` read them. */
function parseEnvFile(text: string): Record<string, string> {
  const lines = text.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('#'));
  return Object.fromEntries(
    lines.map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
}

/** Where `npm run build:proxy` writes the bundle. */
function bundlePath(): string {
  const scripts = PackageSchema.parse(JSON.parse(read('../package.json'))).scripts;
  const outfile = /--outfile=(\S+)/.exec(scripts['build:proxy'] ?? '')?.[1];
  if (outfile === undefined) throw new Error('build:proxy names no --outfile');
  return outfile;
}

describe('deployment files (proxy/deploy)', () => {
  it('should ship a proxy.env.example that the proxy accepts as it is, unquoted', () => {
    const env = parseEnvFile(read('deploy/proxy.env.example'));

    const config = loadConfig(env);

    expect(config.host).toBe('127.0.0.1');
    expect(Object.values(env).filter((value) => /^["']/.test(value))).toEqual([]);
  });

  it('should run the bundle that npm run build:proxy writes, in the unit and in the image', () => {
    const bundle = bundlePath();

    expect(read('deploy/ig-token-proxy.service')).toMatch(
      new RegExp(`^ExecStart=/usr/bin/node .* /opt/ig-token-proxy/${basename(bundle)}$`, 'm'),
    );
    expect(read('deploy/Dockerfile')).toContain(`COPY --from=build /src/${bundle} `);
  });

  it('should bake no configuration secret into the image', () => {
    const dockerfile = read('deploy/Dockerfile');

    expect(dockerfile).not.toMatch(/^(ENV|ARG)\b.*(IG_CLIENT_SECRET|PROXY_CONFIG)/m);
    expect(dockerfile).toMatch(/^USER node$/m);
  });
});
