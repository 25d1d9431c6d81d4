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
import { ratingHistory } from "./rating-history";
import { ratingSummary } from "./rating-summary";
import { roles } from "./roles";
import { sellerInfo } from "./seller-info";
import { questionList } from "./question-list";
import { questionInfo } from "./question-info";
import { questionCount } from "./question-count";
import { questionChangeStatus } from "./question-change-status";
import { questionAnswerCreate } from "./question-answer-create";
import { questionAnswerList } from "./question-answer-list";
import { questionAnswerDelete } from "./question-answer-delete";
import { reviewList } from "./review-list";
import { reviewInfo } from "./review-info";
import { reviewCount } from "./review-count";
import { reviewChangeStatus } from "./review-change-status";
import { reviewCommentCreate } from "./review-comment-create";
import { reviewCommentList } from "./review-comment-list";
import { reviewCommentDelete } from "./review-comment-delete";
import { productInfoList } from "./product-info-list";
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
  "/v1/rating/summary": ratingSummary,
  "/v1/rating/history": ratingHistory,
  "/v1/question/list": questionList,
  "/v1/question/info": questionInfo,
  "/v1/question/count": questionCount,
  "/v1/question/change-status": questionChangeStatus,
  // [1] A newer copy of Ozon's reference spells it with an underscore; both are served.
  "/v1/question/change_status": questionChangeStatus,
  "/v1/question/answer/create": questionAnswerCreate,
  "/v1/question/answer/list": questionAnswerList,
  "/v1/question/answer/delete": questionAnswerDelete,
  "/v2/review/list": reviewList,
  "/v2/review/info": reviewInfo,
  "/v2/review/count": reviewCount,
  "/v2/review/change-status": reviewChangeStatus,
  "/v1/review/comment/create": reviewCommentCreate,
  "/v1/review/comment/list": reviewCommentList,
  "/v2/review/comment/delete": reviewCommentDelete,
  "/v3/product/info/list": productInfoList,
};
