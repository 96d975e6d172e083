/** Measures every part of a built extension and finds the libraries pages must not load. */
import { measureBundles } from './bundle-size';
import { findLibraries } from './find-libraries';
import type { PartReport } from './judge-bundles';

/** Gzip sizes per part (popup, background, options) and the forbidden libraries each loads. */
export async function inspectBuild(extensionDir: string): Promise<PartReport[]> {
  const parts: PartReport[] = [];
  for (const size of await measureBundles(extensionDir)) {
    parts.push({ size, libraries: await findLibraries(extensionDir, size.files) });
  }
  return parts;
}
