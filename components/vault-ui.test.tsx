import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { RequestError } from '@/utils/page/send-request';
import type { VaultStatus } from '@/utils/vault/vault';
import { PassphraseLock } from './PassphraseLock';
import { PassphraseSetup } from './PassphraseSetup';
import { UnlockForm } from './UnlockForm';
import { VaultProblem } from './VaultProblem';

const WRONG = new RequestError({
  code: 'wrong_passphrase',
  message: 'That passphrase is not right.',
  hint: 'Check it and try again.',
});

function type(label: string, value: string) {
  fireEvent.input(screen.getByLabelText(label), { target: { value } });
}

describe('UnlockForm', () => {
  it('should send the passphrase typed by the user', async () => {
    const onUnlock = vi.fn(() => Promise.resolve());
    render(<UnlockForm onUnlock={onUnlock} />);

    type('Passphrase', 'correct horse');
    fireEvent.click(screen.getByRole('button', { name: 'Unlock' }));

    await waitFor(() => expect(onUnlock).toHaveBeenCalledWith('correct horse'));
  });

  it('should show why unlocking failed and clear the field', async () => {
    render(<UnlockForm onUnlock={() => Promise.reject(WRONG)} />);

    type('Passphrase', 'nope nope');
    fireEvent.click(screen.getByRole('button', { name: 'Unlock' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('That passphrase is not right.');
    expect(screen.getByLabelText('Passphrase')).toHaveValue('');
  });

  it('should not submit an empty passphrase', () => {
    render(<UnlockForm onUnlock={() => Promise.resolve()} />);

    expect(screen.getByRole('button', { name: 'Unlock' })).toBeDisabled();
  });
});

describe('VaultProblem', () => {
  const error = { code: 'vault_corrupt' as const, message: 'Cannot be decrypted.', hint: 'Reset.' };

  it('should explain the problem and reset only after confirmation', async () => {
    const onReset = vi.fn(() => Promise.resolve());
    render(<VaultProblem error={error} onReset={onReset} />);

    expect(screen.getByRole('alert')).toHaveTextContent('Cannot be decrypted.');
    fireEvent.click(screen.getByRole('button', { name: 'Reset vault' }));
    expect(onReset).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Delete everything and reset' }));

    await waitFor(() => expect(onReset).toHaveBeenCalledTimes(1));
  });

  it('should let the user back out of the reset', () => {
    render(<VaultProblem error={error} onReset={() => Promise.resolve()} />);

    fireEvent.click(screen.getByRole('button', { name: 'Reset vault' }));
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));

    expect(screen.getByRole('button', { name: 'Reset vault' })).toBeVisible();
  });
});

describe('passphrase settings', () => {
  const device: VaultStatus = {
    protection: 'device',
    locked: false,
    autoLockMinutes: 15,
    unlockRetryAfterMs: 0,
  };
  const actions = () => ({
    enable: vi.fn(() => Promise.resolve()),
    change: vi.fn(() => Promise.resolve()),
    remove: vi.fn(() => Promise.resolve()),
    lockNow: vi.fn(() => Promise.resolve()),
    setAutoLock: vi.fn(() => Promise.resolve()),
  });

  it('should turn the lock on when both passphrases match', async () => {
    const props = actions();
    render(<PassphraseSetup enable={props.enable} />);

    type('New passphrase', 'a long passphrase');
    type('Confirm passphrase', 'a long passphrase');
    fireEvent.click(screen.getByRole('button', { name: 'Turn on passphrase lock' }));

    await waitFor(() => expect(props.enable).toHaveBeenCalledWith('a long passphrase'));
    expect(await screen.findByRole('status')).toHaveTextContent('Passphrase lock is on.');
  });

  it('should refuse passphrases that differ, without calling the background', async () => {
    const props = actions();
    render(<PassphraseSetup enable={props.enable} />);

    type('New passphrase', 'a long passphrase');
    type('Confirm passphrase', 'another passphrase');
    fireEvent.click(screen.getByRole('button', { name: 'Turn on passphrase lock' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('The two new passphrases differ.');
    expect(props.enable).not.toHaveBeenCalled();
  });

  it('should change, turn off, lock now and set the auto-lock time when the lock is on', async () => {
    const props = actions();
    render(<PassphraseLock status={{ ...device, protection: 'passphrase' }} {...props} />);

    type('Current passphrase', 'old passphrase');
    type('New passphrase', 'new passphrase');
    type('Confirm passphrase', 'new passphrase');
    fireEvent.click(screen.getByRole('button', { name: 'Change passphrase' }));
    await waitFor(() =>
      expect(props.change).toHaveBeenCalledWith('old passphrase', 'new passphrase'),
    );

    type('Current passphrase', 'new passphrase');
    fireEvent.click(screen.getByRole('button', { name: 'Turn off passphrase lock' }));
    await waitFor(() => expect(props.remove).toHaveBeenCalledWith('new passphrase'));

    fireEvent.click(screen.getByRole('button', { name: 'Lock now' }));
    fireEvent.change(screen.getByLabelText('Lock after idle'), { target: { value: '60' } });
    await waitFor(() => expect(props.setAutoLock).toHaveBeenCalledWith(60));
    expect(props.lockNow).toHaveBeenCalledTimes(1);
  });
});
