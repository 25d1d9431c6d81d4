import type http from "node:http";
import type { TLSSocket } from "node:tls";
import { securityHeadersForRequest } from "@/lib/http/security-headers-for-request";
import { interceptRequests } from "@/lib/net/intercept-requests";
import { sendWebResponse } from "@/lib/net/send-web-response";
import { toWebRequest } from "@/lib/net/to-web-request";
import { answerPush } from "./answer-push";

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
  interceptRequests("push-receiver", (request, response) => {
    const match = request.method === "POST" ? PUSH_PATH.exec(request.url ?? "") : null;
    if (!match) return false;
    void receive(match[1]!, request, response);
    return true;
  });
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
