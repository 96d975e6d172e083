import { describe, expect, it } from 'vitest';
import {
  CodeExchangeResponseSchema,
  LongLivedTokenResponseSchema,
  parseJsonKeepingIds,
} from './instagram-responses';

describe('parseJsonKeepingIds', () => {
  it('should keep every digit of a user_id above 2^53', () => {
    const actual = parseJsonKeepingIds('{"access_token":"IGAA1","user_id": 27640875392278831}');

    expect(actual).toEqual({ access_token: 'IGAA1', user_id: '27640875392278831' });
  });

  it('should leave ids inside string values alone', () => {
    const text = '{"message":"bad \\"user_id\\": 1","n":5}';

    expect(parseJsonKeepingIds(text)).toEqual(JSON.parse(text));
  });
});

describe('CodeExchangeResponseSchema', () => {
  it.each([
    [
      'wrapped',
      '{"data":[{"access_token":"IGAAx","user_id":"1020","permissions":"instagram_business_basic,instagram_business_manage_comments"}]}',
      ['instagram_business_basic', 'instagram_business_manage_comments'],
    ],
    [
      'flat',
      '{"access_token":"IGAAx","user_id":1020,"permissions":["instagram_business_basic"]}',
      ['instagram_business_basic'],
    ],
    ['legacy', '{"access_token":"IGAAx","user_id":1020}', []],
  ])('should normalise the %s shape', (_shape, text, permissions) => {
    const actual = CodeExchangeResponseSchema.parse(parseJsonKeepingIds(text));

    expect(actual).toEqual({ access_token: 'IGAAx', user_id: '1020', permissions });
  });

  it('should reject a body without a token', () => {
    expect(CodeExchangeResponseSchema.safeParse({ user_id: '1' }).success).toBe(false);
  });

  it('should reject a wrapped body whose data list is empty', () => {
    expect(CodeExchangeResponseSchema.safeParse({ data: [] }).success).toBe(false);
  });
});

describe('LongLivedTokenResponseSchema', () => {
  it('should default token_type and coerce expires_in', () => {
    const actual = LongLivedTokenResponseSchema.parse({
      access_token: 'IGAAx',
      expires_in: '5184000',
    });

    expect(actual).toEqual({ access_token: 'IGAAx', token_type: 'bearer', expires_in: 5184000 });
  });
});
