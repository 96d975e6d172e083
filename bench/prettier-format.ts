/**
 * Formats a generated file the way `prettier --check .` (part of `npm test`) expects it, so that
 * committing the bench's output never breaks the lint.
 */
import { format, resolveConfig } from 'prettier';

/** `text` formatted with the project's Prettier settings for a file at `filePath`. */
export async function formatLikeRepo(text: string, filePath: string): Promise<string> {
  const options = (await resolveConfig(filePath)) ?? {};
  return format(text, { ...options, filepath: filePath });
}
