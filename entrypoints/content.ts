import { startContent } from "@/src/page/content-main";
import { startHighlights } from "@/src/highlights/content";

export default defineContentScript({
  matches: ["http://*/*", "https://*/*"],
  // Same-origin and srcdoc frames are part of the article (src/page/frame.ts decides which frames
  // are read; a frame of another origin is left alone). about:srcdoc frames need matchAboutBlank.
  allFrames: true,
  matchAboutBlank: true,
  runAt: "document_idle",
  main(ctx) {
    startContent(ctx.signal);
    // Saved passages are anchored in, and saved from, the top document only.
    if (window.top === window) startHighlights(ctx.signal);
  },
});
