import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { filesLoadedBy, pageReferences, resolveReference, staticImports } from './bundle-files';

describe('pageReferences', () => {
  it('should list scripts, module preloads and style sheets, and nothing else', () => {
    const html = `<head>
      <meta name="manifest.type" content="browser_action">
      <script type="module" crossorigin src="/chunks/popup-V.js"></script>
      <link rel="modulepreload" crossorigin href="/chunks/shared-B.js">
      <link rel='stylesheet' href='/assets/popup-C.css'>
      <link rel="icon" href="/icon.png">
      <link rel="preconnect" href="https://graph.instagram.com">
    </head>`;

    const actual = pageReferences(html);

    expect(actual).toEqual(['/chunks/popup-V.js', '/chunks/shared-B.js', '/assets/popup-C.css']);
  });
});

describe('staticImports', () => {
  it('should find minified named, side-effect and re-export imports', () => {
    const code =
      'import{a as e,c as t}from"./shared-B.js";import"./side.js";export{x}from\'../up.js\';';

    expect(staticImports(code)).toEqual(['./shared-B.js', './side.js', '../up.js']);
  });

  it('should skip dynamic imports, which load later', () => {
    const code = 'const m=()=>import("./lazy.js");obj.import("./not-a-module.js");';

    expect(staticImports(code)).toEqual([]);
  });
});

describe('resolveReference', () => {
  it.each([
    ['popup.html', '/chunks/a.js', 'chunks/a.js'],
    ['chunks/a.js', './b.js', 'chunks/b.js'],
    ['chunks/a.js', '../assets/c.css?v=1', 'assets/c.css'],
    ['chunks/a.js', 'preact', undefined],
    ['popup.html', 'https://cdn.example/x.js', undefined],
  ])('should resolve %s → %s to %s', (from, reference, expected) => {
    expect(resolveReference(from, reference)).toBe(expected);
  });
});

describe('filesLoadedBy', () => {
  let dir: string;

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('should follow static imports transitively, once each, and ignore lazy ones', async () => {
    dir = await mkdtemp(join(tmpdir(), 'igtt-bundle-files-'));
    await mkdir(join(dir, 'chunks'));
    await writeFile(
      join(dir, 'popup.html'),
      '<script type="module" src="/chunks/popup.js"></script><link rel="stylesheet" href="/popup.css">',
    );
    await writeFile(join(dir, 'popup.css'), 'h1{}');
    await writeFile(
      join(dir, 'chunks/popup.js'),
      'import{a}from"./shared.js";import("./lazy.js");',
    );
    await writeFile(join(dir, 'chunks/shared.js'), 'import"./leaf.js";import"./popup.js";');
    await writeFile(join(dir, 'chunks/leaf.js'), 'export const a=1;');
    await writeFile(join(dir, 'chunks/lazy.js'), 'export const b=2;');

    const actual = await filesLoadedBy(dir, 'popup.html');

    expect(actual.sort()).toEqual(
      ['chunks/leaf.js', 'chunks/popup.js', 'chunks/shared.js', 'popup.css', 'popup.html'].sort(),
    );
  });
});
