import { describe, expect, it } from 'vitest';
import { TOKEN_FORMATS } from './token-formats';

const ACCOUNT = {
  username: 'sandbox.creator',
  id: '27640875392278831',
  expiresAt: Date.parse('2027-01-19T12:00:00Z'),
  scopes: ['instagram_business_basic'],
};

function render(label: string): string {
  const format = TOKEN_FORMATS.find((candidate) => candidate.label === label);
  if (!format) throw new Error(label);
  return format.render('IGAAtoken', ACCOUNT, 'https://graph.instagram.com/');
}

describe('TOKEN_FORMATS', () => {
  it('should build each format around the token', () => {
    expect(render('Copy token')).toBe('IGAAtoken');
    expect(render('Copy Authorization header')).toBe('Authorization: Bearer IGAAtoken');
    expect(render('Copy curl command')).toBe(
      "curl -H 'Authorization: Bearer IGAAtoken' 'https://graph.instagram.com/me?fields=user_id,username'",
    );
    expect(render('Copy .env line')).toBe('INSTAGRAM_ACCESS_TOKEN=IGAAtoken');
    expect(JSON.parse(render('Copy JSON'))).toEqual({
      username: 'sandbox.creator',
      user_id: '27640875392278831',
      expires_at: '2027-01-19T12:00:00.000Z',
      scopes: ['instagram_business_basic'],
      access_token: 'IGAAtoken',
    });
  });
});
