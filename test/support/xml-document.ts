import { SaxesParser } from 'saxes';

/** An element of a parsed XML document: its expanded name, attributes, children and text. */
export interface XmlElement {
  readonly name: string;
  /** The namespace URI ('' for none). */
  readonly uri: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: XmlElement[];
  /** The element's own text (not its children's), entities resolved. */
  text: string;
}

/**
 * Parses XML with saxes, a strict, conformant XML 1.0 parser (with namespaces): a document that
 * is not well-formed, or holds a character XML 1.0 does not allow, throws, naming line and
 * column. Feeds are checked with a real parser, never with string matching.
 */
export function parseXml(xml: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let error: Error | undefined;
  parser.on('error', (e) => {
    error ??= e;
  });
  parser.on('opentag', (tag) => {
    const attributes: Record<string, string> = {};
    for (const a of Object.values(tag.attributes)) attributes[a.name] = a.value;
    const element: XmlElement = { name: tag.local, uri: tag.uri, attributes, children: [], text: '' };
    stack.at(-1)?.children.push(element);
    root ??= element;
    stack.push(element);
  });
  parser.on('text', (text) => {
    const current = stack.at(-1);
    if (current) current.text += text;
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.write(xml).close();
  if (error) throw error;
  if (!root) throw new Error('no root element');
  return root;
}

/** The children of an element with this local name. */
export function childrenNamed(e: XmlElement, name: string): XmlElement[] {
  return e.children.filter((c) => c.name === name);
}

/** The one child with this local name: throws when there is none or more than one. */
export function onlyChild(e: XmlElement, name: string): XmlElement {
  const found = childrenNamed(e, name);
  if (found.length !== 1) throw new Error(`<${e.name}> has ${found.length} <${name}> children, expected exactly one`);
  return found[0];
}
