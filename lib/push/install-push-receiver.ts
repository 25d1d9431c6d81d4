import http from "node:http";
import type { TLSSocket } from "node:tls";
import { securityHeadersForRequest } from "@/lib/http/security-headers-for-request";
import { sendWebResponse } from "@/lib/net/send-web-response";
import { toWebRequest } from "@/lib/net/to-web-request";
import { answerPush } from "./answer-push";

const INSTALLED = Symbol.for("seller-inbox.push-receiver");
const PUSH_PATH = /^\/api\/push\/([^/?#]+)(?:\?.*)?$/;

/**
 * Ozon's pushes are answered by this process's HTTP server itself, before Next.js sees them: Next's way through its
 * proxy and route machinery costs ~2.5 ms of CPU a request here, which a flood of 200 pushes a second turns into
 * queueing (Ozon gives up after 5 s and suspends a URL that keeps failing). The answer is the route's own
 * (answer-push.ts: same checks, same body, the same security headers as every answer). Installed once per process
 * from instrumentation.ts, on the server Next creates (no custom server); anything but POST /api/push/<token> goes on
 * to Next unchanged.
 */
export function installPushReceiver(): void {
  const proto = http.Server.prototype as http.Server & { [INSTALLED]?: true };
  if (proto[INSTALLED]) return;
  proto[INSTALLED] = true;
  const emit = proto.emit as (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean;
  proto.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const request = args[0] as http.IncomingMessage;
      const match = request.method === "POST" ? PUSH_PATH.exec(request.url ?? "") : null;
      if (match) {
        void receive(match[1]!, request, args[1] as http.ServerResponse);
        return true;
      }
    }
    return emit.call(this, event, ...args);
  } as typeof proto.emit;
}

async function receive(pathToken: string, incoming: http.IncomingMessage, outgoing: http.ServerResponse): Promise<void> {
  try {
    const request = toWebRequest(incoming);
    // A token is base64url; a malformed escape cannot be one, and the receiver refuses it as unknown.
    const token = safeDecode(pathToken);
    const response = await answerPush(token, request);
    const protocol = (incoming.socket as TLSSocket).encrypted ? "https:" : "http:";
    await sendWebResponse(outgoing, response, securityHeadersForRequest(request.headers, protocol));
  } catch {
    // answerPush answers its own failures; this is the socket's (a client gone mid-answer): nothing to tell anyone.
    if (!outgoing.headersSent) outgoing.destroy();
  }
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return "";
  }
}
