// The library page's own styles (the shared sheet brings colours, focus rings and badges).
export const LIBRARY_CSS = `
body { margin: 0; background: var(--siyaq-paper, #fffdf8); }
.library { max-width: 960px; margin: 0 auto; padding: 16px 20px 48px; background: #fffdf8; min-height: 100vh; }
.top { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 8px; }
h1 { font-size: 22px; margin: 8px 0; }
.row { display: flex; flex-wrap: wrap; align-items: center; gap: 8px; }
button, .button { font: inherit; font-size: 13px; padding: 4px 12px; border-radius: 6px; border: 1px solid var(--siyaq-line); background: #fff; cursor: pointer; }
.button:focus-within { outline: 3px solid var(--siyaq-focus); }
button.primary { background: var(--siyaq-accent); border-color: var(--siyaq-accent); color: #fff; }
button.danger { color: var(--siyaq-danger); }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.filters { display: flex; flex-wrap: wrap; gap: 10px; align-items: end; margin: 12px 0; padding: 12px; border: 1px solid var(--siyaq-line); border-radius: 10px; background: #fff; }
.filters label { display: grid; gap: 2px; font-size: 12px; color: var(--siyaq-muted); }
.filters .grow { flex: 1 1 240px; }
.filters .check { display: flex; align-items: center; gap: 4px; }
input, select, textarea { font: inherit; font-size: 14px; padding: 4px 6px; border: 1px solid var(--siyaq-line); border-radius: 6px; background: #fff; color: var(--siyaq-ink); }
.notice { padding: 8px 12px; border-radius: 8px; background: #ecfdf5; display: flex; gap: 12px; align-items: center; }
.notice.error { background: #fef2f2; color: var(--siyaq-danger); }
.muted { color: var(--siyaq-muted); font-size: 12px; }
.empty { color: var(--siyaq-muted); }
.list { display: grid; gap: 12px; }
.highlight { padding: 12px 14px; border: 1px solid var(--siyaq-line); border-radius: 10px; background: #fff; }
.highlight.orphaned { border-style: dashed; background: #fafaf9; }
.quote { margin: 0 0 8px; padding: 2px 10px; border-inline-start: 4px solid #facc15; font-size: 15px; white-space: pre-wrap; }
.orphan-badge { display: inline-block; margin: 0 0 6px; padding: 0 8px; border-radius: 999px; background: #fee2e2; color: #991b1b; font-size: 12px; }
.citation { margin: 4px 0; font-size: 13px; }
.byline { color: var(--siyaq-muted); }
.note { margin: 6px 0; white-space: pre-wrap; }
.tags { list-style: none; display: flex; flex-wrap: wrap; gap: 4px; padding: 0; margin: 6px 0; }
.tag { padding: 0 8px; border-radius: 999px; background: #f1f5f9; border-color: transparent; font-size: 12px; }
.entities { margin: 6px 0; display: flex; flex-wrap: wrap; gap: 4px; align-items: center; }
.entities .label { font-size: 12px; color: var(--siyaq-muted); }
.edit { display: grid; gap: 6px; margin: 6px 0; }
.edit label { display: grid; gap: 2px; font-size: 12px; color: var(--siyaq-muted); }
footer.row { margin-top: 8px; }
`;
