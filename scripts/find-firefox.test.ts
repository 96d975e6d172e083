import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findFirefox } from './find-firefox';

describe('findFirefox', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'igtt-find-firefox-'));
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('should take FIREFOX_PATH when it is executable', async () => {
    const path = join(dir, 'firefox');
    await writeFile(path, '#!/bin/sh\n');
    await chmod(path, 0o755);

    expect(findFirefox({ FIREFOX_PATH: path })).toBe(path);
  });

  it('should find nothing rather than another Firefox when FIREFOX_PATH is not executable', async () => {
    const path = join(dir, 'firefox');
    await writeFile(path, '');

    expect(findFirefox({ FIREFOX_PATH: path })).toBeUndefined();
  });
});
