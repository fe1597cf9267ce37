/**
 * Streamed download to disk: timeout, retries with exponential backoff on network errors and HTTP 5xx, sha256 and
 * size computed on the fly, HTML pages served instead of data rejected, atomic write (temporary file + rename),
 * so a partial file is never seen at the destination and an existing file is only replaced by a complete one.
 */
import {createHash} from "node:crypto";
import {createWriteStream} from "node:fs";
import {mkdir, rename, rm} from "node:fs/promises";
import {dirname} from "node:path";
import {finished} from "node:stream/promises";
import {silentProgress, type ProgressReporter} from "./progress.ts";

/** The `fetch` function used (injected in tests). */
export type FetchLike = (url: string, init?: RequestInit) => Promise<Response>;

/** Options of `download`. */
export interface DownloadOptions {
  fetch?: FetchLike;
  /** Whole-request timeout per attempt, in milliseconds (default 120 s). */
  timeoutMs?: number;
  /** Extra attempts after the first on retryable failures (default 3). */
  retries?: number;
  /** First backoff delay in ms, doubled at each retry (default 1000). */
  backoffMs?: number;
  /** Waits between attempts (default: a timer); tests inject one that records the delays and returns at once. */
  sleep?: (ms: number) => Promise<void>;
  /** Told before each new attempt: the attempt that failed (1-based), its error, the delay before the next. */
  onRetry?: (attempt: number, error: DownloadError, delayMs: number) => void;
  progress?: ProgressReporter;
  /** Label shown by the progress reporter. */
  label?: string;
}

/** What a completed download produced. */
export interface DownloadResult {
  url: string;
  path: string;
  sha256: string;
  size: number;
  contentType: string | null;
}

/** A failed download; `retryable` tells whether another attempt may succeed. */
export class DownloadError extends Error {
  readonly retryable: boolean;
  /** How many attempts were made when the download was given up (1 for a failure not retried). */
  attempts = 1;
  /** The failure alone, without the URL (the message names the URL). */
  readonly reason: string;
  constructor(url: string, reason: string, retryable: boolean) {
    super(`${url} : ${reason}`);
    this.name = "DownloadError";
    this.retryable = retryable;
    this.reason = reason;
  }
}

/** The French reason of a failed request or body read (a timeout said as such). */
function networkReason(error: unknown, timeoutMs: number, what: string): string {
  const e = error as Error;
  if (e?.name === "TimeoutError" || e?.name === "AbortError")
    return `délai dépassé (${timeoutMs / 1000} s par tentative)`;
  const cause = (e as {cause?: {code?: string; message?: string}})?.cause;
  return `${what} (${cause?.code ?? cause?.message ?? e?.message ?? String(error)})`;
}

/** True when the first bytes of a body look like an HTML page (error or login page served instead of data). */
export function looksLikeHtml(head: Uint8Array): boolean {
  const text = new TextDecoder()
    .decode(head.subarray(0, 512))
    .replace(/^\uFEFF/, "")
    .trimStart()
    .toLowerCase();
  return text.startsWith("<!doctype html") || text.startsWith("<html") || text.startsWith("<head");
}

const HTML_PAGE =
  "le serveur a renvoyé une page HTML au lieu des données (page d'erreur ou de connexion du portail ?)";

const timer = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function attempt(url: string, dest: string, options: DownloadOptions): Promise<DownloadResult> {
  const fetchImpl = options.fetch ?? fetch;
  const progress = options.progress ?? silentProgress;
  const timeoutMs = options.timeoutMs ?? 120_000;
  let response: Response;
  try {
    response = await fetchImpl(url, {signal: AbortSignal.timeout(timeoutMs), redirect: "follow"});
  } catch (error) {
    throw new DownloadError(url, networkReason(error, timeoutMs, "échec réseau"), true);
  }
  if (response.status >= 500) {
    await response.body?.cancel().catch(() => {});
    throw new DownloadError(url, `erreur serveur HTTP ${response.status}`, true);
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => {});
    const reason =
      response.status === 404 || response.status === 410
        ? `HTTP ${response.status}, aucun fichier à cette adresse`
        : `HTTP ${response.status}`;
    throw new DownloadError(url, reason, false);
  }
  const contentType = response.headers.get("content-type");
  if (contentType?.toLowerCase().includes("text/html")) {
    await response.body?.cancel().catch(() => {});
    throw new DownloadError(url, HTML_PAGE, false);
  }
  if (!response.body) throw new DownloadError(url, "réponse vide", true);
  const lengthHeader = response.headers.get("content-length");
  const expected = lengthHeader ? Number(lengthHeader) : undefined;
  const tmp = `${dest}.part-${process.pid}-${Math.random().toString(36).slice(2)}`;
  await mkdir(dirname(dest), {recursive: true});
  const out = createWriteStream(tmp);
  const hash = createHash("sha256");
  let size = 0;
  let checkedHead = false;
  progress.start(options.label ?? url, expected);
  try {
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      if (!checkedHead) {
        checkedHead = true;
        if (looksLikeHtml(chunk)) throw new DownloadError(url, HTML_PAGE, false);
      }
      hash.update(chunk);
      size += chunk.byteLength;
      if (!out.write(chunk)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
      progress.update(size);
    }
    out.end();
    await finished(out);
    if (expected !== undefined && size !== expected) {
      throw new DownloadError(url, `transfert incomplet (${size} octets reçus sur ${expected})`, true);
    }
    await rename(tmp, dest);
  } catch (error) {
    out.destroy();
    await rm(tmp, {force: true});
    if (error instanceof DownloadError) throw error;
    throw new DownloadError(url, networkReason(error, timeoutMs, "connexion interrompue"), true);
  }
  progress.done(size);
  return {url, path: dest, sha256: hash.digest("hex"), size, contentType};
}

/**
 * Downloads `url` to `dest`. On failure the destination is untouched (an older copy stays as it was).
 * The budget is bounded: `retries` more attempts at most, waiting `backoffMs`, then twice as long each time.
 * @throws DownloadError after the last attempt (its message says how many were made), or at once for
 * non-retryable failures (4xx, HTML page).
 */
export async function download(
  url: string,
  dest: string,
  options: DownloadOptions = {}
): Promise<DownloadResult> {
  const retries = options.retries ?? 3;
  const backoff = options.backoffMs ?? 1000;
  const sleep = options.sleep ?? timer;
  for (let i = 0; ; i++) {
    try {
      return await attempt(url, dest, options);
    } catch (error) {
      if (!(error instanceof DownloadError)) throw error;
      error.attempts = i + 1;
      if (!error.retryable) throw error;
      if (i >= retries) {
        const given = new DownloadError(
          url,
          `abandon après ${i + 1} tentative${i ? "s" : ""} (dernière erreur : ${error.reason})`,
          false
        );
        given.attempts = i + 1;
        throw given;
      }
      const delay = backoff * 2 ** i;
      options.onRetry?.(i + 1, error, delay);
      await sleep(delay);
    }
  }
}
