import { describe, expect, it } from 'vitest';
import { BRIDGE_ERROR_CODES, type BridgeErrorCode } from '../shared/bridge-protocol';
import { BridgeRefusedError, BridgeUnreachableError, CliFailure, UsageError } from './cli-errors';
import { BRIDGE_ERROR_EXIT_CODES, describeFailure, formatFailureLine } from './exit-codes';
import { HooksFileError } from './hooks-store';

const EXPECTED: Record<BridgeErrorCode, number> = {
  cli_disabled: 5,
  cli_not_allowed: 5,
  vault_locked: 4,
  token_expired: 6,
  token_revoked: 6,
  account_not_found: 7,
  account_ambiguous: 7,
  bridge_failed: 1,
};

describe('describeFailure', () => {
  it.each(BRIDGE_ERROR_CODES.map((code) => [code, EXPECTED[code]] as const))(
    'should exit %s with %i',
    (code, exitCode) => {
      const error = new BridgeRefusedError({ code, message: 'What happened.', hint: 'The fix.' });

      expect(describeFailure(error)).toEqual({ exitCode, line: 'What happened. The fix.' });
      expect(BRIDGE_ERROR_EXIT_CODES[code]).toBe(exitCode);
    },
  );

  it.each([
    ['vault_locked', /Unlock/],
    ['cli_disabled', /Settings → Command-line access/],
    ['cli_not_allowed', /Allow this account/],
    ['token_expired', /Reconnect the account/],
    ['token_revoked', /Reconnect the account/],
    ['account_not_found', /igtt list/],
    ['account_ambiguous', /igtt list/],
  ] as const)('should give its own fix for %s when the reply has no hint', (code, fix) => {
    const error = new BridgeRefusedError({ code, message: 'Refused.', hint: '' });

    expect(describeFailure(error).line).toMatch(fix);
  });

  it('should exit 3 for an unreachable bridge, saying how to start it', () => {
    const error = new BridgeUnreachableError('/run/s', 'no socket at /run/s');

    expect(describeFailure(error)).toEqual({
      exitCode: 3,
      line: 'The igtt bridge is not reachable (no socket at /run/s). Start the browser, and turn on Settings → Command-line access (then run `igtt install` once).',
    });
  });

  it('should exit 2 for usage errors, pointing at the command help', () => {
    expect(describeFailure(new UsageError('Unknown option.', 'token'))).toEqual({
      exitCode: 2,
      line: 'Unknown option. See `igtt token --help`.',
    });
  });

  it('should exit 1 for other failures, keeping their message', () => {
    expect(describeFailure(new CliFailure('Broken reply.')).exitCode).toBe(1);
    expect(describeFailure(new HooksFileError('/h.json is not valid JSON.'))).toEqual({
      exitCode: 1,
      line: '/h.json is not valid JSON.',
    });
    expect(describeFailure(new Error('boom')).exitCode).toBe(1);
  });

  it('should print one line, even when a message holds line breaks', () => {
    const error = new BridgeRefusedError({
      code: 'bridge_failed',
      message: 'Line one.\nLine two.',
      hint: 'Fix.',
    });

    expect(formatFailureLine(describeFailure(error))).toBe('igtt: Line one. Line two. Fix.\n');
  });
});
