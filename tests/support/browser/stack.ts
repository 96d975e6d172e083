/**
 * The sandbox and the real proxy on free loopback ports, as the browser tests use them, with the
 * proxy's request log captured so that a test can tell whether the extension called it.
 */
import { createSandboxControl, type SandboxControl } from '../../../sandbox/control-client';
import { startDemoStack, type DemoStack } from '../../../scripts/demo-stack';

/** A running stack plus what the tests read from it. */
export interface TestStack {
  stack: DemoStack;
  control: SandboxControl;
  sandboxUrl: string;
  proxyUrl: string;
  /** Every proxy log line so far, one JSON object per request. */
  proxyLog: string[];
  /** How many requests reached `path` on the proxy. */
  proxyCalls(path: string): number;
}

/** Starts a sandbox and a proxy on free ports. */
export async function startTestStack(): Promise<TestStack> {
  const proxyLog: string[] = [];
  const stack = await startDemoStack({
    sandboxPort: 0,
    proxyEnv: { PROXY_PORT: '0' },
    proxyOptions: { log: (line) => proxyLog.push(line) },
  });
  return {
    stack,
    control: createSandboxControl(stack.sandbox.url),
    sandboxUrl: stack.sandbox.url,
    proxyUrl: stack.proxy.url,
    proxyLog,
    proxyCalls: (path) => proxyLog.filter((line) => line.includes(`"path":"${path}"`)).length,
  };
}
