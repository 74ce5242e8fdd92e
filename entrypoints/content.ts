import { startContent } from "@/src/page/content-main";
import { startHighlights } from "@/src/highlights/content";

export default defineContentScript({
  matches: ["http://*/*", "https://*/*"],
  runAt: "document_idle",
  main(ctx) {
    startContent(ctx.signal);
    startHighlights(ctx.signal);
  },
});
