/**
 * What the embed adds to the reader page's stylesheet: no site header, tighter spacing, no
 * sticky day headings (the frame is often short), and long words broken so that nothing scrolls
 * sideways at 320 px.
 */
export const EMBED_CSS = `
body.embed { overflow-wrap: anywhere; }
main.embed { padding: 0.75rem; max-width: none; }
.embed__head { border-bottom: 2px solid var(--ink); padding-bottom: 0.4rem; }
.embed__brand { margin: 0; color: var(--muted); font-size: 0.85rem; font-weight: 600; text-transform: uppercase; letter-spacing: 0.04em; }
main.embed h1 { font-size: 1.2rem; margin: 0.2rem 0 0; }
main.embed h1 a { color: var(--ink); }
main.embed .day { margin-top: 0.75rem; }
main.embed .day > h2 { position: static; font-size: 1.05rem; margin: 0.5rem 0 0.25rem; border-bottom: 1px solid var(--ink); }
main.embed .entry { padding: 0.5rem 0; }
main.embed .entry h3 { font-size: 1rem; }
.embed__foot { margin-top: 0.75rem; font-size: 0.9rem; }
`;
