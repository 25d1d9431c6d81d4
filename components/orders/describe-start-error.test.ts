import { describe, expect, it } from "vitest";
import { ApiRequestError } from "@/components/fetch-json";
import { describeStartError } from "./describe-start-error";
import { ordersMessages } from "./messages";

const refusal = "Ozon no longer allows writing in this chat: the reply or start window has closed.";

describe("describeStartError", () => {
  it("keeps the server's words for Ozon's refusal", () => {
    const error = new ApiRequestError(409, "window_closed", refusal);
    expect(describeStartError(error, ordersMessages.en)).toBe(`Ozon refused to start the chat: ${refusal}`);
    expect(describeStartError(error, ordersMessages.ru)).toBe(`Ozon не разрешил начать чат: ${refusal}`);
  });

  it("says the start failed for any other error, with its words", () => {
    const unavailable = new ApiRequestError(503, "ozon_unavailable", "Ozon is not answering.");
    expect(describeStartError(unavailable, ordersMessages.en)).toBe("The chat could not be started: Ozon is not answering.");
    expect(describeStartError(new Error("boom"), ordersMessages.ru)).toBe("Не удалось открыть чат: boom");
  });
});
