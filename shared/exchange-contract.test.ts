import { describe, expect, it } from 'vitest';
import { ExchangeResponseSchema } from './exchange-contract';

const REPLY = {
  access_token: 'IGAAx',
  token_type: 'bearer',
  expires_in: 5_183_944,
  user_id: '1020',
  permissions: ['instagram_business_basic'],
  issued_at: '2026-12-03T11:00:00.000Z',
  long_lived: true,
};

describe('ExchangeResponseSchema', () => {
  it.each(['2026-12-03T11:00:00.000Z', '2026-12-03T11:00:00Z'])(
    'should accept issued_at %s',
    (issuedAt) => {
      expect(ExchangeResponseSchema.safeParse({ ...REPLY, issued_at: issuedAt }).success).toBe(
        true,
      );
    },
  );

  it.each(['2026-12-03', 'yesterday', '2026-12-03T11:00:00+01:00', ''])(
    'should refuse issued_at %j',
    (issuedAt) => {
      expect(ExchangeResponseSchema.safeParse({ ...REPLY, issued_at: issuedAt }).success).toBe(
        false,
      );
    },
  );
});
