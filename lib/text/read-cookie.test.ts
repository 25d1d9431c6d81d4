import { expect, it } from "vitest";
import { readCookie } from "./read-cookie";

it("reads one cookie of a header, whatever its place and spacing, and nothing of a longer or shorter name", () => {
  expect(readCookie("a=b; seller-inbox-view=mine;x=1", "seller-inbox-view")).toBe("mine");
  expect(readCookie("seller-inbox-view=all", "seller-inbox-view")).toBe("all");
  expect(readCookie("seller-inbox-view-old=all; inbox-view=mine", "seller-inbox-view")).toBeUndefined();
  expect(readCookie("token=a=b", "token")).toBe("a=b");
  expect(readCookie(undefined, "a")).toBeUndefined();
  expect(readCookie("", "a")).toBeUndefined();
});
