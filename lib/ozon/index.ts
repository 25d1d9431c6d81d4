/**
 * Typed client for Ozon Seller API chat methods (and the posting/account methods the inbox needs).
 *
 * Every function takes an OzonConnection first. Output is camelCase; 64-bit ids are decimal strings.
 * Errors are always OzonApiError (see errors.ts for kinds).
 */
export { OZON_BASE_URL } from "./connection";
export type { OzonCallOptions, OzonConnection, OzonRetryInfo, OzonRetryOptions } from "./connection";
export { classifyOzonError, isOzonApiError, OzonApiError } from "./errors";
export type { OzonApiErrorInit, OzonErrorKind } from "./errors";
export { parseJsonLossless, redact } from "./request";
export {
  BUYER_CHAT_TYPES,
  isBuyerChatType,
  normalizeChatType,
  normalizeUserType,
  OZON_USER_TYPES,
  ozonIdSchema,
} from "./schemas";
export type { OzonChatId, OzonMessageId, OzonUserType } from "./schemas";

export {
  checkMessageText,
  countCodePoints,
  MESSAGE_TEXT_MAX_CHARS,
  validateMessageText,
} from "./validate-message-text";
export type { MessageTextCheck } from "./validate-message-text";
export {
  base64DecodedBytes,
  CHAT_FILE_EXTENSIONS,
  CHAT_FILE_MAX_BYTES,
  CHAT_IMAGE_EXTENSIONS,
  checkChatFile,
  fileExtension,
  isAllowedChatFileName,
  isChatImageFileName,
  normalizeBase64,
  validateChatFile,
} from "./validate-chat-file";
export type { ChatFileCheck } from "./validate-chat-file";

export { listAllChats, listChats } from "./list-chats";
export type { ListAllChatsResult, ListChatsParams, ListChatsResult, OzonChatSummary } from "./list-chats";
export { getChatHistory } from "./get-chat-history";
export type { GetChatHistoryParams, GetChatHistoryResult, OzonChatMessage } from "./get-chat-history";
export { sendMessage } from "./send-message";
export type { SendMessageParams, SendMessageResult } from "./send-message";
export { sendFile } from "./send-file";
export type { SendFileParams, SendFileResult } from "./send-file";
export { startChat } from "./start-chat";
export type { StartChatResult } from "./start-chat";
export { markChatRead } from "./mark-chat-read";
export type { MarkChatReadResult } from "./mark-chat-read";
export { getPosting } from "./get-posting";
export type { GetPostingParams } from "./get-posting";
export { listPostings, listRecentPostings } from "./list-postings";
export type { ListPostingsParams, ListPostingsResult, ListRecentPostingsParams } from "./list-postings";
export type { OzonPosting, OzonPostingProduct, OzonPostingScheme } from "./posting-schema";
export { getRoles } from "./get-roles";
export type { GetRolesResult } from "./get-roles";
export { getSellerInfo } from "./get-seller-info";
export type { GetSellerInfoResult } from "./get-seller-info";
