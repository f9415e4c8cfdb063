/**
 * Characters XML 1.0 does not allow (outside its Char production): C0 controls other than tab,
 * line feed and carriage return, U+FFFE and U+FFFF, and lone surrogates. An editor's text may
 * hold the controls (a pasted ANSI colour code, a vertical tab); none of them may reach a feed,
 * where one would make the whole document ill-formed and every reader drop it.
 */
const NOT_XML_CHAR =
  // eslint-disable-next-line no-control-regex -- matching the control characters XML forbids is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** What stands in for a character XML cannot hold: the Unicode replacement character, visible and honest. */
const REPLACEMENT = '\uFFFD';

const TEXT_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#xD;' };
const ATTRIBUTE_ESCAPES: Readonly<Record<string, string>> = { ...TEXT_ESCAPES, '"': '&quot;', '\t': '&#x9;', '\n': '&#xA;' };

/**
 * Text as XML character data: every `&`, `<` and `>` escaped, always (an `&amp;` an editor wrote
 * is text, and comes out as `&amp;amp;`: a builder we tried kept entity-like text as it was, so
 * "&amp;" reached readers as "&"), a carriage return as a reference (a parser would fold it into
 * the line feed), and characters XML cannot hold replaced.
 */
export function xmlText(text: string): string {
  return text.replace(NOT_XML_CHAR, REPLACEMENT).replace(/[&<>\r]/g, (c) => TEXT_ESCAPES[c]);
}

/** Text as a double-quoted attribute value: as xmlText, and `"`, tab and line feed as references (a parser would turn them into spaces). */
export function xmlAttribute(text: string): string {
  return text.replace(NOT_XML_CHAR, REPLACEMENT).replace(/[&<>"\r\n\t]/g, (c) => ATTRIBUTE_ESCAPES[c]);
}

/** An element with attributes (escaped here) and content that is markup already (children, or xmlText). */
export function xmlElement(name: string, attributes: Readonly<Record<string, string>>, content?: string): string {
  const attrs = Object.entries(attributes)
    .map(([k, v]) => ` ${k}="${xmlAttribute(v)}"`)
    .join('');
  return content === undefined ? `<${name}${attrs}/>` : `<${name}${attrs}>${content}</${name}>`;
}

/** An element holding text alone. */
export function xmlTextElement(name: string, text: string, attributes: Readonly<Record<string, string>> = {}): string {
  return xmlElement(name, attributes, xmlText(text));
}
