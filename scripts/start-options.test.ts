import { describe, expect, it } from 'vitest';
import { readStartOptions } from './start-options';
import { StartError } from './start-error';

describe('readStartOptions', () => {
  it('should default to the sandbox port 8788 and to opening a browser', () => {
    const actual = readStartOptions([], {});

    expect(actual).toEqual({
      sandboxPort: 8788,
      proxyEnv: { PROXY_PORT: undefined },
      openBrowser: true,
    });
  });

  it('should read SANDBOX_PORT and hand PROXY_PORT to the proxy configuration', () => {
    const actual = readStartOptions([], { SANDBOX_PORT: '9100', PROXY_PORT: '9101' });

    expect(actual.sandboxPort).toBe(9100);
    expect(actual.proxyEnv).toEqual({ PROXY_PORT: '9101' });
  });

  it.each([
    [['--no-browser'], {}],
    [[], { START_NO_BROWSER: '1' }],
    [[], { START_NO_BROWSER: 'true' }],
  ])('should skip the browser for %j %j', (args, env) => {
    expect(readStartOptions(args, env).openBrowser).toBe(false);
  });

  it('should open the browser when START_NO_BROWSER is 0', () => {
    expect(readStartOptions([], { START_NO_BROWSER: '0' }).openBrowser).toBe(true);
  });

  it.each([
    [['--headless'], {}, /Unknown argument "--headless"/],
    [[], { SANDBOX_PORT: '70000' }, /SANDBOX_PORT/],
    [[], { SANDBOX_PORT: 'abc' }, /SANDBOX_PORT/],
    [[], { START_NO_BROWSER: 'yes' }, /START_NO_BROWSER/],
  ])('should refuse %j %j with a line naming the culprit', (args, env, expected) => {
    const read = () => readStartOptions(args, env);

    expect(read).toThrow(StartError);
    expect(read).toThrow(expected);
  });
});
