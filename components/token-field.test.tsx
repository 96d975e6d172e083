import { act, fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { REVEAL_MS, TokenField } from './TokenField';

const TOKEN = 'IGAAsecretsecretsecret1234';

describe('TokenField', () => {
  it('should mask the token until "Show", then mask it again after 30 seconds', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    render(<TokenField preview="IGAAse…1234" readToken={() => Promise.resolve(TOKEN)} />);
    expect(screen.getByLabelText('Access token')).toHaveTextContent('IGAAse…1234');

    fireEvent.click(screen.getByRole('button', { name: 'Show' }));
    await act(() => Promise.resolve());
    expect(screen.getByLabelText('Access token')).toHaveTextContent(TOKEN);

    await act(() => {
      vi.advanceTimersByTime(REVEAL_MS - 1);
    });
    expect(screen.getByLabelText('Access token')).toHaveTextContent(TOKEN);
    await act(() => {
      vi.advanceTimersByTime(1);
    });
    expect(screen.getByLabelText('Access token')).toHaveTextContent('IGAAse…1234');
    expect(screen.getByRole('button', { name: 'Show' })).toBeVisible();
  });

  it('should show only dots while the preview is unavailable (locked)', () => {
    render(<TokenField preview={null} readToken={() => Promise.reject(new Error('locked'))} />);

    expect(screen.getByLabelText('Access token')).toHaveTextContent('••••••');
  });
});
