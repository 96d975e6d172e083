/**
 * The command-line bridge: the messages between the `igtt` CLI, its native messaging host and the
 * extension. The CLI sends one request over the host's Unix socket; the host forwards it over the
 * browser's native port and returns the extension's reply. The extension also tells the host when
 * a token changed, so that the host can run the user's hooks. All three sides validate every
 * message with these schemas; none imports the others' code.
 */
import * as z from 'zod/mini';

/** The native messaging host's registered name (`runtime.connectNative`). */
export const BRIDGE_HOST_NAME = 'dev.igtt.bridge';

/**
 * The largest frame either side accepts. Chrome drops the port on a host → extension message over
 * 1 MB; the same limit guards the host and the CLI against a runaway peer.
 */
export const MAX_FRAME_BYTES = 1024 * 1024;

/** `@username` or the numeric account id, as typed on the command line. */
export const AccountSelectorSchema = z
  .string()
  .check(z.regex(/^(@[\w.]{1,30}|\d{1,40})$/, 'Name the account as @username or its id.'));

/** What the CLI may ask for. (Plain unions here, as in utils/messages.ts: smaller.) */
export const CliRequestSchema = z.union([
  z.object({ type: z.literal('status') }),
  z.object({ type: z.literal('list') }),
  z.object({ type: z.literal('token'), account: z.optional(AccountSelectorSchema) }),
]);
/** A CLI request. */
export type CliRequest = z.infer<typeof CliRequestSchema>;

/** What the host may ask for: a CLI request, or the token that hooks are waiting for. */
export const BridgeRequestSchema = z.union([
  CliRequestSchema,
  z.object({ type: z.literal('deliver'), accountId: z.string().check(z.regex(/^\d{1,40}$/)) }),
]);
/** A request the extension answers. */
export type BridgeRequest = z.infer<typeof BridgeRequestSchema>;

/**
 * Why the extension refused a request. Each has its own exit code in the CLI, so a script can tell
 * "start the browser" from "unlock" from "reconnect".
 */
export const BRIDGE_ERROR_CODES = [
  'cli_disabled',
  'cli_not_allowed',
  'vault_locked',
  'token_expired',
  'token_revoked',
  'account_not_found',
  'account_ambiguous',
  'bridge_failed',
] as const;
/** One refusal code. */
export type BridgeErrorCode = (typeof BRIDGE_ERROR_CODES)[number];

/**
 * A refusal. The code says it all: the CLI owns the plain words for each one (cli/exit-codes.ts),
 * which keeps them out of the background's bundle. `message` and `hint`, when present, say more
 * than those words (a failure's reason, or the host's own fix).
 */
export const BridgeErrorSchema = z.object({
  code: z.enum(BRIDGE_ERROR_CODES),
  message: z.optional(z.string()),
  hint: z.optional(z.string()),
});
/** A refusal. */
export type BridgeError = z.infer<typeof BridgeErrorSchema>;

/** An account as the CLI shows it; `status` is the popup's status word (valid, expiring …). */
export const BridgeAccountSchema = z.object({
  id: z.string(),
  username: z.string(),
  status: z.string(),
  expiresAt: z.nullable(z.number()),
  scopes: z.array(z.string()),
  /** How the token was obtained (`facebook_login` tokens call the Graph API by account id). */
  tokenKind: z.optional(z.string()),
});
/** An account as the CLI shows it. */
export type BridgeAccount = z.infer<typeof BridgeAccountSchema>;

/** The data of each request's successful reply. */
export const BridgeDataSchemas = {
  status: z.object({ locked: z.boolean(), accounts: z.array(BridgeAccountSchema) }),
  list: z.object({ accounts: z.array(BridgeAccountSchema) }),
  token: z.object({ token: z.string(), account: BridgeAccountSchema, graphUrl: z.string() }),
  deliver: z.object({
    token: z.string(),
    account: BridgeAccountSchema,
    graphUrl: z.string(),
    stamp: z.string(),
  }),
} as const;
/** The data a request of type `K` answers with. */
export type BridgeData<K extends keyof typeof BridgeDataSchemas> = z.infer<
  (typeof BridgeDataSchemas)[K]
>;

/** A reply as it travels; its data is checked against the request's schema by the asker. */
export const BridgeReplySchema = z.union([
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({ ok: z.literal(false), error: BridgeErrorSchema }),
]);
/** A reply. */
export type BridgeReply = z.infer<typeof BridgeReplySchema>;

/** What one hook run came to; the command is named by its program only, never its arguments. */
export const HookResultSchema = z.object({
  hook: z.number().check(z.int(), z.positive()),
  program: z.string().check(z.maxLength(200)),
  exitCode: z.nullable(z.number()),
  ok: z.boolean(),
});
/** One hook run. */
export type HookResult = z.infer<typeof HookResultSchema>;

/**
 * When the token was issued or last refreshed, as a string: it tells "a new token" apart without
 * carrying anything of the token itself.
 */
export const StampSchema = z.string().check(z.regex(/^\d{1,16}$/));

/** Messages from the host to the extension. */
export const HostMessageSchema = z.union([
  z.object({
    kind: z.literal('request'),
    id: z.string().check(z.maxLength(64)),
    request: BridgeRequestSchema,
  }),
  z.object({
    kind: z.literal('hook-report'),
    accountId: z.string().check(z.regex(/^\d{1,40}$/)),
    stamp: StampSchema,
    results: z.array(HookResultSchema),
  }),
]);
/** A message from the host. */
export type HostMessage = z.infer<typeof HostMessageSchema>;

/** Messages from the extension to the host. */
export const ExtensionMessageSchema = z.union([
  z.object({ kind: z.literal('response'), id: z.string(), reply: BridgeReplySchema }),
  /**
   * The current token of every account the command line may read, by stamp only: sent when the
   * port opens and whenever a token changes. The host asks (`deliver`) for the ones its hooks
   * have not had yet, so each hook gets each token at most once.
   */
  z.object({
    kind: z.literal('token-stamps'),
    accounts: z.array(z.object({ id: z.string(), username: z.string(), stamp: StampSchema })),
  }),
]);
/** A message from the extension. */
export type ExtensionMessage = z.infer<typeof ExtensionMessageSchema>;
