import { describe, expect, it } from "vitest";
import { errorText } from "@/src/shared/error-text";

describe("errorText", () => {
  it("gives an Error's message, not its name or stack", () => {
    expect(errorText(new TypeError("pack is not valid JSON"))).toBe("pack is not valid JSON");
  });

  it("gives anything else thrown as text", () => {
    expect(errorText("quota exceeded")).toBe("quota exceeded");
    expect(errorText(404)).toBe("404");
    expect(errorText(undefined)).toBe("undefined");
    expect(errorText({ toString: () => "a custom rejection" })).toBe("a custom rejection");
  });
});
