/**
 * Which built files a page or a script loads before it can run: the page's `<script src>`,
 * `<link rel=modulepreload>` and `<link rel=stylesheet>`, plus every static
 * `import … from "./x.js"` of those scripts, transitively. Dynamic `import()` is lazy, so it is
 * not counted.
 */
import { readFile } from 'node:fs/promises';
import { join, posix } from 'node:path';

const TAG = /<(script|link)\b([^>]*)>/gi;
const ATTRIBUTE = /([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
/** `import x from "…"`, `import"…"` and `export … from "…"`; `import("…")` has a parenthesis. */
const STATIC_IMPORT =
  /(?:^|[^.\w$])(?:import|export)\s*(?:[\w$*{}\s,]*?from\s*)?(["'`])([^"'`]+)\1/g;

/** The URLs a page loads up front, in document order. */
export function pageReferences(html: string): string[] {
  const references: string[] = [];
  for (const [, tag = '', attributeText = ''] of html.matchAll(TAG)) {
    const attributes = new Map<string, string>();
    for (const [, name = '', doubleQuoted, singleQuoted] of attributeText.matchAll(ATTRIBUTE)) {
      attributes.set(name.toLowerCase(), doubleQuoted ?? singleQuoted ?? '');
    }
    const rel = attributes.get('rel')?.toLowerCase();
    const url =
      tag.toLowerCase() === 'script'
        ? attributes.get('src')
        : rel === 'modulepreload' || rel === 'stylesheet'
          ? attributes.get('href')
          : undefined;
    if (url !== undefined && url !== '') references.push(url);
  }
  return references;
}

/** The specifiers a module imports statically. */
export function staticImports(code: string): string[] {
  return [...code.matchAll(STATIC_IMPORT)].map(([, , specifier = '']) => specifier);
}

/**
 * Resolves `reference` made by the file at `from` (both relative to the extension root) to a path
 * in the extension, or undefined for anything outside it (bare packages, other schemes).
 */
export function resolveReference(from: string, reference: string): string | undefined {
  const path = reference.split(/[?#]/)[0] ?? '';
  if (path.startsWith('/')) return posix.normalize(path.slice(1));
  if (path.startsWith('./') || path.startsWith('../')) {
    return posix.normalize(posix.join(posix.dirname(from), path));
  }
  return undefined;
}

/** Every file (relative to `extensionDir`) that `entry`, an HTML page or a script, pulls in. */
export async function filesLoadedBy(extensionDir: string, entry: string): Promise<string[]> {
  const seen = new Set<string>([entry]);
  const queue = [entry];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    const text = await readFile(join(extensionDir, file), 'utf8');
    const references = file.endsWith('.html')
      ? pageReferences(text)
      : file.endsWith('.js')
        ? staticImports(text)
        : [];
    for (const reference of references) {
      const resolved = resolveReference(file, reference);
      if (resolved !== undefined && !seen.has(resolved)) {
        seen.add(resolved);
        queue.push(resolved);
      }
    }
  }
  return [...seen];
}
