/**
 * A strict reader for the XML documents of the Open311 routes (elements and text, no attributes):
 * the tests use it to prove each document is well-formed (one root, matching tags, only the five
 * predefined and numeric entities) and to read values back. Throws on anything malformed.
 */
export interface XmlElement {
  name: string;
  children: XmlElement[];
  /** The element's own text, entities decoded. */
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(raw: string, at: number): string {
  if (raw.includes('<')) throw new Error(`raw < in text at ${at}`);
  return raw.replace(/&([^;]*);|&/g, (match, name: string | undefined) => {
    if (name === undefined) throw new Error(`bare & in text at ${at}`);
    if (name in ENTITIES) return ENTITIES[name]!;
    const numeric = /^#(x[0-9a-f]+|[0-9]+)$/i.exec(name);
    if (numeric) return String.fromCodePoint(numeric[1]!.startsWith('x') || numeric[1]!.startsWith('X') ? parseInt(numeric[1]!.slice(1), 16) : parseInt(numeric[1]!, 10));
    throw new Error(`unknown entity &${name}; at ${at}`);
  });
}

export function readXml(source: string): XmlElement {
  let pos = 0;
  const declaration = /^<\?xml[^?]*\?>\s*/.exec(source);
  if (declaration) pos = declaration[0].length;
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  const tag = /<(\/?)([A-Za-z_][\w.-]*)\s*(\/?)>/y;
  while (pos < source.length) {
    const next = source.indexOf('<', pos);
    const textEnd = next === -1 ? source.length : next;
    if (textEnd > pos) {
      const raw = source.slice(pos, textEnd);
      if (stack.length === 0) {
        if (raw.trim() !== '') throw new Error(`text outside the root at ${pos}`);
      } else stack.at(-1)!.text += decode(raw, pos);
      pos = textEnd;
      continue;
    }
    tag.lastIndex = pos;
    const m = tag.exec(source);
    if (!m) throw new Error(`malformed tag at ${pos}`);
    const [whole, closing, name, selfClosing] = m;
    pos += whole.length;
    if (closing) {
      const open = stack.pop();
      if (!open || open.name !== name) throw new Error(`</${name}> does not close <${open?.name ?? 'nothing'}> at ${pos}`);
      continue;
    }
    if (root && stack.length === 0) throw new Error(`second root element <${name}>`);
    const element: XmlElement = { name: name!, children: [], text: '' };
    if (stack.length > 0) stack.at(-1)!.children.push(element);
    else root = element;
    if (!selfClosing) stack.push(element);
  }
  if (stack.length > 0) throw new Error(`<${stack.at(-1)!.name}> is not closed`);
  if (!root) throw new Error('no root element');
  return root;
}

/** The text of the first child named `name` (throws when there is none). */
export function childText(element: XmlElement, name: string): string {
  const child = element.children.find((c) => c.name === name);
  if (!child) throw new Error(`<${element.name}> has no <${name}>`);
  return child.text;
}
