/**
 * The Instagram sandbox as a Hono app: Instagram's OAuth and Graph token endpoints on one origin,
 * Facebook Login's dialog and Graph endpoints under `/facebook/` (so the two never collide), plus
 * the control API under `/__control/`. Pure and in-memory; `server.ts` makes it listen.
 */
import { Hono } from 'hono';
import { except } from 'hono/combine';
import { cors } from 'hono/cors';
import { HTTPException } from 'hono/http-exception';
import { appUsage } from './app-usage';
import { authorizeRoutes } from './authorize-routes';
import { avatarRoute } from './avatar-route';
import { codeExchangeRoute } from './code-exchange-route';
import { controlRoutes } from './control-routes';
import { facebookDebugRoute } from './facebook-debug-route';
import { facebookDialogRoutes } from './facebook-dialog-routes';
import { facebookGraphRoutes } from './facebook-graph-routes';
import { facebookTokenRoutes } from './facebook-token-routes';
import { meRoutes } from './me-routes';
import type { SandboxOptions } from './sandbox-config';
import { createSandboxState, type SandboxState } from './sandbox-state';
import { tokenRoutes } from './token-routes';

/** Prefix of the control API. */
export const CONTROL_PREFIX = '/__control';

/** CORS of the Instagram endpoints, as open as graph.instagram.com's. */
const instagramCors = cors({
  origin: '*',
  allowMethods: ['GET', 'POST', 'OPTIONS'],
  allowHeaders: ['Authorization', 'Content-Type'],
  exposeHeaders: ['X-App-Usage', 'X-Business-Use-Case-Usage', 'Retry-After'],
  maxAge: 600,
});

/** Creates a sandbox with fresh in-memory state; nothing listens until `startSandbox`. */
export function createSandbox(options: SandboxOptions = {}) {
  const state: SandboxState = createSandboxState(options);
  const app = new Hono()
    .use('*', except(`${CONTROL_PREFIX}/*`, instagramCors))
    .use('*', appUsage(state))
    .route('/', authorizeRoutes(state))
    .route('/', codeExchangeRoute(state))
    .route('/', tokenRoutes(state))
    .route('/', meRoutes(state))
    .route('/', avatarRoute())
    .route('/', facebookDialogRoutes(state))
    .route('/', facebookTokenRoutes(state))
    .route('/', facebookDebugRoute(state))
    .route('/', facebookGraphRoutes(state))
    .route(CONTROL_PREFIX, controlRoutes(state))
    .onError((error, c) => {
      if (error instanceof HTTPException) return error.getResponse();
      return c.json({ error: { message: 'Sandbox internal error' } }, 500);
    });
  return { app, state };
}

/** A created sandbox: the app and its state. */
export type Sandbox = ReturnType<typeof createSandbox>;
