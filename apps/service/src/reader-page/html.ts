/**
 * HTML by tagged templates that escape every interpolated value unless it is already SafeHtml.
 * Nothing a client sent reaches a page unescaped: titles, names and quotes are data, never markup.
 */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

const SPECIAL = /[&<>"']/;
const SPECIALS = /[&<>"']/g;

export function escapeHtml(text: string): string {
  // Most values (ids, dates, labels, headlines) hold none of these: answered as they are, without
  // a replace pass and a new string each (a reader page escapes thousands of values).
  return SPECIAL.test(text) ? text.replace(SPECIALS, (c) => ESCAPES[c]) : text;
}

/** What a template may interpolate: typed so that an object cannot slip in and render as "[object Object]". */
export type HtmlValue = string | number | boolean | null | undefined | SafeHtml | readonly HtmlValue[];

/** Interpolated strings and numbers are escaped; arrays are joined; null, undefined and false render nothing. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0];
  values.forEach((v, i) => {
    out += render(v) + strings[i + 1];
  });
  return new SafeHtml(out);
}

function render(v: HtmlValue): string {
  if (v === null || v === undefined || v === false) return '';
  if (v instanceof SafeHtml) return v.value;
  if (Array.isArray(v)) return v.map(render).join('');
  return escapeHtml(String(v));
}

/** Trusted markup of our own (the stylesheet, constants). Never for anything a client sent. */
export function trusted(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

const SCRIPT_UNSAFE = /[<>&\u2028\u2029]/g;
const SCRIPT_ESCAPES: Record<string, string> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

/**
 * JSON to embed in a `<script type="application/ld+json">` (or any script element): `<`, `>`
 * and `&` become \u escapes, so no value can close the element (`</script>`) or open a comment,
 * and U+2028/U+2029 are escaped as older parsers treat them as line ends.
 */
export function jsonForScript(value: unknown): SafeHtml {
  // One pass over the JSON (a page's JSON-LD runs to tens of KiB), not one per character escaped.
  return new SafeHtml(JSON.stringify(value).replace(SCRIPT_UNSAFE, (c) => SCRIPT_ESCAPES[c]));
}

/** Only http(s) links: a `javascript:` or `data:` URL from a source field never becomes an href. */
export function safeHttpUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    // Not a URL at all: the source is shown without a link.
    return undefined;
  }
}

/** A query string from defined values only: `?from=…&asOf=…`, or '' when there are none. */
export function queryString(params: Record<string, string | number | undefined>): string {
  const pairs = Object.entries(params).filter((e): e is [string, string | number] => e[1] !== undefined && e[1] !== '');
  return pairs.length === 0 ? '' : `?${new URLSearchParams(pairs.map(([k, v]): [string, string] => [k, String(v)])).toString()}`;
}
