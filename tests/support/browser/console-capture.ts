/**
 * Captures the console of every context of a browser: pages and service workers through
 * Playwright, and, through a browser-level CDP session, what Playwright does not attach to (the
 * extension's offscreen document is a `background_page` target) plus the browser's own log entries
 * of the service worker (failed requests, runtime errors). Each line goes to the leak journal.
 */
import type { BrowserContext, CDPSession, ConsoleMessage } from 'playwright-core';
import * as z from 'zod/mini';
import { writeJournal } from './leak-journal';

/** What a capture has seen, and how to end it. */
export interface ConsoleCapture {
  /** Lines captured so far. */
  readonly lineCount: () => number;
  /** Waits for console arguments still being read; call before the browser closes. */
  flush(): Promise<void>;
}

/** The parts of a CDP message from an attached target that the capture reads. */
const TargetMessageSchema = z.object({
  method: z.optional(z.string()),
  params: z.optional(
    z.object({
      args: z.optional(
        z.array(
          z.object({
            value: z.optional(z.unknown()),
            description: z.optional(z.string()),
            unserializableValue: z.optional(z.string()),
          }),
        ),
      ),
      exceptionDetails: z.optional(
        z.object({
          text: z.string(),
          exception: z.optional(z.object({ description: z.optional(z.string()) })),
        }),
      ),
      entry: z.optional(z.object({ text: z.string(), url: z.optional(z.string()) })),
    }),
  ),
});

/** Page-like targets Playwright covers itself; every other target of the extension is attached. */
const PLAYWRIGHT_TARGETS = new Set(['page']);

/**
 * Starts capturing every console of `context`; `extensionOrigin` (`chrome-extension://<id>`)
 * selects the targets attached through CDP.
 */
export async function captureConsoles(
  context: BrowserContext,
  extensionOrigin: string,
): Promise<ConsoleCapture> {
  let lines = 0;
  const pending = new Set<Promise<void>>();
  const record = (where: string, text: string) => {
    lines += 1;
    writeJournal({ type: 'console', context: where, text });
  };

  context.on('console', (message) => {
    const where = describeSource(message);
    record(where, `[${message.type()}] ${message.text()}`);
    // text() abbreviates objects and long strings; the arguments' values are read in full.
    const full = fullArguments(message).then(
      (text) => {
        if (text !== undefined) record(where, text);
      },
      () => undefined,
    );
    pending.add(full);
    void full.finally(() => pending.delete(full));
  });
  context.on('weberror', (error) => {
    const page = error.page();
    record(`page error ${page?.url() ?? 'unknown'}`, describeError(error.error()));
  });

  const browser = context.browser();
  if (browser !== null) {
    const session = await browser.newBrowserCDPSession();
    await attachToExtensionTargets(session, extensionOrigin, record);
  }

  return {
    lineCount: () => lines,
    async flush() {
      await Promise.all([...pending]);
    },
  };
}

function describeSource(message: ConsoleMessage): string {
  const worker = message.worker();
  if (worker) return `service worker ${worker.url()}`;
  return `page ${message.page()?.url() ?? 'unknown'}`;
}

function describeError(error: Error): string {
  return `${error.name}: ${error.message}\n${error.stack ?? ''}`;
}

/** Every argument's full value, when one is more than `text()` shows; undefined otherwise. */
async function fullArguments(message: ConsoleMessage): Promise<string | undefined> {
  // A message of the browser's own (a failed load) has no arguments.
  if (message.args().length === 0) return undefined;
  const values = await Promise.all(
    message.args().map((handle) => handle.jsonValue().catch(() => undefined)),
  );
  const text = values
    .map((value) => (typeof value === 'string' ? value : JSON.stringify(value)))
    .join(' ');
  return text === message.text() ? undefined : `[arguments] ${text}`;
}

/**
 * Attaches (unflattened, so that Playwright's own sessions are untouched) to each target of the
 * extension that Playwright ignores, and records its console API calls, exceptions and log
 * entries. Service workers are attached too, for the exceptions and browser log entries that
 * Playwright does not report; their console API calls come through Playwright. A worker that
 * stops and starts again is attached again.
 */
async function attachToExtensionTargets(
  session: CDPSession,
  extensionOrigin: string,
  record: (where: string, text: string) => void,
): Promise<void> {
  const attached = new Map<string, { where: string; type: string }>();
  const attaching = new Set<string>();
  const sessionTargets = new Map<string, string>();

  const attach = async (targetId: string, type: string, url: string) => {
    if (attaching.has(targetId) || attached.has(targetId)) return;
    attaching.add(targetId);
    try {
      const { sessionId } = await session.send('Target.attachToTarget', {
        targetId,
        flatten: false,
      });
      attached.set(targetId, { where: `${type.replace('_', ' ')} ${url}`, type });
      sessionTargets.set(sessionId, targetId);
      for (const [id, method] of [
        [1, 'Runtime.enable'],
        [2, 'Log.enable'],
      ] as const) {
        await session.send('Target.sendMessageToTarget', {
          sessionId,
          message: JSON.stringify({ id, method }),
        });
      }
    } catch {
      // The target went away before it could be attached: it has nothing left to say.
    } finally {
      attaching.delete(targetId);
    }
  };

  const consider = (info: { targetId: string; type: string; url: string }) => {
    if (!info.url.startsWith(extensionOrigin) || PLAYWRIGHT_TARGETS.has(info.type)) return;
    void attach(info.targetId, info.type, info.url);
  };
  session.on('Target.targetCreated', ({ targetInfo }) => consider(targetInfo));
  session.on('Target.targetInfoChanged', ({ targetInfo }) => consider(targetInfo));
  session.on('Target.detachedFromTarget', ({ sessionId }) => {
    const targetId = sessionId === undefined ? undefined : sessionTargets.get(sessionId);
    if (targetId !== undefined) attached.delete(targetId);
  });
  session.on('Target.receivedMessageFromTarget', ({ sessionId, message }) => {
    const targetId = sessionTargets.get(sessionId);
    const target = targetId === undefined ? undefined : attached.get(targetId);
    const parsed = TargetMessageSchema.safeParse(JSON.parse(message));
    if (!target || !parsed.success) return;
    const text = describeTargetMessage(parsed.data, target.type);
    if (text !== undefined) record(target.where, text);
  });
  await session.send('Target.setDiscoverTargets', { discover: true });
}

function describeTargetMessage(
  message: z.infer<typeof TargetMessageSchema>,
  targetType: string,
): string | undefined {
  const { method, params } = message;
  if (method === 'Runtime.consoleAPICalled' && targetType !== 'service_worker') {
    const args = (params?.args ?? []).map((arg) =>
      typeof arg.value === 'string'
        ? arg.value
        : (arg.unserializableValue ?? arg.description ?? JSON.stringify(arg.value)),
    );
    return `[console] ${args.join(' ')}`;
  }
  if (method === 'Runtime.exceptionThrown' && params?.exceptionDetails) {
    const { text, exception } = params.exceptionDetails;
    return `[exception] ${text} ${exception?.description ?? ''}`;
  }
  if (method === 'Log.entryAdded' && params?.entry) {
    return `[log] ${params.entry.text} ${params.entry.url ?? ''}`;
  }
  return undefined;
}
