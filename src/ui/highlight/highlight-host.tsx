// Where the save button and editor live on a page: one host element outside <body> with a closed
// shadow root (the page's CSS and scripts cannot reach in), placed beside the selection and never
// over it.
import { createFloatingPanel } from "@/src/ui/floating-panel";
import type { Box, HighlightHost, HighlightPanelProps, PanelView } from "@/src/content/view";
import { HighlightPanel } from "./HighlightPanel";

const CSS = `
:host { all: initial; }
.frame {
  position: fixed; box-sizing: border-box; direction: rtl; text-align: right;
  font: 14px/1.5 system-ui, "Noto Naskh Arabic", "Segoe UI", Tahoma, sans-serif; color: #1f2937;
}
.frame[hidden] { display: none; }
.save-button {
  font: inherit; font-size: 13px; padding: 4px 10px; border-radius: 999px; cursor: pointer;
  border: 1px solid #ca8a04; background: #fef9c3; color: #713f12; box-shadow: 0 4px 12px rgba(0,0,0,.15);
}
.save-button:hover, .save-button:focus-visible { background: #fde047; outline: 2px solid #2563eb; outline-offset: 1px; }
.editor, .status, .saved {
  width: 320px; max-width: calc(100vw - 16px); box-sizing: border-box; margin: 0; padding: 12px;
  background: #fff; border: 1px solid #d1d5db; border-radius: 10px; box-shadow: 0 10px 30px rgba(0,0,0,.18);
}
.editor { display: grid; gap: 8px; overflow: auto; max-height: inherit; }
.quote { margin: 0; padding: 4px 8px; border-inline-start: 3px solid #facc15; color: #374151; max-height: 6em; overflow: auto; }
label { display: grid; gap: 2px; font-size: 12px; color: #4b5563; }
textarea, input { font: inherit; font-size: 14px; padding: 4px 6px; border: 1px solid #d1d5db; border-radius: 6px; color: #111827; background: #fff; }
textarea:focus, input:focus { outline: 2px solid #2563eb; outline-offset: 0; }
.actions { display: flex; gap: 6px; }
.actions button { font: inherit; font-size: 13px; padding: 4px 12px; border-radius: 6px; border: 1px solid #d1d5db; background: #f9fafb; cursor: pointer; }
.actions .primary { background: #1d4ed8; border-color: #1d4ed8; color: #fff; }
.actions button:focus-visible { outline: 2px solid #2563eb; outline-offset: 1px; }
.status.error { color: #991b1b; }
.saved { display: grid; gap: 6px; outline: none; text-align: start; }
.saved:focus-visible { box-shadow: 0 0 0 2px #2563eb, 0 10px 30px rgba(0,0,0,.18); }
.saved-title { margin: 0; font-size: 13px; color: #92400e; }
.saved-note { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; max-height: 12em; overflow: auto; }
.saved-tags { margin: 0; padding: 0; list-style: none; display: flex; flex-wrap: wrap; gap: 4px; }
.saved-tags li { font-size: 12px; padding: 0 8px; border-radius: 999px; background: #fef3c7; color: #78350f; }
.muted { margin: 0; color: #6b7280; }
.keys { margin: 0; font-size: 11px; color: #4b5563; }
`;

export function createHighlightHost(
  doc: Document,
  handlers: Omit<HighlightPanelProps, "view">,
): HighlightHost {
  const panel = createFloatingPanel(doc, {
    tag: "siyaq-highlight-ui",
    kind: "highlight",
    css: CSS,
  });
  let current: PanelView | null = null;
  let anchor: Box | null = null;
  return {
    show(view, selection) {
      current = view;
      if (selection) anchor = selection;
      // Saved from the context menu or shortcut with no box to go by: the top corner where RTL
      // reading starts.
      const box = anchor ?? { top: 0, left: doc.defaultView?.innerWidth ?? 0, width: 0, height: 0 };
      panel.show(<HighlightPanel view={view} {...handlers} />, box);
    },
    hide() {
      current = null;
      panel.hide();
    },
    get view() {
      return current;
    },
    isOurs: (target) => panel.isOurs(target),
    destroy() {
      current = null;
      panel.destroy();
    },
  };
}
