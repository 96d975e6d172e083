import type { ErrorPayload } from '@/utils/errors';

/** An error as the user sees it: what happened, and what to do about it. */
export function ErrorNotice({ error }: { error: Pick<ErrorPayload, 'message' | 'hint'> }) {
  return (
    <div class="notice notice--error" role="alert">
      <p class="notice__message">{error.message}</p>
      <p class="notice__hint">{error.hint}</p>
    </div>
  );
}
