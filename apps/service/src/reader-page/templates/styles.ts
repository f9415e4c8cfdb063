/**
 * The reader page's whole stylesheet, inlined (no external fonts or CDNs). Colours keep at
 * least 4.5:1 contrast on their backgrounds (WCAG AA); every focusable element shows focus.
 */
export const READER_CSS = `
:root { color-scheme: light; --ink: #1b1b1b; --muted: #4f4f4f; --line: #d0d0d0; --paper: #ffffff; --tint: #f4f5f7;
  --link: #0b4fb3; --focus: #0b4fb3; --warn-bg: #fff1dc; --warn-ink: #6b3a00; --chip-bg: #e6ecf8; --chip-ink: #1d3a78;
  --new-bg: #e7f6ea; --ins-bg: #d7f5dd; --ins-ink: #0d4a1c; --del-bg: #fde0e0; --del-ink: #7a1010; }
* { box-sizing: border-box; }
html { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif; line-height: 1.5; color: var(--ink); background: var(--paper); }
body { margin: 0; }
a { color: var(--link); }
a:hover { text-decoration-thickness: 2px; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.skip { position: absolute; left: 0.5rem; top: -3rem; background: var(--paper); padding: 0.5rem 0.75rem; border: 2px solid var(--focus); z-index: 10; }
.skip:focus { top: 0.5rem; }
.visually-hidden { position: absolute !important; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; }
.wrap { max-width: 60rem; margin: 0 auto; padding: 0 1rem; }
header.site { border-bottom: 1px solid var(--line); background: var(--tint); }
header.site .wrap { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 0.5rem 1.5rem; padding-top: 0.75rem; padding-bottom: 0.75rem; }
.brand { margin: 0; font-weight: 700; font-size: 1.25rem; }
.brand a { color: var(--ink); text-decoration: none; }
nav.site ul { list-style: none; display: flex; gap: 1rem; margin: 0; padding: 0; }
nav.site a[aria-current="page"] { font-weight: 700; text-decoration: none; border-bottom: 3px solid var(--link); }
form.site-search { display: flex; flex-wrap: wrap; align-items: center; gap: 0.4rem; }
form.site-search input { width: 14rem; max-width: 100%; }
form.controls .field--wide { flex: 1 1 16rem; }
ol.results { list-style: none; margin: 0; padding: 0; }
.result { border-bottom: 1px solid var(--line); padding: 0.9rem 0; }
.result__h { font-size: 1.15rem; margin: 0.1rem 0 0.35rem; }
dl.why { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 0.75rem; margin: 0; font-size: 0.95rem; }
dl.why dt { font-weight: 600; color: var(--muted); }
dl.why dd { margin: 0; }
mark { background: var(--warn-bg); color: var(--ink); font-weight: 600; padding: 0 0.1em; }
main { padding-top: 1rem; padding-bottom: 2rem; }
main:focus { outline: none; }
h1 { font-size: 1.75rem; line-height: 1.2; margin: 0.5rem 0 0.5rem; }
h2 { font-size: 1.3rem; margin: 1.75rem 0 0.5rem; }
h3 { font-size: 1.1rem; margin: 0.25rem 0; }
.lede { color: var(--muted); margin-top: 0; }
form.controls { display: flex; flex-wrap: wrap; align-items: flex-end; gap: 0.75rem 1rem; padding: 0.75rem; background: var(--tint); border: 1px solid var(--line); border-radius: 6px; }
form.controls .field { display: flex; flex-direction: column; gap: 0.2rem; }
label { font-weight: 600; font-size: 0.95rem; }
.hint { color: var(--muted); font-size: 0.875rem; margin: 0; flex-basis: 100%; }
input, select, button { font: inherit; padding: 0.4rem 0.5rem; border: 1px solid #767676; border-radius: 4px; background: var(--paper); color: var(--ink); min-height: 2.5rem; }
button { background: var(--link); color: #fff; border-color: var(--link); font-weight: 600; cursor: pointer; padding: 0.4rem 1rem; }
.status { margin: 0.75rem 0; padding: 0.5rem 0.75rem; border-left: 4px solid var(--link); background: var(--tint); }
.status.as-of { border-left-color: var(--warn-ink); background: var(--warn-bg); color: var(--warn-ink); }
.day { margin-top: 1.5rem; }
.day > h2 { position: sticky; top: 0; background: var(--paper); padding: 0.25rem 0; border-bottom: 2px solid var(--ink); z-index: 1; }
ol.entries { list-style: none; margin: 0; padding: 0; }
.entry { border-bottom: 1px solid var(--line); padding: 0.9rem 0; }
.entry.is-new { background: var(--new-bg); transition: background 2s; }
.entry__meta { display: flex; flex-wrap: wrap; gap: 0.35rem 0.75rem; align-items: baseline; margin: 0 0 0.25rem; font-size: 0.95rem; color: var(--muted); }
.kind { display: inline-block; background: var(--chip-bg); color: var(--chip-ink); border-radius: 999px; padding: 0 0.6rem; font-weight: 600; font-size: 0.85rem; }
.kind--correction { background: var(--warn-bg); color: var(--warn-ink); }
.when--uncertain { font-style: italic; }
.flag { display: inline-block; border: 1px solid currentColor; border-radius: 3px; padding: 0 0.3rem; font-size: 0.8rem; font-style: normal; color: var(--warn-ink); background: var(--warn-bg); }
.date-words { color: var(--muted); font-size: 0.9rem; margin: 0.1rem 0; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 0.75rem; margin: 0.5rem 0; font-size: 0.95rem; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
dl.facts ul { margin: 0; padding-left: 1.1rem; }
.status-badge { display: inline-block; border: 2px solid currentColor; border-radius: 3px; padding: 0 0.35rem; font-weight: 700; font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.03em; color: var(--warn-ink); background: var(--warn-bg); }
.entry--not-happened h3::before { content: "○ "; color: var(--warn-ink); }
.fact-words { color: var(--muted); font-size: 0.95rem; margin: 0.1rem 0; }
.attribution { color: var(--warn-ink); }
.about-date, .named-by { font-size: 0.95rem; margin: 0.1rem 0; }
.dating { margin-top: 0.75rem; }
.dating__h { font-size: 1rem; margin: 0.75rem 0 0.25rem; color: var(--muted); border-bottom: 1px dashed var(--line); }
.updates { margin-top: 1rem; padding: 0.5rem 0.75rem; background: var(--tint); border-left: 4px solid var(--line); font-size: 0.9rem; }
.updates__h { font-size: 0.95rem; margin: 0 0 0.25rem; }
.updates__list { list-style: none; margin: 0; padding: 0; }
.update { padding: 0.15rem 0; }
.story-facts { list-style: none; margin: 0 0 0.5rem; padding: 0; }
.story-fact { padding: 0.3rem 0; border-bottom: 1px solid var(--line); }
.story-fact .fact-words { display: block; }
blockquote { margin: 0.5rem 0; padding: 0.25rem 0.75rem; border-left: 4px solid var(--line); }
blockquote p { margin: 0; }
blockquote footer { color: var(--muted); font-size: 0.9rem; }
.reported { color: var(--muted); font-size: 0.85rem; margin: 0.25rem 0 0; }
.provenance { color: var(--muted); font-size: 0.85rem; margin: 0.25rem 0 0; }
.story-fact .provenance { display: block; }
.empty { padding: 1rem; background: var(--tint); }
nav.pages { margin-top: 1.5rem; display: flex; gap: 1.5rem; }
.story-body p { margin: 0 0 1em; max-width: 42rem; }
.editors-note { background: var(--warn-bg); color: var(--warn-ink); padding: 0.5rem 0.75rem; border-radius: 4px; }
.byline { color: var(--muted); }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: 0.95rem; }
th, td { text-align: left; vertical-align: top; padding: 0.4rem 0.5rem; border-bottom: 1px solid var(--line); }
thead th { border-bottom: 2px solid var(--ink); }
.diff { white-space: pre-wrap; max-width: 42rem; border: 1px solid var(--line); padding: 0.75rem; border-radius: 4px; }
ins { background: var(--ins-bg); color: var(--ins-ink); text-decoration: underline; }
del { background: var(--del-bg); color: var(--del-ink); text-decoration: line-through; }
footer.site { border-top: 1px solid var(--line); color: var(--muted); font-size: 0.9rem; padding: 1rem 0 2rem; }
@media (max-width: 40rem) {
  h1 { font-size: 1.45rem; }
  dl.facts { grid-template-columns: 1fr; }
  dl.facts dd { margin-bottom: 0.35rem; }
  form.controls .field, form.controls button { flex: 1 1 100%; }
  /* The revision table stacks: one block per revision, each cell labelled, nothing to scroll sideways. */
  table.revisions thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); }
  table.revisions, table.revisions tbody, table.revisions tr, table.revisions th, table.revisions td { display: block; width: 100%; }
  table.revisions tr { border-bottom: 2px solid var(--line); padding: 0.4rem 0; }
  table.revisions th, table.revisions td { border: 0; padding: 0.1rem 0; overflow-wrap: anywhere; }
  table.revisions [data-label]::before { content: attr(data-label) ": "; font-weight: 600; }
}
@media (prefers-reduced-motion: reduce) { .entry.is-new { transition: none; } }
`;
