/**
 * Lossless JSON in and out, plus small validators for request bodies.
 *
 * Message ids are uint64 (~3.0e18, above 2^53), so no id may ever pass through a JS number: bodies are parsed
 * with lossless-json (numbers arrive as LosslessNumber, keeping their exact text) and answers are stringified
 * with lossless-json, which writes bigint values as bare JSON numbers, as live Ozon does.
 */
import { isLosslessNumber, parse, stringify, type LosslessNumber } from "lossless-json";
import { badRequest } from "./errors";

export type Json = unknown;
export type JsonObject = Record<string, unknown>;

export function parseJsonLossless(text: string): Json {
  return parse(text);
}

export function toJson(value: unknown): string {
  return stringify(value) ?? "null";
}

function isObject(v: unknown): v is JsonObject {
  return typeof v === "object" && v !== null && !Array.isArray(v) && !isLosslessNumber(v);
}

/** The request body must be a JSON object; `{}` is fine for methods without fields. */
export function bodyObject(body: Json): JsonObject {
  if (body === undefined) return {};
  if (!isObject(body)) throw badRequest("request body must be a JSON object");
  return body;
}

export function optObject(o: JsonObject, field: string): JsonObject | undefined {
  const v = o[field];
  if (v === undefined || v === null) return undefined;
  if (!isObject(v)) throw badRequest(`${field} must be an object`);
  return v;
}

export function reqString(o: JsonObject, field: string): string {
  const v = o[field];
  if (v === undefined || v === null || v === "") throw badRequest(`${field} is required`);
  if (typeof v !== "string") throw badRequest(`${field} must be a string`);
  return v;
}

export function optString(o: JsonObject, field: string): string | undefined {
  const v = o[field];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== "string") throw badRequest(`${field} must be a string`);
  return v;
}

export function optBool(o: JsonObject, field: string): boolean | undefined {
  const v = o[field];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== "boolean") throw badRequest(`${field} must be a boolean`);
  return v;
}

/** Text of a JSON integer, from a bare number or (proto3 JSON mapping) a decimal string. */
function integerText(v: unknown): string | undefined {
  if (isLosslessNumber(v)) return (v as LosslessNumber).value;
  if (typeof v === "string") return v.trim();
  if (typeof v === "number") return String(v);
  return undefined;
}

/**
 * An int field such as `limit`. Accepts a bare number or a decimal string — proto3 JSON mapping, which Ozon's
 * gRPC gateway uses, accepts 64-bit integers as strings [inf].
 */
export function optInt(o: JsonObject, field: string, min: number, max: number): number | undefined {
  const v = o[field];
  if (v === undefined || v === null) return undefined;
  const text = integerText(v);
  if (text === undefined || !/^-?\d+$/.test(text)) throw badRequest(`${field} must be an integer`);
  const n = Number(text);
  if (n < min || n > max) throw badRequest(`${field} must be between ${min} and ${max}`);
  return n;
}

export function reqInt(o: JsonObject, field: string, min: number, max: number): number {
  const n = optInt(o, field, min, max);
  if (n === undefined) throw badRequest(`${field} is required`);
  return n;
}

const UINT64_MAX = (1n << 64n) - 1n;

/** A uint64 message id, as a decimal string or a bare JSON number, parsed without loss. 0 counts as absent. */
export function parseId(v: unknown, field: string): bigint {
  const text = integerText(v);
  if (text === undefined || !/^\d+$/.test(text)) throw badRequest(`${field} must be an unsigned integer`);
  const id = BigInt(text);
  if (id > UINT64_MAX) throw badRequest(`${field} must be an unsigned integer`);
  return id;
}

export function optId(o: JsonObject, field: string): bigint | undefined {
  const v = o[field];
  if (v === undefined || v === null || v === "") return undefined;
  const id = parseId(v, field);
  // [inf] 0 is proto3's default value, which a gRPC gateway cannot tell from "not set".
  return id === 0n ? undefined : id;
}

export function optIdArray(o: JsonObject, field: string, label = field): bigint[] | undefined {
  const v = o[field];
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v)) throw badRequest(`${label} must be an array`);
  return v.map((item) => parseId(item, label));
}

export function optStringArray(o: JsonObject, field: string, label = field): string[] | undefined {
  const v = o[field];
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v) || v.some((s) => typeof s !== "string")) throw badRequest(`${label} must be an array of strings`);
  return v as string[];
}

/** Plain number from a control-API body (control bodies are ours, small numbers only). */
export function optNumber(o: JsonObject, field: string): number | undefined {
  const v = o[field];
  if (v === undefined || v === null) return undefined;
  const text = integerText(v);
  const n = text === undefined ? NaN : Number(text);
  if (!Number.isFinite(n)) throw badRequest(`${field} must be a number`);
  return n;
}
