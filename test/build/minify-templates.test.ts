/**
 * The build's template shrinking (scripts/minify-templates.mjs): only the static text of html/svg/css
 * templates changes; code, other strings, expressions and <pre>/<textarea> templates stay as written.
 */
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module of the build, without type declarations
import { minifyTemplates } from '../../scripts/minify-templates.mjs';

const shrink = (s: string) => minifyTemplates(s) as string;

describe('minifyTemplates', () => {
  it('folds line breaks and indentation of html templates into one space, keeping expressions', () => {
    const src = "const v = html`\n  <p class=\"a\">\n    ${x ? html`<b>\n  ${y}\n</b>` : nothing}\n  </p>\n`;";
    expect(shrink(src)).toBe('const v = html` <p class="a"> ${x ? html`<b> ${y} </b>` : nothing} </p> `;');
  });

  it('keeps spaces on one line, plain strings, other tags and comments in code', () => {
    const src = "const a = '  \\n  keep  '; // html`\n  x\n`\nconst b = tpl`\n  y\n`; const c = html`<span>a</span> <span>b</span>`;";
    expect(shrink(src)).toBe(src);
  });

  it('leaves templates with <pre> or <textarea> alone', () => {
    const src = 'const t = html`<textarea>\n  line 1\n  line 2</textarea>`;';
    expect(shrink(src)).toBe(src);
  });

  it('drops comments and needless white space from css, keeping quoted content and selectors', () => {
    const src = "const s = css`\n  /* note */\n  :host {\n    display: block;\n  }\n  .a :is(b, c)::before {\n    content: '+ ';\n    margin: ${m} 0;\n  }\n`;";
    expect(shrink(src)).toBe("const s = css`:host{display: block;}.a :is(b,c)::before{content: '+ ';margin: ${m} 0;}`;");
  });

  it('handles a template whose text starts or ends at an expression and escapes in the raw text', () => {
    const src = 'const v = html`${a}\n  \\`quoted\\`\n${b}`;';
    expect(shrink(src)).toBe('const v = html`${a} \\`quoted\\` ${b}`;');
  });
});
