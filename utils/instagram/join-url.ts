/** Resolves `path` below `base`, keeping any path prefix of the base (a proxy behind `/igproxy/`). */
export function joinUrl(base: string, path: string): URL {
  return new URL(path.replace(/^\//, ''), base.endsWith('/') ? base : `${base}/`);
}
