// Highlight requests (save, list, search, export, import): schemas and answer types.
import * as v from "valibot";

export const highlightRequests = {};

export interface HighlightResponses {}
