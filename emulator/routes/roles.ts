/** POST /v1/roles — the key's roles and its expiry (80 days ahead for demo, 10 for basic, so a warning shows). */
import { DAY } from "../state";
import { iso } from "../render";
import type { Route } from "./types";

export const roles: Route = {
  premium: false,
  mutates: false,
  handle({ seller, now }) {
    const days = seller.clientId === "basic-client" ? 10 : 80;
    return {
      roles: [
        { name: "Chat", methods: ["/v3/chat/list", "/v3/chat/history", "/v1/chat/send/message", "/v1/chat/send/file", "/v1/chat/start", "/v2/chat/read"] },
        { name: "Posting FBS", methods: ["/v3/posting/fbs/get", "/v4/posting/fbs/list"] },
        { name: "Posting FBO", methods: ["/v2/posting/fbo/get", "/v3/posting/fbo/list"] },
        { name: "Seller", methods: ["/v1/roles", "/v1/seller/info"] },
      ],
      expires_at: iso(now + days * DAY),
    };
  },
};
