// Reads the tags field: tags are separated by Latin or Arabic commas, semicolons or new lines.
export function tagsFromInput(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[,،;؛\n]/)
        .map((tag) => tag.trim())
        .filter(Boolean),
    ),
  ].slice(0, 50);
}
