import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../utils/errors';
import { PROJECT_ROOT } from './build-extension';

describe("the README's troubleshooting section", () => {
  it('should map every error a user can meet to its cause and fix', async () => {
    const readme = await readFile(join(PROJECT_ROOT, 'README.md'), 'utf8');
    const start = readme.indexOf('## Troubleshooting');
    const section = readme.slice(start, readme.indexOf('\n## ', start + 1));

    const missing = ERROR_CODES.filter((code) => !section.includes(`\`${code}\``));

    expect(start).toBeGreaterThan(0);
    expect(missing).toEqual([]);
  });
});
