// An esbuild plugin that shrinks the static text of Lit's html`` / svg`` / css`` templates in components/:
// esbuild minifies the code around them but keeps their indentation and line breaks, and Lit ships those
// strings as they are. The TypeScript parser finds the templates, so strings, comments and nested
// templates in `${…}` are never mistaken for template text.
import { readFile } from 'node:fs/promises';
import ts from 'typescript';

/** html/svg: a run of white space with a line break becomes one space (the browser shows one anyway). */
function markup(text) {
  return text.replace(/[ \t]*\r?\n\s*/g, ' ');
}

/** css: comments go, white space runs become one space, none is kept around braces, semicolons and commas. */
function style(text) {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/ ?([{};]) ?/g, '$1')
    .replace(/, /g, ',');
}

/** Source ranges [start, end) of the literal text of a template and the parts' kinds. */
function literalRanges(template) {
  if (ts.isNoSubstitutionTemplateLiteral(template)) return [[template.getStart() + 1, template.end - 1]];
  const ranges = [[template.head.getStart() + 1, template.head.end - 2]];
  for (const span of template.templateSpans) {
    const lit = span.literal;
    ranges.push([lit.getStart() + 1, lit.end - (ts.isTemplateTail(lit) ? 1 : 2)]);
  }
  return ranges;
}

/** The source with every html/svg/css template's text shrunk; templates with <pre> or <textarea> stay. */
export function minifyTemplates(source, fileName = 'x.ts') {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const edits = [];
  const visit = (node) => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag)) {
      const tag = node.tag.text;
      if (tag === 'html' || tag === 'svg' || tag === 'css') {
        const ranges = literalRanges(node.template);
        const whole = ranges.map(([a, b]) => source.slice(a, b)).join('');
        if (tag === 'css' || !/<(pre|textarea)\b/i.test(whole)) {
          const shrink = tag === 'css' ? style : markup;
          ranges.forEach(([a, b], i) => {
            let text = shrink(source.slice(a, b));
            // A style sheet's own first and last blanks are not needed (markup keeps them: they may be text).
            if (tag === 'css' && i === 0) text = text.trimStart();
            if (tag === 'css' && i === ranges.length - 1) text = text.trimEnd();
            edits.push([a, b, text]);
          });
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  edits.sort((x, y) => y[0] - x[0]);
  let out = source;
  for (const [a, b, text] of edits) out = out.slice(0, a) + text + out.slice(b);
  return out;
}

/** The plugin: applies to the TypeScript sources under `dir` (absolute). */
export function minifyTemplatesPlugin(dir) {
  const filter = new RegExp(`^${dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}.*\\.ts$`);
  // One parse per file, shared by the bundles built in parallel with this plugin.
  const done = new Map();
  const shrunk = (path) => {
    if (!done.has(path)) done.set(path, readFile(path, 'utf8').then((source) => minifyTemplates(source, path)));
    return done.get(path);
  };
  return {
    name: 'minify-templates',
    setup(build) {
      build.onLoad({ filter }, async (args) => ({ contents: await shrunk(args.path), loader: 'ts' }));
    },
  };
}
