import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BridgeReply, HostMessage } from '../../shared/bridge-protocol';
import { RequestForwarder } from './request-forwarder';

const ok = (data: unknown): BridgeReply => ({ ok: true, data });

describe('RequestForwarder', () => {
  afterEach(() => vi.useRealTimers());

  it('should send each request with a fresh id and hand each reply to its own asker', async () => {
    const sent: HostMessage[] = [];
    const forwarder = new RequestForwarder((message) => sent.push(message) > 0);

    const first = forwarder.forward({ type: 'token', account: '@a' });
    const second = forwarder.forward({ type: 'token', account: '@b' });
    const ids = sent.flatMap((message) => (message.kind === 'request' ? [message.id] : []));
    forwarder.settle(ids[1] ?? '', ok('for b'));
    forwarder.settle(ids[0] ?? '', ok('for a'));

    expect(new Set(ids).size).toBe(2);
    expect(await first).toEqual(ok('for a'));
    expect(await second).toEqual(ok('for b'));
    expect(forwarder.size).toBe(0);
  });

  it('should answer bridge_failed after the timeout, and ignore the late reply', async () => {
    vi.useFakeTimers();
    let id = '';
    const forwarder = new RequestForwarder((message) => {
      if (message.kind === 'request') id = message.id;
      return true;
    }, 10_000);

    const reply = forwarder.forward({ type: 'status' });
    await vi.advanceTimersByTimeAsync(10_000);

    expect(await reply).toEqual({
      ok: false,
      error: expect.objectContaining({
        code: 'bridge_failed',
        message: 'The extension did not answer within 10 s.',
      }),
    });
    expect(forwarder.settle(id, ok('late'))).toBe(false);
  });

  it('should answer at once when the port cannot send', async () => {
    const forwarder = new RequestForwarder(() => false);

    expect(await forwarder.forward({ type: 'list' })).toMatchObject({
      ok: false,
      error: { code: 'bridge_failed', message: 'The browser closed the bridge.' },
    });
  });

  it('should answer every waiting and later request once closed', async () => {
    const forwarder = new RequestForwarder(() => true);
    const closed: BridgeReply = {
      ok: false,
      error: { code: 'bridge_failed', message: 'Closed.', hint: '' },
    };

    const waiting = forwarder.forward({ type: 'list' });
    forwarder.close(closed);

    expect(await waiting).toEqual(closed);
    expect(await forwarder.forward({ type: 'status' })).toEqual(closed);
  });
});
