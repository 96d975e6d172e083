/** Loopback servers of the bench: listen on a free port, close for good, and report to a parent. */
import type { Server } from 'node:http';

/** Listens on a free loopback port and resolves to the server's base URL. */
export function listenOnLoopback(server: Server): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      if (address === null || typeof address === 'string') reject(new Error('No TCP address.'));
      else resolve(`http://127.0.0.1:${address.port}`);
    });
  });
}

/** Closes a server and the keep-alive connections that would otherwise hold it open. */
export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error === undefined ? resolve() : reject(error)));
    server.closeAllConnections();
  });
}

/** Sends `url` to the parent process and runs `close` on SIGTERM before exiting. */
export function announceListening(url: string, close: () => Promise<void>): void {
  process.once('SIGTERM', () => {
    close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
  process.send?.({ url });
}
