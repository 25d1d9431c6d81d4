/**
 * Typed client for Ozon Seller API chat methods, product questions and reviews (and the posting, product and account
 * methods the inbox needs).
 *
 * Every function takes an OzonConnection first. Output is camelCase; 64-bit ids are decimal strings.
 * Errors are always OzonApiError (see errors.ts for kinds).
 */
export type { OzonCallOptions, OzonConnection, OzonRetryInfo, OzonRetryOptions } from "./connection";
export { isOzonApiError, isReviewsSubscriptionError, OzonApiError } from "./errors";
export type { OzonApiErrorInit, OzonErrorKind, OzonRequiredSubscription } from "./errors";
export { readServerClockOffsetSeconds } from "./server-clock";
export { isBuyerChatType, normalizeChatType, normalizeUserType } from "./schemas";
export type { OzonChatId, OzonMessageId, OzonUserType } from "./schemas";

export { checkMessageText, MESSAGE_TEXT_MAX_CHARS } from "./validate-message-text";
export type { MessageTextCheck } from "./validate-message-text";
export { CHAT_FILE_EXTENSIONS, checkChatFile, normalizeBase64 } from "./validate-chat-file";
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
export { getRatingSummary, ratingItemsByCode } from "./get-rating-summary";
export type { GetRatingSummaryResult, OzonRatingItem } from "./get-rating-summary";
export type { GetRatingHistoryParams, GetRatingHistoryResult } from "./get-rating-history";
export { CHAT_RATINGS } from "./rating-names";
export type { ChatRating } from "./rating-names";

export {
  ANSWER_TEXT_MAX_CHARS,
  ANSWER_TEXT_MIN_CHARS,
  checkAnswerText,
  validateAnswerText,
} from "./validate-answer-text";
export type { AnswerTextCheck } from "./validate-answer-text";
export type { OzonFeedbackStatus, OzonQuestion, OzonQuestionAnswer, OzonReview, OzonReviewComment, OzonReviewSummary } from "./feedback-schemas";
export { listAllQuestions, listQuestions, QUESTION_STATUS_FILTERS } from "./list-questions";
export type { ListAllQuestionsResult, ListQuestionsParams, ListQuestionsResult, QuestionStatusFilter } from "./list-questions";
export { getQuestion } from "./get-question";
export { countQuestions } from "./count-questions";
export type { CountQuestionsResult } from "./count-questions";
export { changeQuestionStatus, QUESTION_STATUSES } from "./change-question-status";
export type { QuestionStatus } from "./change-question-status";
export { createQuestionAnswer } from "./create-question-answer";
export type { CreateQuestionAnswerResult } from "./create-question-answer";
export { listAllQuestionAnswers, listQuestionAnswers } from "./list-question-answers";
export type { ListQuestionAnswersParams, ListQuestionAnswersResult } from "./list-question-answers";
export { deleteQuestionAnswer } from "./delete-question-answer";
export { listAllReviews, listReviews, REVIEW_STATUSES } from "./list-reviews";
export type { ListReviewsParams, ListReviewsResult, ReviewStatus } from "./list-reviews";
export { getReview } from "./get-review";
export { countReviews } from "./count-reviews";
export type { CountReviewsResult } from "./count-reviews";
export { changeReviewStatus } from "./change-review-status";
export { createReviewComment } from "./create-review-comment";
export type { CreateReviewCommentResult } from "./create-review-comment";
export { listAllReviewComments, listReviewComments } from "./list-review-comments";
export type { ListReviewCommentsParams, ListReviewCommentsResult } from "./list-review-comments";
export { deleteReviewComment } from "./delete-review-comment";
export { listProducts } from "./list-products";
export type { ListProductsResult, OzonProductCard } from "./list-products";
