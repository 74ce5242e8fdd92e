// The content script's life on one page: ask the background it is there, read the page, report.
import { sendMessage } from "@/src/messaging/client";

export async function startContent(signal: AbortSignal): Promise<void> {
  const { ready } = await sendMessage("ping", {});
  if (!ready || signal.aborted) return;
  const text = document.body?.innerText ?? "";
  const { mentions } = await sendMessage("recognize", { text });
  await sendMessage("page.report", { url: location.href, title: document.title, mentionCount: mentions.length });
}
