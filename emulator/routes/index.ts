/** The Ozon Seller API methods the emulator serves, by path. */
import { chatHistory } from "./chat-history";
import { chatList } from "./chat-list";
import { chatRead } from "./chat-read";
import { chatSendFile } from "./chat-send-file";
import { chatSendMessage } from "./chat-send-message";
import { chatStart } from "./chat-start";
import { postingFboGet } from "./posting-fbo-get";
import { postingFboList } from "./posting-fbo-list";
import { postingFbsGet } from "./posting-fbs-get";
import { postingFbsList } from "./posting-fbs-list";
import { roles } from "./roles";
import { sellerInfo } from "./seller-info";
import type { Route } from "./types";

export const ROUTES: Readonly<Record<string, Route>> = {
  "/v3/chat/list": chatList,
  "/v3/chat/history": chatHistory,
  "/v1/chat/send/message": chatSendMessage,
  "/v1/chat/send/file": chatSendFile,
  "/v1/chat/start": chatStart,
  "/v2/chat/read": chatRead,
  "/v1/roles": roles,
  "/v1/seller/info": sellerInfo,
  "/v3/posting/fbs/get": postingFbsGet,
  "/v2/posting/fbo/get": postingFboGet,
  "/v4/posting/fbs/list": postingFbsList,
  "/v3/posting/fbo/list": postingFboList,
};
