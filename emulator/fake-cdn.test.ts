/** The fake CDN: with serveImages, answers and pushes point images at the emulator, which serves a picture for each. */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withTestEmulator } from "./with-test-emulator";

const emulator = withTestEmulator({ rateLimit: 0, serveImages: true });

describe("the fake CDN", () => {
  const received: string[] = [];
  let receiver: Server;
  let receiverUrl = "";
  beforeAll(async () => {
    receiver = createServer((req, res) => {
      let body = "";
      req.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
      req.on("end", () => {
        received.push(body);
        res.writeHead(200, { "content-type": "application/json" }).end('{"result":true}');
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/push`;
  });
  afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

  it("moves an image's URL under the emulator in the history and in the push, and serves a picture there", async () => {
    const chat = (await emulator.control.state("demo-client")).chats.find((c) => c.chat_type === "BUYER_SELLER" && c.chat_status === "OPENED")!;
    await emulator.control.configurePush({ url: receiverUrl });
    const sent = await emulator.control.buyerMessage({ chat_id: chat.chat_id, text: "фото", is_image: true });
    // Kept as Ozon's CDN would write it: the state the tests read is unchanged.
    const stored = (await emulator.control.state("demo-client")).chats.find((c) => c.chat_id === chat.chat_id)!.messages.find((m) => m.message_id === sent.message_id)!;
    expect(stored.data[0]).toMatch(/^!\[image\]\(https:\/\/cdn\.ozon\.example\//);

    const history = await emulator.ozon.call("/v3/chat/history", { chat_id: chat.chat_id, limit: 5 });
    const image = (history.json as { messages: { message_id: string; data: string[] }[] }).messages.find((m) => m.message_id === sent.message_id)!;
    const url = /\((.+)\)/.exec(image.data[0]!)![1]!;
    expect(url.startsWith(`${emulator.url}/__emulator/cdn/`)).toBe(true);

    const picture = await fetch(url);
    expect(picture.status).toBe(200);
    expect(picture.headers.get("content-type")).toBe("image/svg+xml");
    expect(await picture.text()).toMatch(/^<svg /);

    expect((await emulator.control.waitForPushes(1)).done).toBe(true);
    expect(received.some((body) => body.includes(`${emulator.url}/__emulator/cdn/`) && !body.includes("cdn.ozon.example"))).toBe(true);
  });
});
