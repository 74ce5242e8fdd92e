// Names learned from reading (issue 16, part 3), end to end in Chromium and Firefox: two local test
// pages name the same analyst the knowledge base does not know. After the first is read, the
// second page's card says the name is learned and lists the first article with its date; the popup
// of the second page lists the name as learned and opens its panel with the first article.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  BROWSERS,
  launchExtension,
  waitUntil,
  type LaunchedExtension,
} from "../../tools/lib/harness";
import { cardText, markCenter } from "./marks";

const NAME = "نبيل الحمداني";
const FIRST_TITLE = "ضغوط على الحكومة في بغداد";

/** The unknown names the background keeps, read from its database in an extension page. */
function sightings(ext: LaunchedExtension): Promise<{ surface: string }[]> {
  return ext.inExtension(
    () =>
      new Promise<{ surface: string }[]>((resolve, reject) => {
        const request = indexedDB.open("siyaq");
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const db = request.result;
          const all = db.transaction("sightings").objectStore("sightings").getAll();
          all.onsuccess = () => {
            resolve(all.result as { surface: string }[]);
            db.close();
          };
          all.onerror = () => reject(all.error);
        };
      }),
    undefined,
  );
}

describe.each(BROWSERS)("names learned from reading in %s", (browser) => {
  let ext: LaunchedExtension;
  beforeAll(async () => {
    ext = await launchExtension(browser);
  });
  afterAll(async () => {
    await ext?.close();
  });

  it("the second page's card says the name is learned and lists the first article; the popup shows it", async () => {
    const first = await ext.newPage();
    await first.goto(`${ext.baseUrl}/fixtures/learned-first.html`);
    await first.bringToFront();
    await waitUntil(() => markCenter(first, "PER", NAME), { timeout: 30_000, interval: 250 });
    // The first article's unknown names reach the background's database.
    await expect
      .poll(async () => (await sightings(ext)).map((s) => s.surface), {
        timeout: 15_000,
        interval: 250,
      })
      .toContain(NAME);

    const secondUrl = `${ext.baseUrl}/fixtures/learned-second.html`;
    const second = await ext.newPage();
    await second.goto(secondUrl);
    await second.bringToFront();
    const { x, y } = (await waitUntil(() => markCenter(second, "PER", NAME), {
      timeout: 30_000,
      interval: 250,
    }))!;
    // The card is asked for once per hover: move off and back until the second page's report
    // has made the name learned.
    await expect
      .poll(
        async () => {
          await second.mouse.move(x - 200, y + 200);
          await second.mouse.move(x - 20, y);
          await second.mouse.move(x, y, { steps: 4 });
          await new Promise((done) => setTimeout(done, 600));
          return cardText(second);
        },
        { timeout: 20_000, interval: 250 },
      )
      .toContain("تعلّمه سياق مما قرأت: ورد في مقالين");
    const text = await cardText(second);
    expect(text).toContain(FIRST_TITLE);
    expect(text).toContain("2025-11-02");
    // The known names of the first article count as met with it.
    expect(text).toContain("ذُكر مع");
    expect(text).toContain("العراق (1)");
    // Its own page is not listed among "the articles it was in".
    expect(text).not.toContain("جولة جديدة من المحادثات");

    const popup = await ext.openPopup(secondUrl);
    const learned = `button[data-learned]`;
    await expect
      .poll(() => popup.count(learned), { timeout: 20_000, interval: 500 })
      .toBeGreaterThan(0);
    await popup.click(learned);
    await popup.waitFor('[data-testid="learned-seen"]', { timeout: 10_000 });
    expect(await popup.text('[data-testid="learned-seen"]')).toBe(
      "تعلّمه سياق مما قرأت: ورد في مقالين",
    );
    expect(await popup.texts('[data-testid="learned-panel"] ul.elsewhere a')).toEqual([
      "جولة جديدة من المحادثات",
      FIRST_TITLE,
    ]);
    await popup.close();
    await first.close();
    await second.close();
  });
});
