/**
 * The `--state FILE` snapshot: the whole world plus the clock offset as plain JSON (ids as decimal strings),
 * written atomically (temp file + rename).
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { emptyFeedback, type SellerFeedback } from "./feedback";
import {
  MessageLog,
  refreshDerived,
  type AuthorCode,
  type Chat,
  type ModerationCode,
  type Posting,
  type Seller,
  type World,
} from "./state";

interface ChatSnapshot {
  chatId: string;
  type: Chat["type"];
  status: Chat["status"];
  createdAt: number;
  postingNumber: string | null;
  peerId: string;
  readCount: number;
  /** texts are indices into Snapshot.texts: big shops repeat the same few hundred texts millions of times. */
  messages: { ids: string[]; times: number[]; authors: number[]; moderation: number[]; context: number[]; texts: number[] };
}

interface SellerSnapshot {
  clientId: string;
  apiKey: string;
  sellerId: string;
  companyName: string;
  subscription: Seller["subscription"];
  anchor: number;
  lastMessageId: string;
  postings: Posting[];
  chats: ChatSnapshot[];
  /** Questions and reviews as they are (plain objects); absent in files written before they existed. */
  feedback?: SellerFeedback;
}

export interface Snapshot {
  format: "ozon-emulator-state";
  version: 1;
  seed: number;
  seededAt: number;
  clockOffsetMs: number;
  texts: string[];
  sellers: SellerSnapshot[];
}

export function toSnapshot(world: World, clockOffsetMs: number): Snapshot {
  const texts: string[] = [];
  const textIndex = new Map<string, number>();
  const intern = (text: string): number => {
    let i = textIndex.get(text);
    if (i === undefined) {
      i = texts.push(text) - 1;
      textIndex.set(text, i);
    }
    return i;
  };
  return {
    format: "ozon-emulator-state",
    version: 1,
    seed: world.seed,
    seededAt: world.seededAt,
    clockOffsetMs,
    texts,
    sellers: [...world.sellers.values()].map((s) => ({
      clientId: s.clientId,
      apiKey: s.apiKey,
      sellerId: s.sellerId,
      companyName: s.companyName,
      subscription: s.subscription,
      anchor: s.anchor,
      lastMessageId: s.lastMessageId.toString(),
      postings: [...s.postings.values()],
      feedback: s.feedback,
      chats: s.chats.map((c) => {
        const n = c.log.length;
        return {
          chatId: c.chatId,
          type: c.type,
          status: c.status,
          createdAt: c.createdAt,
          postingNumber: c.postingNumber,
          peerId: c.peerId,
          readCount: c.readCount,
          messages: {
            ids: Array.from(c.log.ids.subarray(0, n), (id) => id.toString()),
            times: Array.from(c.log.times.subarray(0, n)),
            authors: Array.from(c.log.authors.subarray(0, n)),
            moderation: Array.from(c.log.moderation.subarray(0, n)),
            context: Array.from(c.log.context.subarray(0, n)),
            texts: c.log.texts.slice(0, n).map(intern),
          },
        };
      }),
    })),
  };
}

export function fromSnapshot(snap: Snapshot): { world: World; clockOffsetMs: number } {
  if (snap.format !== "ozon-emulator-state" || snap.version !== 1) throw new Error("not an emulator state file (format/version)");
  const sellers = new Map<string, Seller>();
  for (const s of snap.sellers) {
    const seller: Seller = {
      clientId: s.clientId,
      apiKey: s.apiKey,
      sellerId: s.sellerId,
      companyName: s.companyName,
      subscription: s.subscription,
      anchor: s.anchor,
      lastMessageId: BigInt(s.lastMessageId),
      chats: [],
      chatsById: new Map(),
      postings: new Map(s.postings.map((p) => [p.posting_number, p])),
      totalUnread: 0,
      sortedChats: null,
      feedback: s.feedback ?? emptyFeedback(),
    };
    for (const c of s.chats) {
      const m = c.messages;
      const log = new MessageLog(m.ids.length);
      for (let i = 0; i < m.ids.length; i++) {
        log.push(BigInt(m.ids[i]!), m.times[i]!, m.authors[i] as AuthorCode, snap.texts[m.texts[i]!]!, m.moderation[i] as ModerationCode, m.context[i] === 1);
      }
      const chat: Chat = {
        chatId: c.chatId,
        type: c.type,
        status: c.status,
        createdAt: c.createdAt,
        postingNumber: c.postingNumber,
        peerId: c.peerId,
        log,
        readCount: c.readCount,
        unread: 0,
        activity: 0n,
      };
      seller.chats.push(chat);
      seller.chatsById.set(chat.chatId, chat);
    }
    refreshDerived(seller);
    sellers.set(seller.clientId, seller);
  }
  return { world: { seed: snap.seed, seededAt: snap.seededAt, sellers }, clockOffsetMs: snap.clockOffsetMs };
}

export function loadSnapshotFile(file: string): Snapshot | null {
  if (!existsSync(file)) return null;
  return JSON.parse(readFileSync(file, "utf8")) as Snapshot;
}

export function saveSnapshotFile(file: string, snap: Snapshot): void {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(snap));
  renameSync(tmp, file);
}
