import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { formatCommand, shellQuote } from './shell-quote';

describe('shellQuote', () => {
  it('should leave plain words alone', () => {
    expect(formatCommand(['/usr/bin/node', '--flag=1', 'a@b:c,d'])).toBe(
      '/usr/bin/node --flag=1 a@b:c,d',
    );
  });

  it('should quote words that a shell would change, so that sh reads them back unchanged', () => {
    const words = ['cat > "$OUT"', "it's", 'two words', '$HOME', '', 'semi;colon', '*'];

    const echoed = execFileSync('sh', ['-c', `printf '%s\\n' ${formatCommand(words)}`], {
      encoding: 'utf8',
    });

    expect(echoed).toBe(words.map((word) => `${word}\n`).join(''));
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
  });
});
