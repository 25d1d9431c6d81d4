import { describe, expect, it } from "vitest";
import { z } from "zod";
import { errorResponse } from "./error-response";
import { readJsonBody } from "./read-json-body";

const schema = z.object({ name: z.string().min(1), count: z.number().int().optional() });

function post(body: BodyInit | null, headers: Record<string, string> = {}) {
  return new Request("http://localhost/x", { method: "POST", body, headers: { "content-type": "application/json", ...headers } });
}

async function failure(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    const response = errorResponse(error);
    return { status: response.status, ...((await response.json()) as { error: { code: string; message: string } }).error };
  }
  throw new Error("expected a failure");
}

/** A body sent in chunks without a Content-Length (as a chunked upload arrives). */
function streamOf(totalBytes: number, chunkBytes = 8192): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= totalBytes) return controller.close();
      const size = Math.min(chunkBytes, totalBytes - sent);
      sent += size;
      controller.enqueue(new Uint8Array(size).fill(0x20));
    },
  });
}

describe("readJsonBody", () => {
  it("returns the parsed, checked body", async () => {
    expect(await readJsonBody(post(JSON.stringify({ name: "Olga", count: 2 })), schema)).toEqual({ name: "Olga", count: 2 });
  });

  it("names the field that is missing or of the wrong type", async () => {
    const missing = await failure(readJsonBody(post(JSON.stringify({ count: 2 })), schema));
    expect(missing).toMatchObject({ status: 400, code: "invalid_input" });
    expect(missing.message).toMatch(/^Invalid name: /);
    const wrongType = await failure(readJsonBody(post(JSON.stringify({ name: "x", count: "two" })), schema));
    expect(wrongType.message).toMatch(/^Invalid count: /);
  });

  it("refuses an empty body and one that is not JSON", async () => {
    expect(await failure(readJsonBody(post(null), schema))).toMatchObject({ status: 400, code: "body_missing" });
    expect(await failure(readJsonBody(post("{name:"), schema))).toMatchObject({
      status: 400,
      code: "body_not_json",
      message: "The request body is not valid JSON.",
    });
  });

  it("refuses by Content-Length before reading", async () => {
    const request = post("{}", { "content-length": String(70 * 1024) });
    expect(await failure(readJsonBody(request, schema))).toMatchObject({ status: 413, code: "payload_too_large" });
  });

  it("refuses by the bytes actually sent when no Content-Length says so", async () => {
    const request = new Request("http://localhost/x", { method: "POST", body: streamOf(200 * 1024), duplex: "half", headers: { "content-type": "application/json" } } as RequestInit);
    const result = await failure(readJsonBody(request, schema));
    expect(result).toMatchObject({ status: 413, code: "payload_too_large", message: "The request is too large: at most 64 KiB is accepted." });
  });

  it("honours a custom limit", async () => {
    const body = JSON.stringify({ name: "x".repeat(2000) });
    expect(await failure(readJsonBody(post(body), schema, { maxBytes: 1024 }))).toMatchObject({ status: 413 });
    expect((await readJsonBody(post(body), schema, { maxBytes: 4096 })).name).toHaveLength(2000);
  });
});

describe("readJsonBody's content type", () => {
  it("refuses the types a cross-site form or no-cors fetch can send, with 415", async () => {
    for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", ""]) {
      const request = new Request("http://localhost/x", { method: "POST", body: JSON.stringify({ name: "Olga" }), headers: { "content-type": type } });
      if (type === "") request.headers.delete("content-type");
      expect(await failure(readJsonBody(request, schema))).toMatchObject({ status: 415, code: "unsupported_media_type" });
    }
  });

  it("accepts application/json with parameters, in any case", async () => {
    const request = post(JSON.stringify({ name: "Olga" }), { "content-type": "Application/JSON; charset=utf-8" });
    expect(await readJsonBody(request, schema)).toEqual({ name: "Olga" });
  });
});
