/**
 * The leak scan that ends the browser suite must find what it is there to find: this plants
 * secrets in every kind of place it reads, in every form it claims to see, in a journal of its own
 * (not the run's), and checks that each is reported, and that clean data is not.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JournalEntry } from '../support/browser/leak-journal';
import { readJournal, scanForLeaks } from '../support/browser/leak-scan';

const token = `IGAA${randomBytes(90).toString('hex').slice(0, 178)}ZD`;
const code = `AQ${randomBytes(75).toString('hex')}`;
const appSecret = 'sandbox-app-secret-7f3a9c2e51d84b06';
const SECRETS: JournalEntry[] = [
  { type: 'secret', kind: 'access_token', value: token },
  { type: 'secret', kind: 'authorization_code', value: code },
  { type: 'secret', kind: 'app_secret', value: appSecret },
];

describe('the leak scan', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'igtt-leak-scan-test-'));
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  /** A fake profile folder holding `files` (path → bytes). */
  async function profileWith(files: Record<string, Buffer>): Promise<JournalEntry> {
    const profile = join(dir, 'profile');
    for (const [path, bytes] of Object.entries(files)) {
      await mkdir(join(profile, path, '..'), { recursive: true });
      await writeFile(join(profile, path), bytes);
    }
    return { type: 'profile', dir: profile };
  }

  it('should find each secret wherever it was planted, whole or cut, as UTF-8 or UTF-16', async () => {
    const binary = (text: string, encoding: BufferEncoding) =>
      Buffer.concat([randomBytes(500), Buffer.from(text, encoding), randomBytes(500)]);
    const entries: JournalEntry[] = [
      ...SECRETS,
      {
        type: 'console',
        context: 'page popup.html',
        text: `[log] {value: '${token.slice(0, 100)}…'}`,
      },
      { type: 'log', source: 'proxy request log', text: `{"secret":"${appSecret}"}` },
      { type: 'storage', area: 'session', json: `{"pending":"…${token.slice(-30)}"}` },
      await profileWith({
        'Default/Local Storage/leveldb/000003.log': binary(token, 'utf16le'),
        'Default/IndexedDB/x/1': binary(code, 'utf8'),
        'Default/Preferences': Buffer.from('{"nothing":"secret"}'),
      }),
    ];
    await writeFile(join(dir, 'journal-1.jsonl'), entries.map((e) => JSON.stringify(e)).join('\n'));

    const report = await scanForLeaks(await readJournal(dir));

    expect(report).toMatchObject({
      secrets: 3,
      consoleLines: 1,
      logLines: 1,
      storageSnapshots: 1,
      profiles: 1,
      profileFiles: 3,
      tolerated: [],
    });
    const found = report.leaks.map(({ match, where }) => `${match} ${where.split(' (')[0]}`);
    expect(found.sort()).toEqual([
      'head console of page popup.html',
      'tail storage.session',
      'whole log of proxy request log',
      'whole profile file Default/IndexedDB/x/1',
      'whole profile file Default/Local Storage/leveldb/000003.log',
    ]);
    expect(report.leaks.map(({ secret }) => secret).join(' ')).not.toContain(token.slice(4, 12));
  });

  it("should only tolerate a code in the HTTP cache entry of Instagram's or Facebook's own login redirect", async () => {
    const redirect = (path: string) =>
      Buffer.from(
        `1/0/_dk_http://127.0.0.1 http://127.0.0.1:8788${path}\nHTTP/1.1 302 Found\n` +
          `location: https://id.chromiumapp.org/?code=${code}&state=abc#_\n`,
      );
    const entries: JournalEntry[] = [
      ...SECRETS,
      await profileWith({
        'Default/Cache/Cache_Data/0123_0': redirect('/oauth/authorize'),
        'Default/Cache/Cache_Data/89ab_0': redirect('/facebook/v25.0/dialog/oauth'),
        'Default/Cache/Cache_Data/4567_0': redirect('/somewhere/else'),
        'Default/History': redirect('/oauth/authorize'),
      }),
    ];

    const report = await scanForLeaks(entries);

    expect(report.tolerated.map(({ where }) => where.split(' (')[0]).sort()).toEqual([
      'profile file Default/Cache/Cache_Data/0123_0',
      'profile file Default/Cache/Cache_Data/89ab_0',
    ]);
    expect(report.leaks.map(({ where }) => where.split(' (')[0]).sort()).toEqual([
      'profile file Default/Cache/Cache_Data/4567_0',
      'profile file Default/History',
    ]);
  });
});
