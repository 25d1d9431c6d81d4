import { describe, expect, it } from "vitest";
import { checkAttachment } from "./check-attachment";

describe("checkAttachment", () => {
  it("accepts the allowed types up to 10 MiB", () => {
    expect(checkAttachment({ name: "photo.JPG", size: 1000 })).toBeNull();
    expect(checkAttachment({ name: "invoice.pdf", size: 10 * 1024 * 1024 })).toBeNull();
  });
  it("refuses other types, empty and larger files", () => {
    expect(checkAttachment({ name: "script.exe", size: 10 })).toEqual({ problem: "type" });
    expect(checkAttachment({ name: "a.png", size: 0 })).toEqual({ problem: "empty" });
    expect(checkAttachment({ name: "a.png", size: 10 * 1024 * 1024 + 1 })).toEqual({ problem: "size", mib: "10.0" });
  });
});
