// A fetch stub over the recorded answers (tests/fixtures/wikidata/lookup) that records every
// request the client makes, with its headers.
import { recordedAnswer } from "@/tests/fixtures/wikidata/lookup/routes";
import type { FetchLike } from "@/src/lookup/queue";

export const TEST_ENDPOINTS = { wikidata: "https://wd.test", wikipedia: "https://arwp.test" };

export interface RecordedRequest {
  url: URL;
  headers: Record<string, string>;
}

export function fakeWikimedia(override?: (url: URL) => Response | Promise<Response> | undefined): {
  fetch: FetchLike;
  requests: RecordedRequest[];
} {
  const requests: RecordedRequest[] = [];
  const fetch: FetchLike = async (url, init) => {
    const parsed = new URL(url);
    requests.push({ url: parsed, headers: { ...init.headers } });
    const special = await override?.(parsed);
    if (special) return special;
    const { status, body } = recordedAnswer(parsed);
    return new Response(JSON.stringify(body), {
      status,
      headers: { "content-type": "application/json" },
    });
  };
  return { fetch, requests };
}
