// Saves text the user exported (a pack, all data, highlights) as a file through the browser's
// download bar. Shared by the options and library pages.

export function downloadText(filename: string, text: string, type = "application/json"): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  link.style.display = "none";
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: some browsers read the blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** `siyaq-data-2026-11-29.json`: a dated name, so exports made on different days do not collide. */
export function datedFilename(stem: string, now = new Date()): string {
  return `${stem}-${now.toISOString().slice(0, 10)}.json`;
}
