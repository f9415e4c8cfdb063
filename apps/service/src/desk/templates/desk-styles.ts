/**
 * The desk's additions to the reader page's stylesheet (same colours, same focus ring). Forms
 * take the full width up to a reading measure; at 390 px everything stacks and nothing scrolls
 * sideways (tables sit in their own scrolling region).
 */
export const DESK_CSS = `
.desk-user { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem; margin: 0; }
.desk-user form { margin: 0; }
.link-button { background: none; border: none; color: var(--link); text-decoration: underline; padding: 0.25rem; min-height: 2.5rem; font-weight: 400; }
form.desk { display: grid; gap: 1rem; max-width: 46rem; }
.field { display: flex; flex-direction: column; gap: 0.25rem; min-width: 0; }
.field--inline { flex-direction: row; align-items: center; gap: 0.5rem; }
input[type="checkbox"], input[type="radio"] { min-height: auto; width: 1.25rem; height: 1.25rem; margin: 0; }
textarea { font: inherit; padding: 0.5rem; border: 1px solid #767676; border-radius: 4px; width: 100%; min-height: 14rem; resize: vertical; }
input[type="text"], input[type="password"], input[type="search"], input[type="number"] { width: 100%; max-width: 100%; }
fieldset { border: 1px solid var(--line); border-radius: 6px; padding: 0.5rem 0.75rem 0.75rem; margin: 0; min-width: 0; }
legend { font-weight: 600; padding: 0 0.25rem; }
.choices { display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; }
.choices label { font-weight: 400; display: flex; align-items: center; gap: 0.4rem; }
.problem { color: var(--del-ink); font-weight: 600; margin: 0; }
[aria-invalid="true"] { border: 2px solid var(--del-ink); }
.problems { border: 3px solid var(--del-ink); padding: 0.5rem 1rem; border-radius: 6px; margin: 1rem 0; }
.problems h2 { margin-top: 0.25rem; font-size: 1.15rem; }
.notice { border-left: 4px solid var(--ins-ink); background: var(--ins-bg); color: var(--ins-ink); padding: 0.5rem 0.75rem; margin: 0.75rem 0; }
.notice--warn { border-left-color: var(--warn-ink); background: var(--warn-bg); color: var(--warn-ink); }
.actions { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: center; }
button.secondary { background: var(--paper); color: var(--link); }
.side-by-side { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 20rem), 1fr)); gap: 1rem; }
.side-by-side > section { border: 1px solid var(--line); border-radius: 6px; padding: 0 0.75rem 0.75rem; min-width: 0; overflow-wrap: anywhere; }
.preview { border: 1px dashed var(--muted); border-radius: 6px; padding: 0 0.75rem 0.75rem; margin: 1rem 0; overflow-wrap: anywhere; }
.diff { white-space: pre-wrap; overflow-wrap: anywhere; }
.draft-status { color: var(--muted); font-size: 0.9rem; min-height: 1.5em; margin: 0; }
details { margin: 0.25rem 0; }
summary { cursor: pointer; color: var(--link); }
dl.ops { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; }
dl.ops dt { font-weight: 600; }
dl.ops dd { margin: 0; overflow-wrap: anywhere; }
td, th { overflow-wrap: anywhere; }
[hidden] { display: none !important; }
.field > .hint { flex-basis: auto; }
select { max-width: 100%; }
.fact-form select, .fact-form input[type="text"] { width: 100%; }
.fact-form textarea { min-height: 5rem; }
fieldset.list, fieldset.row, fieldset.date-fields { display: grid; gap: 0.75rem; }
fieldset.row { border-style: dashed; }
.row-fields, .date-inputs { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 13rem), 1fr)); gap: 0.75rem; }
fieldset.choices-group { border: none; padding: 0; }
fieldset.choices-group legend { padding: 0; font-size: 0.95rem; }
ol.fact-list { list-style: none; margin: 0; padding: 0; }
.fact-item { border-bottom: 1px solid var(--line); padding: 0.6rem 0; overflow-wrap: anywhere; }
.fact-item--retracted h3 { color: var(--muted); }
.fact-meta { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; color: var(--muted); margin: 0.1rem 0; }
.fact-item .actions { margin: 0.25rem 0 0; }
.revision-text { white-space: pre-wrap; overflow-wrap: anywhere; line-height: 1.6; }
.revision-text mark { background: var(--warn-bg); color: inherit; padding: 0 0.1rem; }
.revision-text mark:target, .revision-text mark:focus { outline: 3px solid var(--link); outline-offset: 2px; }
ol.candidate-list { list-style: none; margin: 0; padding: 0; }
.candidate { border-bottom: 1px solid var(--line); padding: 0.6rem 0; overflow-wrap: anywhere; }
.candidate:target { outline: 3px solid var(--link); outline-offset: 2px; }
.candidate--accepted h3, .candidate--dismissed h3 { color: var(--muted); }
.candidate-flags { color: var(--warn-ink); margin: 0.1rem 0; }
.candidate-actions form { margin: 0.5rem 0 0; }
.revision-nav ul { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; list-style: none; padding: 0; }
.revision-nav a[aria-current="page"] { font-weight: 700; text-decoration: none; }
`;
