/** One HTTP request of the soak over `node:http`, with a deadline, through an agent it can close. */
import { request as httpRequest, type Agent } from 'node:http';

/** What came back; `status` is null when there was no answer (`error` says why). */
export interface SoakResponse {
  readonly status: number | null;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: string;
  readonly ms: number;
  readonly error?: string;
}

/** One request. */
export interface SoakRequest {
  readonly method: 'GET' | 'POST';
  readonly url: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
  /** Longest wait for the whole answer; past it the request counts as a hang. */
  readonly timeoutMs: number;
}

/** Sends `request` through `agent` and resolves with what came back; it never rejects. */
export function send(agent: Agent, request: SoakRequest): Promise<SoakResponse> {
  const started = performance.now();
  const elapsed = () => performance.now() - started;
  return new Promise((resolve) => {
    const outgoing = httpRequest(request.url, {
      method: request.method,
      agent,
      headers: {
        ...request.headers,
        ...(request.body === undefined
          ? {}
          : { 'Content-Length': String(Buffer.byteLength(request.body)) }),
      },
    });
    const timer = setTimeout(() => {
      resolve({ status: null, headers: {}, body: '', ms: elapsed(), error: 'timeout' });
      outgoing.destroy();
    }, request.timeoutMs);
    outgoing.on('response', (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('end', () => {
        clearTimeout(timer);
        resolve({
          status: incoming.statusCode ?? null,
          headers: incoming.headers,
          body: Buffer.concat(chunks).toString('utf8'),
          ms: elapsed(),
        });
      });
      incoming.on('error', (error) => {
        clearTimeout(timer);
        resolve({ status: null, headers: {}, body: '', ms: elapsed(), error: error.message });
      });
    });
    outgoing.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      resolve({
        status: null,
        headers: {},
        body: '',
        ms: elapsed(),
        error: error.code ?? error.message,
      });
    });
    outgoing.end(request.body);
  });
}
