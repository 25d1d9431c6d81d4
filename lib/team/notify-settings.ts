/**
 * A user's choices of team notifications (components/team/pick-notification.ts decides with them), kept by the
 * server per user (lib/team/get-notify-settings.ts). No zod here: the inbox's tabs import this.
 */
export type NotifySettings = {
  /** A buyer's new message in a chat the user owns. */
  ownChats: boolean;
  /** A buyer's new message in an unassigned chat (the pool). */
  pool: boolean;
  /** A sound with each notice. */
  sound: boolean;
};

/** What a user who never chose gets: their own chats' messages, silently. */
export const DEFAULT_NOTIFY_SETTINGS: NotifySettings = { ownChats: true, pool: false, sound: false };
