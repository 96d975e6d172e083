/**
 * The reference of the popup render: what the popup shows once it has rendered, as one static
 * HTML page (its rendered markup and the CSS rules it loaded, no script), so that the difference
 * in time is what the popup's code costs: loading, asking the background, rendering.
 */
import type { Page } from 'playwright-core';
import { escapeXml } from './render-chart';

/** The parts of a rendered page that make up its static copy. */
export interface RenderedMarkup {
  readonly lang: string;
  readonly title: string;
  readonly css: string;
  readonly body: string;
}

/** Reads the rendered body without its scripts, and the text of every CSS rule in force. */
export function captureRenderedMarkup(page: Page): Promise<RenderedMarkup> {
  return page.evaluate(() => {
    const css = Array.from(document.styleSheets, (sheet) =>
      Array.from(sheet.cssRules, (rule) => rule.cssText).join('\n'),
    ).join('\n');
    const body = document.body.cloneNode(true);
    if (!(body instanceof HTMLElement)) throw new Error('The page has no body.');
    for (const script of body.querySelectorAll('script')) script.remove();
    return {
      lang: document.documentElement.lang,
      title: document.title,
      css,
      body: body.innerHTML,
    };
  });
}

/** The static page: the CSS inline in the head, so that it costs no request of its own. */
export function staticPageOf(markup: RenderedMarkup): string {
  return [
    '<!doctype html>',
    `<html lang="${escapeXml(markup.lang)}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeXml(markup.title)}</title>`,
    // A closing style tag inside a rule would end the element early; CSS never needs one.
    `<style>${markup.css.replace(/<\/style/gi, '<\\/style')}</style>`,
    '</head>',
    `<body>${markup.body}</body>`,
    '</html>',
  ].join('\n');
}
