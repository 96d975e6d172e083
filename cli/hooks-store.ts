/**
 * The user's hooks: commands the host runs with each new token on stdin. They live in
 * `$XDG_CONFIG_HOME/igtt/hooks.json` (0600, in a 0700 folder). The CLI edits the file directly,
 * with no browser running; the host re-reads it each time it needs it. Writes go to a temporary
 * file in the same folder first and are renamed over the old one, so a reader never sees half a
 * file.
 */
import { randomBytes } from 'node:crypto';
import { lstat, open, readFile, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import * as z from 'zod/mini';
import { AccountSelectorSchema, StampSchema } from '../shared/bridge-protocol';
import { errnoCode } from './errno-code';
import { ensurePrivateFolder } from './private-folder';
import { configHome, currentUserDirs, type UserDirs } from './user-dirs';

const AccountIdSchema = z.string().check(z.regex(/^\d{1,40}$/));

/** One hook as stored. */
export const HookSchema = z.strictObject({
  id: z.number().check(z.int(), z.positive()),
  /** `@username` or an id; absent means every account. */
  account: z.optional(AccountSelectorSchema),
  command: z.array(z.string()).check(z.minLength(1)),
  /** The stamp of the last token each account's hook run got, by account id. */
  delivered: z.record(AccountIdSchema, StampSchema),
});
/** One hook. */
export type Hook = z.infer<typeof HookSchema>;

/** The whole file. `nextId` only grows, so a removed hook's number is never given again. */
export const HooksFileSchema = z
  .strictObject({
    version: z.literal(1),
    nextId: z.number().check(z.int(), z.positive()),
    hooks: z.array(HookSchema),
  })
  .check(
    z.refine((file) => file.hooks.every((hook) => hook.id < file.nextId), {
      message: 'every hook id must be below nextId',
    }),
  );
/** The whole hooks file. */
export type HooksFile = z.infer<typeof HooksFileSchema>;

/** The file before any hook was added. */
export const EMPTY_HOOKS_FILE: HooksFile = { version: 1, nextId: 1, hooks: [] };

/** A hooks file that cannot be read or trusted; the message names the file and the fix. */
export class HooksFileError extends Error {
  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'HooksFileError';
  }
}

/** `$XDG_CONFIG_HOME/igtt/hooks.json`, else `~/.config/igtt/hooks.json`. */
export function hooksFilePath(dirs: UserDirs = currentUserDirs()): string {
  return join(configHome(dirs), 'igtt', 'hooks.json');
}

/**
 * Reads and validates the file; a missing file is the empty list.
 * @throws {HooksFileError} when it is not valid JSON, not in the expected shape, or others could
 * have written it (its commands run with the user's tokens). Never treats a broken file as empty.
 */
export async function readHooksFile(path: string): Promise<HooksFile> {
  let text: string;
  try {
    await checkFileIsPrivate(path);
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return EMPTY_HOOKS_FILE;
    if (error instanceof HooksFileError) throw error;
    throw new HooksFileError(`Cannot read ${path}: ${errnoCode(error) ?? String(error)}.`, {
      cause: error,
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new HooksFileError(`${path} is not valid JSON. Fix it by hand, or remove it.`, {
      cause: error,
    });
  }
  const parsed = HooksFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where =
      issue === undefined || issue.path.length === 0 ? '' : ` at ${issue.path.join('.')}`;
    throw new HooksFileError(
      `${path} is not a valid igtt hooks file${where}: ${issue?.message ?? 'unexpected shape'}. Fix it by hand, or remove it.`,
      { cause: parsed.error },
    );
  }
  return parsed.data;
}

async function checkFileIsPrivate(path: string): Promise<void> {
  const info = await lstat(path);
  if (!info.isFile()) throw new HooksFileError(`${path} is not a regular file; remove it.`);
  const uid = process.getuid?.();
  if ((uid !== undefined && info.uid !== uid) || (info.mode & 0o022) !== 0) {
    throw new HooksFileError(
      `${path} can be changed by other users, and its commands get your tokens; run \`chmod 600 ${path}\` after checking it.`,
    );
  }
}

/** Validates `file`, then replaces the file at `path` with it atomically (0600, folder 0700). */
export async function writeHooksFile(path: string, file: HooksFile): Promise<void> {
  const checked = HooksFileSchema.parse(file);
  const folder = dirname(path);
  await ensurePrivateFolder(folder);
  const temporary = join(folder, `.hooks.json.${process.pid}.${randomBytes(4).toString('hex')}`);
  try {
    // 'wx' refuses an existing file, so nothing planted at the temporary name is written through.
    const handle = await open(temporary, 'wx', 0o600);
    try {
      await handle.writeFile(`${JSON.stringify(checked, null, 2)}\n`, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/** Reads the file, lets `change` compute the next content, and writes it back. */
export async function updateHooksFile(
  path: string,
  change: (file: HooksFile) => HooksFile,
): Promise<HooksFile> {
  // Read-modify-write without a lock: the CLI and the host each hold the file for a few
  // milliseconds, far apart in practice (a user typing a command, a token refreshing).
  const next = change(await readHooksFile(path));
  await writeHooksFile(path, next);
  return next;
}

/** What `igtt hook add` stores. */
export interface NewHook {
  readonly account?: string;
  readonly command: readonly string[];
}

/** Adds a hook with the next unused id and returns it. */
export async function addHook(path: string, hook: NewHook): Promise<Hook> {
  let added: Hook | undefined;
  await updateHooksFile(path, (file) => {
    added = {
      id: file.nextId,
      ...(hook.account === undefined ? {} : { account: hook.account }),
      command: [...hook.command],
      delivered: {},
    };
    return { ...file, nextId: file.nextId + 1, hooks: [...file.hooks, added] };
  });
  if (added === undefined) throw new Error('addHook: the update did not run.');
  return added;
}

/**
 * Removes hook `id` and returns it, or undefined when there is none (the file is then unchanged).
 */
export async function removeHook(path: string, id: number): Promise<Hook | undefined> {
  const file = await readHooksFile(path);
  const removed = file.hooks.find((hook) => hook.id === id);
  if (removed === undefined) return undefined;
  await updateHooksFile(path, (current) => ({
    ...current,
    hooks: current.hooks.filter((hook) => hook.id !== id),
  }));
  return removed;
}

/** Records that hooks `ids` got the token with `stamp` for account `accountId`. */
export async function recordDelivery(
  path: string,
  ids: readonly number[],
  accountId: string,
  stamp: string,
): Promise<void> {
  await updateHooksFile(path, (file) => ({
    ...file,
    hooks: file.hooks.map((hook) =>
      ids.includes(hook.id)
        ? { ...hook, delivered: { ...hook.delivered, [accountId]: stamp } }
        : hook,
    ),
  }));
}
