import { describe, expect, it } from "vitest";
import {
  PACK_LIMITS,
  PackError,
  compareVersions,
  isCalendarDate,
  parsePack,
} from "@/src/contracts/pack-schema";
import { samplePack } from "../kb/sample-pack";

const errorOf = (json: string) => {
  try {
    parsePack(json);
  } catch (error) {
    expect(error).toBeInstanceOf(PackError);
    return (error as Error).message;
  }
  throw new Error("expected the pack to be rejected");
};

describe("parsePack", () => {
  it("accepts a well-formed pack", () => {
    const pack = parsePack(JSON.stringify(samplePack()));
    expect(pack.entities).toHaveLength(6);
    expect(pack.events[1]!.place).toBe("country:iq");
  });

  it("names the record and field of a wrong type", () => {
    const pack = samplePack();
    (pack.entities[4]!.names as { ar: unknown }).ar = 17;
    expect(errorOf(JSON.stringify(pack))).toBe("entities[4].names.ar: expected string, got number");
  });

  it("names missing, unknown and badly shaped fields", () => {
    const missing = samplePack() as unknown as { entities: Record<string, unknown>[] };
    delete missing.entities[1]!.aliases;
    expect(errorOf(JSON.stringify(missing))).toBe("entities[1].aliases: missing");

    const unknown = samplePack() as unknown as { events: Record<string, unknown>[] };
    unknown.events[0]!.titel = "x";
    expect(errorOf(JSON.stringify(unknown))).toBe("events[0].titel: unknown field");

    expect(errorOf(JSON.stringify(samplePack({ id: "Not Valid" })))).toMatch(/^id: must match/);
    expect(errorOf(JSON.stringify(samplePack({ version: "v2" })))).toMatch(
      /^version: must be dotted numbers/,
    );
    const badId = samplePack();
    badId.entities[0]!.id = "country iq";
    expect(errorOf(JSON.stringify(badId))).toMatch(/^entities\[0\]\.id: must match/);
    const badType = samplePack();
    (badType.entities[2] as { type: string }).type = "DATE";
    expect(errorOf(JSON.stringify(badType))).toMatch(/^entities\[2\]\.type: must be one of/);
    const badQid = samplePack();
    badQid.entities[0]!.qid = "796";
    expect(errorOf(JSON.stringify(badQid))).toMatch(/^entities\[0\]\.qid/);
  });

  it("accepts a fact's asOf date and names a malformed one", () => {
    expect(parsePack(JSON.stringify(samplePack())).entities[4]!.facts![0]!.asOf).toBe("2025-10");
    const pack = samplePack();
    pack.entities[4]!.facts![0]!.asOf = "2025-13";
    expect(errorOf(JSON.stringify(pack))).toBe("entities[4].facts[0].asOf: is not a calendar date");
    pack.entities[4]!.facts![0]!.asOf = "October 2025";
    expect(errorOf(JSON.stringify(pack))).toMatch(/^entities\[4\]\.facts\[0\]\.asOf: must be YYYY/);
  });

  it("rejects malformed and truncated JSON", () => {
    const json = JSON.stringify(samplePack());
    expect(errorOf(json.slice(0, json.length / 2))).toMatch(/^not valid JSON/);
    expect(errorOf("{format: 'siyaq-pack'}")).toMatch(/^not valid JSON/);
    expect(errorOf("")).toMatch(/^not valid JSON/);
    expect(errorOf("[]")).toBe("pack: expected an object, got array");
    expect(errorOf(JSON.stringify({ ...samplePack(), formatVersion: 2 }))).toMatch(
      /^formatVersion: must be 1/,
    );
  });

  it("rejects duplicate ids and events pointing at unknown entities", () => {
    const duplicate = samplePack();
    duplicate.entities.push({ ...duplicate.entities[0]! });
    expect(errorOf(JSON.stringify(duplicate))).toBe('entities[6].id: duplicate id "country:iq"');

    const duplicateEvent = samplePack();
    duplicateEvent.events.push({ ...duplicateEvent.events[0]! });
    expect(errorOf(JSON.stringify(duplicateEvent))).toBe(
      'events[3].id: duplicate id "event:2014-06-10-fall-of-mosul"',
    );

    const dangling = samplePack();
    dangling.events[1]!.entityIds.push("per:nobody");
    expect(errorOf(JSON.stringify(dangling))).toBe(
      'events[1].entityIds[3]: unknown entity "per:nobody"',
    );
    expect(
      parsePack(JSON.stringify(dangling), { knownEntityIds: new Set(["per:nobody"]) }).events,
    ).toHaveLength(3);

    const badPlace = samplePack();
    badPlace.events[1]!.place = "city:atlantis";
    expect(errorOf(JSON.stringify(badPlace))).toBe(
      'events[1].place: unknown entity "city:atlantis"',
    );
  });

  it("checks event dates at their precision", () => {
    for (const [date, valid] of [
      ["2014", true],
      ["2014-06", true],
      ["2024-02-29", true],
      ["2023-02-29", false],
      ["2014-13", false],
      ["2014-6-1", false],
      ["14-06-10", false],
    ] as const) {
      const pack = samplePack();
      pack.events[0]!.date = date;
      if (valid) expect(parsePack(JSON.stringify(pack)).events[0]!.date).toBe(date);
      else expect(errorOf(JSON.stringify(pack))).toMatch(/^events\[0\]\.date: /);
    }
    expect(isCalendarDate("2000-02-29")).toBe(true);
    expect(isCalendarDate("1900-02-29")).toBe(false);
  });

  it("keeps markup in strings as inert text but refuses control characters", () => {
    const hostile = samplePack();
    hostile.entities[0]!.names.ar = '<script>alert("x")</script>';
    hostile.entities[0]!.description = { en: '<img src=x onerror="alert(1)">' };
    const pack = parsePack(JSON.stringify(hostile));
    expect(pack.entities[0]!.names.ar).toBe('<script>alert("x")</script>');
    expect(pack.entities[0]!.description!.en).toBe('<img src=x onerror="alert(1)">');

    const control = samplePack();
    control.entities[3]!.aliases.push("داعش\u0000");
    expect(errorOf(JSON.stringify(control))).toBe(
      "entities[3].aliases[2]: contains control characters",
    );
  });

  it("enforces limits on oversized input", () => {
    const longName = samplePack();
    longName.entities[0]!.names.en = "x".repeat(PACK_LIMITS.maxNameLength + 1);
    expect(errorOf(JSON.stringify(longName))).toMatch(/^entities\[0\]\.names\.en: longer than/);

    const manyAliases = samplePack();
    manyAliases.entities[0]!.aliases = Array.from(
      { length: PACK_LIMITS.maxAliases + 1 },
      (_, i) => `alias ${i}`,
    );
    expect(errorOf(JSON.stringify(manyAliases))).toMatch(/^entities\[0\]\.aliases: more than/);

    const tooMany = { ...samplePack(), entities: new Array(PACK_LIMITS.maxEntities + 1).fill(0) };
    expect(errorOf(JSON.stringify(tooMany))).toMatch(/^entities: more than/);

    expect(errorOf(" ".repeat(PACK_LIMITS.maxFileChars + 1))).toMatch(/^file too large/);
  });
});

describe("compareVersions", () => {
  it("compares dotted numbers numerically", () => {
    expect(compareVersions("2026.11.29", "2026.12.1")).toBeLessThan(0);
    expect(compareVersions("2026.11.10", "2026.11.9")).toBeGreaterThan(0);
    expect(compareVersions("1.0", "1")).toBe(0);
    expect(compareVersions("2", "10")).toBeLessThan(0);
  });
});
