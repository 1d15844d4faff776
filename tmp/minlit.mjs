// quick experiment: collapse whitespace in html`` and css`` static parts
export function minifyTemplates(src) {
  let out = '';
  let i = 0;
  const re = /\b(html|css|svg)`/g;
  let m;
  while ((m = re.exec(src))) {
    const start = m.index + m[0].length;
    out += src.slice(i, start);
    // walk the template
    let j = start, part = '', kind = m[1];
    const flush = () => { out += collapse(part, kind); part = ''; };
    while (j < src.length) {
      const c = src[j];
      if (c === '\\') { part += src.slice(j, j + 2); j += 2; continue; }
      if (c === '`') { flush(); out += '`'; j++; break; }
      if (c === '$' && src[j + 1] === '{') {
        flush();
        // copy expression with nesting (naive: counts braces, skips nested templates crudely)
        let depth = 0, k = j + 1;
        for (; k < src.length; k++) { if (src[k] === '{') depth++; else if (src[k] === '}') { depth--; if (depth === 0) break; } else if (src[k] === '`') { // nested template: find its end naively handled by recursion
            const inner = src.indexOf('`', k + 1); }
        }
        out += src.slice(j, k + 1); j = k + 1; continue;
      }
      part += c; j++;
    }
    i = j; re.lastIndex = j;
  }
  return out + src.slice(i);
}
function collapse(s, kind) {
  if (kind === 'css') return s.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\s+/g, ' ').replace(/ ?([{};:,>]) ?/g, '$1');
  return s.replace(/\s*\n\s*/g, ' ');
}
