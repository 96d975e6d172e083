import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import messages from '@/public/_locales/en/messages.json';
import { AppError, ERROR_CODES, errorText } from './errors';

const LocaleFileSchema = z.record(z.string(), z.object({ message: z.string() }));

describe('the error texts in the locale file', () => {
  it('should give every error code a message and a fix, and hold no text for unknown codes', () => {
    const file = LocaleFileSchema.parse(messages);
    const expected = ERROR_CODES.flatMap((code) => [`error_${code}`, `hint_${code}`]).sort();

    const errorTexts = Object.keys(file).filter((name) => /^(error|hint)_/.test(name));
    expect(errorTexts.sort()).toEqual(expected);
    for (const name of expected) expect(file[name]?.message.trim()).not.toBe('');
  });

  it('should word an error from its code unless the situation says more', () => {
    expect(errorText('vault_locked')).toEqual({
      message: 'Your tokens are locked.',
      hint: 'Unlock them with your passphrase.',
    });
    expect(new AppError('vault_locked').toPayload()).toMatchObject({
      code: 'vault_locked',
      message: 'Your tokens are locked.',
    });
    expect(new AppError('token_invalid', { message: 'Not a token.' }).message).toBe('Not a token.');
  });
});
