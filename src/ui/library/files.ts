// Moving export files out of and import files into the library page.

/** Offers `content` as a download named `filename`. */
export function download(content: string, filename: string, mimeType: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: mimeType }));
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

/** Reads a chosen file as UTF-8 text. */
export function readText(file: File): Promise<string> {
  return file.text();
}
