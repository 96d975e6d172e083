import { describe, expect, it } from 'vitest';
import { createLeakScanner } from './soak-leaks';

const TOKEN = `IGAA${'x1Y2z3'.repeat(30)}ZD`;
const CODE = `AQ${'Code9'.repeat(30)}`;
const SECRET = 'sandbox-app-secret-7f3a9c2e51d84b06';

function scanner(...secrets: string[]) {
  const leaks = createLeakScanner();
  for (const secret of secrets) leaks.add(secret);
  return leaks;
}

describe('createLeakScanner', () => {
  it('should find each secret wherever it sits, inside a longer run too', () => {
    const leaks = scanner(TOKEN, CODE, SECRET);

    const actual = leaks.find(
      `{"access_token":"${TOKEN}"} log ?code=${CODE}#_ and prefix${SECRET}suffix`,
    );

    expect(actual.sort()).toEqual([CODE, SECRET, TOKEN].sort());
  });

  it('should find nothing in text that only shares a prefix', () => {
    const leaks = scanner(TOKEN, CODE);

    expect(leaks.find(`${TOKEN.slice(0, 100)} ${CODE.slice(0, -1)}`)).toEqual([]);
  });

  it('should look for short or unusual secrets one by one', () => {
    const leaks = scanner('s3cr+t/=', 'short');

    expect(leaks.find('a s3cr+t/= and a short one').sort()).toEqual(['s3cr+t/=', 'short']);
    expect(leaks.size).toBe(2);
  });

  it('should count a secret added twice once', () => {
    const leaks = scanner(TOKEN, TOKEN, 'short', 'short');

    expect(leaks.size).toBe(2);
  });
});
