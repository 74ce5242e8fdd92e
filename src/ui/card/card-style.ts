// The card's stylesheet, scoped by its shadow root: nothing here leaks into the page or back.
export const CARD_CSS = `
:host { all: initial; }
.frame {
  position: fixed; box-sizing: border-box; width: 340px; max-width: calc(100vw - 16px); overflow: auto;
  font: 14px/1.55 system-ui, "Noto Naskh Arabic", "Segoe UI", Tahoma, sans-serif; color: #1f2937;
  background: #ffffff; border: 1px solid #d1d5db; border-radius: 10px; box-shadow: 0 10px 30px rgba(0,0,0,.18);
}
.frame[hidden] { display: none; }
.card { padding: 12px 14px; outline: none; text-align: start; }
.card:focus-visible { box-shadow: inset 0 0 0 2px #2563eb; }
header { display: flex; align-items: flex-start; gap: 8px; }
h2 { margin: 0; font-size: 16px; flex: 1; display: flex; flex-direction: column; }
.name-en, .name-ar { text-align: start; } .name-en { font-size: 12px; color: #6b7280; font-weight: normal; }
h3 { margin: 10px 0 4px; font-size: 13px; color: #374151; }
.type { font-size: 11px; padding: 2px 8px; border-radius: 999px; background: #eef2ff; color: #3730a3; white-space: nowrap; }
.type-per { background: #dbeafe; color: #1e40af; } .type-org { background: #d1fae5; color: #065f46; }
.type-loc { background: #fef3c7; color: #92400e; } .type-date { background: #ede9fe; color: #5b21b6; }
.close { border: none; background: none; font-size: 18px; line-height: 1; cursor: pointer; color: #6b7280; padding: 0 4px; }
.description { margin: 8px 0; }
.facts { margin: 6px 0; display: grid; gap: 2px; }
.facts div { display: flex; gap: 6px; } .facts dt { color: #6b7280; } .facts dt::after { content: ":"; } .facts dd { margin: 0; }
.events { margin: 0; padding-inline-start: 18px; } .events li { margin: 2px 0; }
time { color: #4b5563; font-variant-numeric: tabular-nums; direction: ltr; unicode-bidi: isolate; }
.muted { color: #6b7280; margin: 6px 0; } .seen { margin: 8px 0 4px; color: #374151; font-size: 13px; }
a { color: #1d4ed8; }
.elsewhere { margin: 4px 0; padding-inline-start: 18px; font-size: 13px; }
footer { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 10px; }
footer button { font: inherit; font-size: 12px; padding: 4px 10px; border-radius: 6px; border: 1px solid #d1d5db; background: #f9fafb; cursor: pointer; }
footer button:hover, footer button:focus-visible { background: #eef2ff; border-color: #6366f1; }
.notice { margin: 8px 0 0; font-size: 12px; color: #065f46; }
.article-date { margin: 0 0 4px; font-size: 12px; color: #4b5563; }
.when { display: inline-block; margin-inline-start: 6px; font-size: 11px; padding: 0 6px; border-radius: 999px; background: #f3f4f6; color: #374151; }
.when-after { background: #fef3c7; color: #78350f; }
.keys { margin: 8px 0 0; font-size: 11px; color: #4b5563; }
a:focus-visible, button:focus-visible { outline: 2px solid #2563eb; outline-offset: 2px; }
@media (prefers-color-scheme: dark) {
  .frame { background: #111827; color: #e5e7eb; border-color: #374151; }
  .muted, .name-en, time, .keys, .article-date { color: #9ca3af; } h3, .seen { color: #d1d5db; } a { color: #93c5fd; }
  .when { background: #374151; color: #e5e7eb; } .when-after { background: #78350f; color: #fef3c7; }
  footer button { background: #1f2937; color: #e5e7eb; border-color: #4b5563; }
}
`;
