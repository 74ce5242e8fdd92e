// What went wrong, as one line of text, from anything a `catch` can receive. Pure: runs in every
// context and in Node (tools), so every error message in the product and the tools reads the same.

/** The message of an `Error`, else the thrown value as text. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
