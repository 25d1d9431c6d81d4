import { expect, it } from "vitest";
import { readInboxChoices } from "./inbox-choices";

it("reads the remembered view and review order from the cookies, the defaults for what is missing or unknown", () => {
  expect(readInboxChoices("seller-inbox-view=all; seller-inbox-review-order=low_rating")).toEqual({ view: "all", reviewOrder: "low_rating" });
  expect(readInboxChoices("seller-inbox-view=mine")).toEqual({ view: "mine", reviewOrder: "deadline" });
  expect(readInboxChoices("seller-inbox-view=everything; seller-inbox-review-order=")).toEqual({ view: "needs_reply", reviewOrder: "deadline" });
  expect(readInboxChoices(undefined)).toEqual({ view: "needs_reply", reviewOrder: "deadline" });
});
