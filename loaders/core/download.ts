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
  constructor(message: string, retryable: boolean) {
    super(message);
    this.name = "DownloadError";
    this.retryable = retryable;
  }
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

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function attempt(url: string, dest: string, options: DownloadOptions): Promise<DownloadResult> {
  const fetchImpl = options.fetch ?? fetch;
  const progress = options.progress ?? silentProgress;
  let response: Response;
  try {
    response = await fetchImpl(url, {
      signal: AbortSignal.timeout(options.timeoutMs ?? 120_000),
      redirect: "follow"
    });
  } catch (error) {
    throw new DownloadError(`${url} : échec réseau (${(error as Error).message})`, true);
  }
  if (response.status >= 500)
    throw new DownloadError(`${url} : erreur serveur HTTP ${response.status}`, true);
  if (!response.ok) throw new DownloadError(`${url} : HTTP ${response.status}`, false);
  const contentType = response.headers.get("content-type");
  if (contentType?.toLowerCase().includes("text/html")) {
    throw new DownloadError(`${url} : le serveur a renvoyé une page HTML au lieu des données`, false);
  }
  if (!response.body) throw new DownloadError(`${url} : réponse vide`, true);
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
        if (looksLikeHtml(chunk)) {
          throw new DownloadError(`${url} : le serveur a renvoyé une page HTML au lieu des données`, false);
        }
      }
      hash.update(chunk);
      size += chunk.byteLength;
      if (!out.write(chunk)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
      progress.update(size);
    }
    out.end();
    await finished(out);
    if (expected !== undefined && size !== expected) {
      throw new DownloadError(`${url} : transfert incomplet (${size} octets reçus sur ${expected})`, true);
    }
    await rename(tmp, dest);
  } catch (error) {
    out.destroy();
    await rm(tmp, {force: true});
    if (error instanceof DownloadError) throw error;
    throw new DownloadError(`${url} : connexion interrompue (${(error as Error).message})`, true);
  }
  progress.done(size);
  return {url, path: dest, sha256: hash.digest("hex"), size, contentType};
}

/**
 * Downloads `url` to `dest`. On failure the destination is untouched (an older copy stays as it was).
 * @throws DownloadError after the last attempt, or at once for non-retryable failures (4xx, HTML page).
 */
export async function download(
  url: string,
  dest: string,
  options: DownloadOptions = {}
): Promise<DownloadResult> {
  const retries = options.retries ?? 3;
  const backoff = options.backoffMs ?? 1000;
  for (let i = 0; ; i++) {
    try {
      return await attempt(url, dest, options);
    } catch (error) {
      const retryable = error instanceof DownloadError && error.retryable;
      if (!retryable || i >= retries) throw error;
      await sleep(backoff * 2 ** i);
    }
  }
}
