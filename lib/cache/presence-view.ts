import { z } from "zod";

/** Who else has a chat open, as the browser sees it: each agent with until when they count as viewing / typing. */
export const presenceViewerSchema = z.object({
  userId: z.string(),
  name: z.string(),
  viewingUntil: z.iso.datetime(),
  typingUntil: z.iso.datetime().nullable(),
});
export type PresenceViewer = z.infer<typeof presenceViewerSchema>;
