/**
 * Gzipped size (level 9) of what each part of the built extension loads, against its budget.
 * Files are compressed one by one, as the browser fetches them.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import * as z from 'zod/mini';
import { filesLoadedBy } from './bundle-files';

/** Hard budgets, gzipped bytes: the popup must open fast, and the worker starts on every event. */
export const BUDGETS = { popup: 15 * 1024, background: 30 * 1024 } as const;

/** What one part of the extension loads. */
export interface BundleSize {
  readonly name: 'popup' | 'background' | 'options';
  /** JS and CSS files, relative to the extension folder. */
  readonly files: readonly string[];
  readonly rawBytes: number;
  readonly gzipBytes: number;
  /** Absent for parts measured for information only. */
  readonly budgetBytes?: number;
}

const ManifestSchema = z.object({
  action: z.object({ default_popup: z.string() }),
  options_ui: z.object({ page: z.string() }),
  background: z.object({ service_worker: z.string() }),
});

/** Measures the popup, the background worker and the options page of an unpacked build. */
export async function measureBundles(extensionDir: string): Promise<BundleSize[]> {
  const manifest = ManifestSchema.parse(
    JSON.parse(await readFile(join(extensionDir, 'manifest.json'), 'utf8')),
  );
  return [
    await measure(extensionDir, 'popup', manifest.action.default_popup, BUDGETS.popup),
    await measure(
      extensionDir,
      'background',
      manifest.background.service_worker,
      BUDGETS.background,
    ),
    await measure(extensionDir, 'options', manifest.options_ui.page),
  ];
}

/** True when the part has a budget and goes over it. */
export function isOverBudget(size: BundleSize): boolean {
  return size.budgetBytes !== undefined && size.gzipBytes > size.budgetBytes;
}

async function measure(
  extensionDir: string,
  name: BundleSize['name'],
  entry: string,
  budgetBytes?: number,
): Promise<BundleSize> {
  // The HTML document itself is not part of the JS+CSS budget.
  const files = (await filesLoadedBy(extensionDir, entry)).filter(
    (file) => !file.endsWith('.html'),
  );
  let rawBytes = 0;
  let gzipBytes = 0;
  for (const file of files) {
    const bytes = await readFile(join(extensionDir, file));
    rawBytes += bytes.length;
    gzipBytes += gzipSync(bytes, { level: 9 }).length;
  }
  return {
    name,
    files,
    rawBytes,
    gzipBytes,
    ...(budgetBytes === undefined ? {} : { budgetBytes }),
  };
}
