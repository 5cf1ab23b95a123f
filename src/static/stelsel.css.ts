/**
 * The site stylesheet, served at /static/stelsel.css. Kept as a TypeScript module (not a .css
 * file) so that it is part of the compiled output: `tsc` does not copy assets into dist/.
 *
 * Goals: readable text (system fonts, ~70ch lines), WCAG AA contrast in light and dark schemes,
 * visible focus, nothing that needs JavaScript.
 */
export const STELSEL_CSS = `
:root {
  --fg: #1b1f24;
  --muted: #4a5360;
  --bg: #ffffff;
  --surface: #f4f6f8;
  --border: #c9d0d8;
  --accent: #0b5394;
  --accent-fg: #ffffff;
  --focus: #ffbf47;
  color-scheme: light dark;
}
@media (prefers-color-scheme: dark) {
  :root {
    --fg: #e8ebef;
    --muted: #b3bcc6;
    --bg: #15181c;
    --surface: #1f242a;
    --border: #3a434d;
    --accent: #8cc4ff;
    --accent-fg: #0d1117;
  }
}

*, *::before, *::after { box-sizing: border-box; }

html {
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
  font-size: 100%;
  line-height: 1.55;
  color: var(--fg);
  background: var(--bg);
  -webkit-text-size-adjust: 100%;
}
body { margin: 0; }

a { color: var(--accent); text-underline-offset: 0.15em; }
a:hover { text-decoration-thickness: 2px; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }

code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.92em; }
code { overflow-wrap: anywhere; }
pre { overflow-x: auto; padding: 0.75rem; background: var(--surface); border: 1px solid var(--border); }

/* Skip link: hidden until focused. */
.skip { position: absolute; left: 0.5rem; top: -3rem; padding: 0.5rem 0.75rem; background: var(--accent); color: var(--accent-fg); z-index: 10; }
.skip:focus { top: 0.5rem; }

header.site { background: var(--surface); border-bottom: 1px solid var(--border); }
header.site nav { max-width: 72rem; margin: 0 auto; padding: 0.75rem 1rem; display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; }
header.site nav a { font-weight: 500; text-decoration: none; padding: 0.25rem 0; }
header.site nav a:first-child { font-weight: 700; margin-right: auto; }
header.site nav a:hover { text-decoration: underline; }

main { max-width: 72rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
footer.site { max-width: 72rem; margin: 0 auto; padding: 1rem; border-top: 1px solid var(--border); color: var(--muted); font-size: 0.9rem; }

h1, h2, h3 { line-height: 1.25; margin: 1.5em 0 0.5em; }
h1 { font-size: 2rem; margin-top: 0.5rem; }
h2 { font-size: 1.4rem; }
h3 { font-size: 1.15rem; }
p, li { max-width: 70ch; }

/* Home page */
.hero .lead { font-size: 1.15rem; color: var(--muted); }
.cards { list-style: none; padding: 0; display: grid; gap: 1rem; grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr)); }
.card { border: 1px solid var(--border); border-radius: 6px; padding: 1rem 1.25rem; background: var(--surface); }
.card h3 { margin-top: 0; }
.card .meta { color: var(--muted); font-size: 0.9rem; }
.tools li { margin: 0.35rem 0; }

/* Resource pages */
.kicker { margin: 0; color: var(--muted); letter-spacing: 0.02em; font-size: 0.9rem; font-weight: 600; }
.iri { color: var(--muted); }
.iri-label { font-weight: 600; margin-right: 0.25rem; }
table { border-collapse: collapse; width: 100%; margin: 1rem 0; }
caption { text-align: left; font-weight: 600; padding: 0.25rem 0; }
th, td { text-align: left; vertical-align: top; padding: 0.5rem 0.75rem; border-bottom: 1px solid var(--border); overflow-wrap: break-word; }
table.properties th, table.properties .curie, table.properties a { overflow-wrap: anywhere; }
thead th { border-bottom-width: 2px; }
table.properties th[scope="row"] { width: 28%; font-weight: 600; }
.curie { display: block; color: var(--muted); font-weight: 400; }
.values { margin: 0; padding-left: 1.1rem; }
.literal { white-space: pre-line; }
.literal-xsd-string, .literal-lang { white-space: pre-wrap; }
.nested { margin: 0.25rem 0 0.5rem; padding-left: 0.75rem; border-left: 3px solid var(--border); }
.nested table { margin: 0; }
.markup-literal { white-space: pre-wrap; font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.formats ul { padding-left: 1.1rem; }
.formats code { color: var(--muted); margin-left: 0.5rem; }

/* API documentation */
.op { border-top: 1px solid var(--border); padding-top: 0.5rem; }
.method { display: inline-block; min-width: 4.5rem; text-align: center; padding: 0.1rem 0.4rem; border-radius: 4px; background: var(--accent); color: var(--accent-fg); font-size: 0.85rem; font-weight: 700; }
.auth { color: var(--muted); }

.visually-hidden { position: absolute !important; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }

@media (max-width: 40rem) {
  table.properties th[scope="row"] { width: auto; }
  table.properties, table.properties tbody, table.properties tr, table.properties th, table.properties td { display: block; }
  table.properties thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
  table.properties td { border-bottom: 0; padding-top: 0; }
}
@media print {
  header.site, .skip { display: none; }
  a { color: inherit; }
}
`;
