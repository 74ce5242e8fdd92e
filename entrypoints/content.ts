import { startContent } from "@/src/content/content-main";
import { saveSentenceAround, startHighlights } from "@/src/content/highlights/highlights";
import { createCardHost } from "@/src/ui/card/card-host";
import { createHighlightHost } from "@/src/ui/highlight/highlight-host";

export default defineContentScript({
  matches: ["http://*/*", "https://*/*"],
  // Same-origin and srcdoc frames are part of the article (src/dom/frame.ts decides which frames
  // are read; a frame of another origin is left alone). about:srcdoc frames need matchAboutBlank.
  allFrames: true,
  matchAboutBlank: true,
  runAt: "document_idle",
  main(ctx) {
    // The content script owns what a page shows (src/content/view.ts); the Preact views are
    // handed in here, with the highlights' save for the card's button.
    startContent(ctx.signal, { createCardHost, saveSentence: saveSentenceAround });
    // Saved passages are anchored in, and saved from, the top document of a web page only: Firefox
    // also runs this in a new tab's initial about:blank, whose request the background refuses.
    if (window.top === window && /^https?:$/.test(location.protocol))
      startHighlights(ctx.signal, createHighlightHost);
  },
});
