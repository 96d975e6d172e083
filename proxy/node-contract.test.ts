import { describeProxyContract } from '../tests/support/proxy-contract';
import { startProxyFor } from '../tests/support/sandbox-stack';

// The Node entry's server (`server.ts`) on a free loopback port; its rate limit is in memory.
describeProxyContract('Node', ({ sandboxUrl, rateLimitPerMinute }) =>
  startProxyFor(sandboxUrl, { PROXY_RATE_LIMIT: String(rateLimitPerMinute) }),
);
