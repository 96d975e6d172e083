/**
 * Child process of the proxy benchmark: the real proxy as `npm run proxy` starts it, configured
 * from the environment, its request log on stdout (which the parent discards).
 */
import { loadConfig } from '../proxy/config';
import { startProxy } from '../proxy/server';
import { announceListening } from './loopback-server';

const proxy = await startProxy(loadConfig(process.env));
announceListening(proxy.url, () => proxy.close());
