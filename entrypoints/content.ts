import { startContent } from "@/src/page/content-main";

export default defineContentScript({
  matches: ["http://*/*", "https://*/*"],
  runAt: "document_idle",
  main(ctx) {
    startContent(ctx.signal);
  },
});
