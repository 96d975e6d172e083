import { describe, expect, it } from 'vitest';
import { readStartOptions } from './start-options';
import { StartError } from './start-error';

describe('readStartOptions', () => {
  it('should default to the sandbox port 8788 and to opening Chrome', () => {
    const actual = readStartOptions([], {});

    expect(actual).toEqual({
      sandboxPort: 8788,
      proxyEnv: { PROXY_PORT: undefined },
      openBrowser: true,
      browser: 'chrome',
    });
  });

  it.each([
    [['--browser', 'firefox'], 'firefox'],
    [['--browser=firefox'], 'firefox'],
    [['--browser', 'chrome'], 'chrome'],
    [['--no-browser', '--browser', 'firefox'], 'firefox'],
    [['--browser', 'firefox', '--no-browser'], 'firefox'],
  ])('should read %j as the browser %s', (args, expected) => {
    expect(readStartOptions(args, {}).browser).toBe(expected);
  });

  it('should keep --no-browser alongside --browser', () => {
    expect(readStartOptions(['--browser', 'firefox', '--no-browser'], {}).openBrowser).toBe(false);
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
    [
      ['--headless'],
      {},
      /Unknown argument "--headless": only --no-browser and --browser chrome\|firefox/,
    ],
    [['firefox'], {}, /Unknown argument "firefox"/],
    [['--browser', 'safari'], {}, /Invalid --browser "safari": expected chrome or firefox/],
    [['--browser', 'chromium'], {}, /Invalid --browser "chromium": expected chrome or firefox/],
    [['--browser=Firefox'], {}, /Invalid --browser "Firefox"/],
    [['--browser'], {}, /--browser needs a value: chrome or firefox/],
    [['--browser='], {}, /--browser needs a value/],
    [['--browser', 'firefox', '--browser', 'chrome'], {}, /--browser is given twice/],
    [[], { SANDBOX_PORT: '70000' }, /SANDBOX_PORT/],
    [[], { SANDBOX_PORT: 'abc' }, /SANDBOX_PORT/],
    [[], { START_NO_BROWSER: 'yes' }, /START_NO_BROWSER/],
  ])('should refuse %j %j with a line naming the culprit', (args, env, expected) => {
    const read = () => readStartOptions(args, env);

    expect(read).toThrow(StartError);
    expect(read).toThrow(expected);
  });
});
