import { chmodSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  addHook,
  EMPTY_HOOKS_FILE,
  hooksFilePath,
  HooksFileError,
  readHooksFile,
  recordDelivery,
  removeHook,
  writeHooksFile,
} from './hooks-store';
import { makeTempDirs, type TempDirs } from './test-support/temp-dirs';

describe('hooksFilePath', () => {
  it('should respect XDG_CONFIG_HOME and fall back to ~/.config', () => {
    expect(hooksFilePath({ env: { XDG_CONFIG_HOME: '/cfg' }, home: '/home/ada' })).toBe(
      '/cfg/igtt/hooks.json',
    );
    expect(hooksFilePath({ env: {}, home: '/home/ada' })).toBe('/home/ada/.config/igtt/hooks.json');
  });
});

describe('hooks file', () => {
  let dirs: TempDirs | undefined;
  afterEach(() => dirs?.remove());

  function setUp(): string {
    dirs = makeTempDirs();
    return dirs.hooksFile;
  }

  it('should read a missing file as no hooks, without creating it', async () => {
    const path = setUp();

    expect(await readHooksFile(path)).toEqual(EMPTY_HOOKS_FILE);
    expect(() => statSync(path)).toThrow();
  });

  it('should add, list and remove hooks, never reusing an id', async () => {
    const path = setUp();

    const first = await addHook(path, { account: '@ada', command: ['push', '--prod'] });
    const second = await addHook(path, { command: ['sh', '-c', 'cat > "$OUT"'] });
    await removeHook(path, second.id);
    const third = await addHook(path, { command: ['third'] });

    expect([first.id, second.id, third.id]).toEqual([1, 2, 3]);
    expect(await readHooksFile(path)).toEqual({
      version: 1,
      nextId: 4,
      hooks: [
        { id: 1, account: '@ada', command: ['push', '--prod'], delivered: {} },
        { id: 3, command: ['third'], delivered: {} },
      ],
    });
  });

  it('should not reuse the id of the last hook once removed', async () => {
    const path = setUp();
    const only = await addHook(path, { command: ['a'] });
    await removeHook(path, only.id);

    const next = await addHook(path, { command: ['b'] });

    expect(next.id).toBe(2);
  });

  it('should say when there is no such hook, and leave the file alone', async () => {
    const path = setUp();
    await addHook(path, { command: ['a'] });
    const before = readFileSync(path, 'utf8');

    expect(await removeHook(path, 7)).toBeUndefined();
    expect(readFileSync(path, 'utf8')).toBe(before);
  });

  it('should write the file 0600 in a 0700 folder', async () => {
    const path = setUp();
    mkdirSync(dirname(path), { recursive: true, mode: 0o755 });
    chmodSync(dirname(path), 0o755);

    await addHook(path, { command: ['a'] });

    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(dirname(path)).mode & 0o777).toBe(0o700);
  });

  it('should write atomically: a new inode renamed into place, no temporary file left', async () => {
    const path = setUp();
    await addHook(path, { command: ['a'] });
    const before = statSync(path).ino;

    await addHook(path, { command: ['b'] });

    expect(statSync(path).ino).not.toBe(before);
    expect(readdirSync(dirname(path))).toEqual(['hooks.json']);
  });

  it('should keep the old file when the new content is invalid', async () => {
    const path = setUp();
    await addHook(path, { command: ['a'] });
    const before = readFileSync(path, 'utf8');

    await expect(
      writeHooksFile(path, {
        version: 1,
        nextId: 1,
        hooks: [{ id: 1, command: [], delivered: {} }],
      }),
    ).rejects.toThrow();

    expect(readFileSync(path, 'utf8')).toBe(before);
    expect(readdirSync(dirname(path))).toEqual(['hooks.json']);
  });

  it('should record deliveries per account for the given hooks only', async () => {
    const path = setUp();
    await addHook(path, { command: ['a'] });
    await addHook(path, { command: ['b'] });

    await recordDelivery(path, [2], '17841400000000001', '1764633600000');

    const { hooks } = await readHooksFile(path);
    expect(hooks.map((hook) => hook.delivered)).toEqual([
      {},
      { '17841400000000001': '1764633600000' },
    ]);
  });

  it.each([
    ['not JSON', '{"version":1,', /is not valid JSON/],
    [
      'a hook without a command',
      '{"version":1,"nextId":2,"hooks":[{"id":1,"command":[],"delivered":{}}]}',
      /at hooks\.0\.command/,
    ],
    [
      'an id at or above nextId',
      '{"version":1,"nextId":1,"hooks":[{"id":1,"command":["a"],"delivered":{}}]}',
      /every hook id must be below nextId/,
    ],
    [
      'an unknown field',
      '{"version":1,"nextId":1,"hooks":[],"extra":true}',
      /not a valid igtt hooks file/,
    ],
    [
      'a bad stamp',
      '{"version":1,"nextId":2,"hooks":[{"id":1,"command":["a"],"delivered":{"1":"x"}}]}',
      /delivered/,
    ],
  ])(
    'should report %s clearly, naming the file, and never treat it as empty',
    async (_case, text, message) => {
      const path = setUp();
      mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
      writeFileSync(path, text, { mode: 0o600 });

      const reading = readHooksFile(path);

      await expect(reading).rejects.toThrow(HooksFileError);
      await expect(readHooksFile(path)).rejects.toThrow(message);
      await expect(readHooksFile(path)).rejects.toThrow(path);
      await expect(addHook(path, { command: ['a'] })).rejects.toThrow(HooksFileError);
      expect(readFileSync(path, 'utf8')).toBe(text);
    },
  );

  it('should refuse a file others can write, since its commands get the tokens', async () => {
    const path = setUp();
    await addHook(path, { command: ['a'] });
    chmodSync(path, 0o666);

    await expect(readHooksFile(path)).rejects.toThrow(/chmod 600/);
  });
});
