import { describe, expect, it } from 'vitest';
import { staticPageOf } from './static-popup-copy';

describe('staticPageOf', () => {
  it('should inline the CSS and keep the markup as captured', () => {
    const actual = staticPageOf({
      lang: 'en',
      title: 'Token Tool <for> Instagram',
      css: '.card { color: red; }',
      body: '<div id="root"><ul class="accounts"><li class="account">@a</li></ul></div>',
    });

    expect(actual).toContain('<title>Token Tool &lt;for&gt; Instagram</title>');
    expect(actual).toContain('<style>.card { color: red; }</style>');
    expect(actual).toContain(
      '<body><div id="root"><ul class="accounts"><li class="account">@a</li></ul></div></body>',
    );
    expect(actual).not.toContain('<script');
  });

  it('should not let a rule end the style element early', () => {
    const actual = staticPageOf({
      lang: 'en',
      title: '',
      css: 'a::after { content: "</style>"; }',
      body: '',
    });

    expect(actual.match(/<\/style>/g)).toHaveLength(1);
  });
});
