import { startContent } from "@/src/content/content-main";
import { startHighlights } from "@/src/content/highlights/highlights";

export default defineContentScript({
  matches: ["http://*/*", "https://*/*"],
  // Same-origin and srcdoc frames are part of the article (src/page/frame.ts decides which frames
  // are read; a frame of another origin is left alone). about:srcdoc frames need matchAboutBlank.
  allFrames: true,
  matchAboutBlank: true,
  runAt: "document_idle",
  main(ctx) {
    startContent(ctx.signal);
    // Saved passages are anchored in, and saved from, the top document of a web page only: Firefox
    // also runs this in a new tab's initial about:blank, whose request the background refuses.
    if (window.top === window && /^https?:$/.test(location.protocol)) startHighlights(ctx.signal);
  },
});
