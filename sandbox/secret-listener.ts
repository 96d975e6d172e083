/**
 * A hook that hears every secret a sandbox in this process hands out or is shown, so that tests
 * can look for each one wherever it must not be (logs, consoles, a browser profile on disk). With
 * no listener, reporting does nothing.
 */

/** The secrets the sandbox knows: codes and tokens it issues, PKCE verifiers it is sent. */
export const SANDBOX_SECRET_KINDS = [
  'authorization_code',
  'access_token',
  'code_verifier',
] as const;
/** One of {@link SANDBOX_SECRET_KINDS}. */
export type SandboxSecretKind = (typeof SANDBOX_SECRET_KINDS)[number];

/** Called once per secret, synchronously, before the secret leaves the sandbox. */
export type SecretListener = (kind: SandboxSecretKind, value: string) => void;

// Process-wide, so that a test hears the sandbox of a stack it did not build itself (the demo's).
const listeners = new Set<SecretListener>();

/** Makes `listener` hear the secrets of every sandbox in this process until the returned stop. */
export function listenForSecrets(listener: SecretListener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** Tells every listener about a secret the sandbox is handing out or was shown. */
export function reportSecret(kind: SandboxSecretKind, value: string): void {
  for (const listener of listeners) listener(kind, value);
}
