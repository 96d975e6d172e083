import { chmodSync, mkdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ensurePrivateFolder, PrivateFolderError } from './private-folder';
import { makeTempDirs, type TempDirs } from './test-support/temp-dirs';

describe('ensurePrivateFolder', () => {
  let dirs: TempDirs | undefined;
  afterEach(() => dirs?.remove());

  it('should create missing folders with mode 0700', async () => {
    dirs = makeTempDirs();
    const folder = join(dirs.root, 'a', 'b');

    await ensurePrivateFolder(folder);

    expect(statSync(folder).mode & 0o777).toBe(0o700);
  });

  it('should tighten an existing folder to 0700, which mkdir alone would not', async () => {
    dirs = makeTempDirs();
    const folder = join(dirs.root, 'open');
    mkdirSync(folder);
    chmodSync(folder, 0o777);

    await ensurePrivateFolder(folder);

    expect(statSync(folder).mode & 0o777).toBe(0o700);
  });

  it('should refuse a symlink or a file in place of the folder', async () => {
    dirs = makeTempDirs();
    const target = join(dirs.root, 'elsewhere');
    mkdirSync(target);
    symlinkSync(target, join(dirs.root, 'link'));
    writeFileSync(join(dirs.root, 'file'), '');

    await expect(ensurePrivateFolder(join(dirs.root, 'link'))).rejects.toThrow(PrivateFolderError);
    await expect(ensurePrivateFolder(join(dirs.root, 'file'))).rejects.toThrow(PrivateFolderError);
  });

  it.runIf(process.getuid?.() === 0)('should refuse a folder owned by another user', async () => {
    dirs = makeTempDirs();
    const folder = join(dirs.root, 'theirs');
    mkdirSync(folder);
    // Only root can hand a folder to someone else; as anyone else this case cannot be set up.
    const { chownSync } = await import('node:fs');
    chownSync(folder, 12345, 12345);

    await expect(ensurePrivateFolder(folder)).rejects.toThrow(/belongs to another user/);
  });
});
