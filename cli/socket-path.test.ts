import { describe, expect, it } from 'vitest';
import { resolveSocketPath, SocketPathError } from './socket-path';

const home = '/home/ada';

describe('resolveSocketPath', () => {
  it('should use IGTT_SOCKET first', () => {
    const env = { IGTT_SOCKET: '/tmp/x/s.sock', XDG_RUNTIME_DIR: '/run/user/1000' };

    expect(resolveSocketPath({ env, home })).toBe('/tmp/x/s.sock');
  });

  it('should use $XDG_RUNTIME_DIR/igtt/bridge.sock next', () => {
    expect(resolveSocketPath({ env: { XDG_RUNTIME_DIR: '/run/user/1000' }, home })).toBe(
      '/run/user/1000/igtt/bridge.sock',
    );
  });

  it('should fall back to ~/.cache/igtt/bridge.sock, ignoring a relative XDG_RUNTIME_DIR', () => {
    expect(resolveSocketPath({ env: {}, home })).toBe('/home/ada/.cache/igtt/bridge.sock');
    expect(resolveSocketPath({ env: { XDG_RUNTIME_DIR: 'run' }, home })).toBe(
      '/home/ada/.cache/igtt/bridge.sock',
    );
  });

  it('should refuse a relative IGTT_SOCKET, since the host runs in another folder', () => {
    expect(() => resolveSocketPath({ env: { IGTT_SOCKET: 'bridge.sock' }, home })).toThrow(
      SocketPathError,
    );
  });

  it('should refuse a path too long for a Unix socket', () => {
    const env = { IGTT_SOCKET: `/tmp/${'d'.repeat(120)}/bridge.sock` };

    expect(() => resolveSocketPath({ env, home })).toThrow(/longer than 107 bytes/);
  });
});
