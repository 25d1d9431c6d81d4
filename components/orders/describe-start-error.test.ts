import { describe, expect, it } from "vitest";
import { ApiRequestError } from "@/components/fetch-json";
import { describeStartError } from "./describe-start-error";

describe("describeStartError", () => {
  it("says Ozon refused, with the reason told from its code in the page's language", () => {
    const error = new ApiRequestError(409, "window_closed", "Only the buyer can start a chat for an FBO posting.", { reason: "buyer_must_start" });
    expect(describeStartError(error, "en")).toBe("Ozon refused to start the chat: Only the buyer can start a chat for an FBO posting; wait for the buyer to write.");
    expect(describeStartError(error, "ru")).toBe("Ozon не разрешил начать чат: Чат по отправлению FBO может начать только покупатель: дождитесь его сообщения.");
  });

  it("says the start failed for any other error, never in the server's or the runtime's English on a Russian page", () => {
    const unavailable = new ApiRequestError(503, "ozon_unavailable", "Ozon is not answering.");
    expect(describeStartError(unavailable, "en")).toBe("The chat could not be started: Ozon is not answering right now; try again later.");
    expect(describeStartError(new Error("boom"), "ru")).toBe("Не удалось открыть чат: Не получилось. Попробуйте ещё раз.");
  });
});
