/**
 * POST /v1/chat/send/file — JSON {chat_id, base64_content, name}. Ozon documents no limits; ours [inf]:
 * at most 10 MiB decoded, extensions jpg, jpeg, png, gif, webp, pdf, heic. Images appear in history as
 * is_image with a markdown image link; documents as a markdown link.
 */
import { badRequest } from "../errors";
import { reqString } from "../input";
import { sendDenial } from "../rules";
import { appendMessage, Author, Moderation } from "../state";
import { findChat, type Route } from "./types";

const MAX_FILE_BYTES = 10 * 1024 * 1024;
const IMAGE_EXTENSIONS = new Set(["jpg", "jpeg", "png", "gif", "webp", "heic"]);
const DOCUMENT_EXTENSIONS = new Set(["pdf"]);
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function decodedSize(base64: string): number {
  const padding = base64.endsWith("==") ? 2 : base64.endsWith("=") ? 1 : 0;
  return (base64.length / 4) * 3 - padding;
}

export const chatSendFile: Route = {
  premium: true,
  mutates: true,
  handle({ seller, body, now }) {
    const chatId = reqString(body, "chat_id");
    const content = reqString(body, "base64_content").replace(/\s+/g, "");
    const name = reqString(body, "name");
    const ext = /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase();
    if (!ext || !(IMAGE_EXTENSIONS.has(ext) || DOCUMENT_EXTENSIONS.has(ext))) {
      throw badRequest("name must end with one of .jpg, .jpeg, .png, .gif, .webp, .pdf, .heic");
    }
    if (content.length === 0 || content.length % 4 !== 0 || !BASE64.test(content)) throw badRequest("base64_content must be valid base64");
    const size = decodedSize(content);
    if (size === 0) throw badRequest("base64_content must not be empty");
    if (size > MAX_FILE_BYTES) throw badRequest("file must be at most 10 MiB");

    const chat = findChat(seller, chatId);
    const posting = chat.postingNumber ? seller.postings.get(chat.postingNumber) : undefined;
    const denial = sendDenial(chat, posting, now);
    if (denial) throw denial;

    const isImage = IMAGE_EXTENSIONS.has(ext);
    const url = `https://cdn.ozon.example/chat/${chat.chatId}/${now.toString(36)}-${encodeURIComponent(name)}`;
    // [inf] Ozon does not document how files look in history; seller images are shown as already moderated.
    // No push [inf]: Ozon pushes what the seller did not do; the seller knows what it sent.
    appendMessage(seller, chat, now, Author.Seller, isImage ? `![${name}](${url})` : `[${name}](${url})`, {
      moderation: isImage ? Moderation.SUCCESS : Moderation.None,
    });
    return { result: "success" };
  },
};
