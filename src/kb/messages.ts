// Knowledge-base requests (entities, events, packs, mentions): schemas and answer types.
import * as v from "valibot";

export const kbRequests = {};

export interface KbResponses {}
