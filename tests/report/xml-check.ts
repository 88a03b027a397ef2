/**
 * A small XML 1.0 well-formedness check for the JUnit report (no XML parser
 * ships with Node): balanced tags, quoted attributes, known entities only,
 * no characters XML forbids. Returns the element names in document order.
 */
export function checkWellFormedXml(xml: string): string[] {
  const invalid = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
  if (invalid.test(xml)) throw new Error('character not allowed in XML');
  let i = 0;
  const stack: string[] = [];
  const names: string[] = [];
  const checkText = (s: string) => {
    if (s.includes('<') || s.includes('>')) throw new Error(`raw < or > in text: ${s.slice(0, 40)}`);
    for (const m of s.matchAll(/&([^;]*);?/g)) {
      if (!/^(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+)$/.test(m[1]!) || !m[0].endsWith(';')) throw new Error(`bad entity ${m[0]}`);
    }
  };
  if (xml.startsWith('<?xml')) i = xml.indexOf('?>') + 2;
  let rootClosed = false;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const text = xml.slice(i, lt === -1 ? xml.length : lt);
    if (stack.length === 0 && text.trim()) throw new Error('text outside the root element');
    checkText(text);
    if (lt === -1) break;
    const gt = xml.indexOf('>', lt);
    if (gt === -1) throw new Error('unclosed tag');
    const tag = xml.slice(lt + 1, gt);
    if (tag.startsWith('/')) {
      const name = tag.slice(1).trim();
      if (stack.pop() !== name) throw new Error(`mismatched </${name}>`);
      if (stack.length === 0) rootClosed = true;
    } else {
      const selfClosing = tag.endsWith('/');
      const body = selfClosing ? tag.slice(0, -1) : tag;
      const m = /^([A-Za-z_][\w.-]*)((?:\s+[A-Za-z_][\w.-]*="[^"<]*")*)\s*$/.exec(body);
      if (!m) throw new Error(`bad tag <${tag.slice(0, 60)}>`);
      if (rootClosed) throw new Error('second root element');
      for (const a of m[2]!.matchAll(/="([^"]*)"/g)) checkText(a[1]!);
      names.push(m[1]!);
      if (!selfClosing) stack.push(m[1]!);
      else if (stack.length === 0) rootClosed = true;
    }
    i = gt + 1;
  }
  if (stack.length) throw new Error(`unclosed <${stack.at(-1)}>`);
  return names;
}

/** Decode the five XML entities and numeric references (for reading attribute values back). */
export function xmlDecode(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_, e: string) =>
    e === 'amp' ? '&' : e === 'lt' ? '<' : e === 'gt' ? '>' : e === 'quot' ? '"' : e === 'apos' ? "'"
      : String.fromCodePoint(e.startsWith('#x') ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)));
}
