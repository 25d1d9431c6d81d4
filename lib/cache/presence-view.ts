import { z } from "zod";

/** Who else has a chat open, as the browser sees it: each agent with until when they count as viewing / typing. */
const presenceViewerSchema = z.object({
  userId: z.string(),
  name: z.string(),
  viewingUntil: z.iso.datetime(),
  typingUntil: z.iso.datetime().nullable(),
});
export type PresenceViewer = z.infer<typeof presenceViewerSchema>;

/**
 * A chat's viewers as one read saw them. `asOf` is taken when that read completed: an answer can reach a tab after a
 * live event read later (a heartbeat's answer in flight while a colleague opens the chat), and the tab keeps the
 * newest, never letting the older answer hide the colleague until the next heartbeat.
 */
export const chatPresenceSchema = z.object({ viewers: z.array(presenceViewerSchema), asOf: z.iso.datetime() });
export type ChatPresence = z.infer<typeof chatPresenceSchema>;
