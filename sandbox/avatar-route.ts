/** `GET /avatars/<username>.svg`: the small picture behind `profile_picture_url`. */
import { Hono } from 'hono';
import { html } from 'hono/html';
import { SANDBOX_USERS } from './defaults';

const COLORS = ['#c13584', '#405de6'];

/** Route serving one generated SVG avatar per seeded user. */
export function avatarRoute() {
  return new Hono().get('/avatars/:file', async (c) => {
    const index = SANDBOX_USERS.findIndex((user) => `${user.username}.svg` === c.req.param('file'));
    const user = SANDBOX_USERS[index];
    if (!user) return c.notFound();
    const svg = await html`<svg
      xmlns="http://www.w3.org/2000/svg"
      width="150"
      height="150"
      viewBox="0 0 150 150"
    >
      <circle cx="75" cy="75" r="75" fill="${COLORS[index % COLORS.length]}" />
      <text x="75" y="92" font-family="sans-serif" font-size="52" fill="#fff" text-anchor="middle">
        ${user.username.replace('sandbox.', '').slice(0, 2).toUpperCase()}
      </text>
    </svg>`;
    return c.body(svg.toString(), 200, {
      'Content-Type': 'image/svg+xml',
      'Cache-Control': 'public, max-age=3600',
    });
  });
}
