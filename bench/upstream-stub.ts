/**
 * Child process of the proxy benchmark: Instagram's two token endpoints answering at once with
 * valid bodies, so that the proxy and the bare forwarder are measured, not the upstream.
 * `POST /oauth/access_token` gives a short-lived token (the user id as a bare integer above 2^53,
 * as Instagram sends it); `GET /access_token` gives a 60-day token.
 */
import { createServer } from 'node:http';
import { announceListening, closeServer, listenOnLoopback } from './loopback-server';

const SHORT_LIVED_REPLY = `{"access_token":"IGAA${'s'.repeat(178)}ZD","user_id":27640875392278831,"permissions":["instagram_business_basic"]}`;
const LONG_LIVED_REPLY = JSON.stringify({
  access_token: `IGAA${'l'.repeat(178)}ZD`,
  token_type: 'bearer',
  expires_in: 5_183_944,
});

const server = createServer((request, response) => {
  // The body is read to the end so that the connection can be reused.
  request.resume();
  request.once('end', () => {
    const path = (request.url ?? '').split('?')[0];
    const body =
      request.method === 'POST' && path === '/oauth/access_token'
        ? SHORT_LIVED_REPLY
        : request.method === 'GET' && path === '/access_token'
          ? LONG_LIVED_REPLY
          : undefined;
    if (body === undefined) {
      response.writeHead(404, { 'Content-Type': 'application/json' }).end('{"error":{}}');
      return;
    }
    response
      .writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': body.length })
      .end(body);
  });
});
// Longer than undici's 4 s idle timeout, so the client always closes first.
server.keepAliveTimeout = 60_000;

announceListening(await listenOnLoopback(server), () => closeServer(server));
