// Citation.js ships no types; the RIS reader test needs only this much of it.
declare module "@citation-js/core" {
  export const plugins: {
    input: { chain(input: string, options?: { generateGraph?: boolean }): unknown[] };
  };
}
declare module "@citation-js/plugin-ris";
