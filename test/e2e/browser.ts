/** Finding and launching the system Chromium (Debian's `chromium`) with playwright-core, fully offline. */
import {existsSync} from "node:fs";
import {chromium, type Browser, type BrowserContext} from "playwright-core";

const CANDIDATES = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable"
];

/** The Chromium executable: $CHROMIUM_PATH, else the usual system paths; undefined when there is none. */
export function findChromium(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
  return CANDIDATES.find((path) => existsSync(path));
}

/** Headless, with no background networking (Chromium's own requests would leave the machine). */
const LAUNCH_OPTIONS = {
  headless: true,
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-domain-reliability",
    "--lang=fr-FR"
  ]
};

/** Launches headless Chromium; its contexts are private (memory cache only, like a private window). */
export function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({executablePath, ...LAUNCH_OPTIONS});
}

/**
 * Launches headless Chromium on a profile folder, as a user's browser is: HTTP cache on disk and V8's cache of
 * compiled code (WebAssembly included), which private contexts do not keep. For measuring a second visit.
 */
export function launchChromiumWithProfile(executablePath: string, profile: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profile, {executablePath, ...LAUNCH_OPTIONS});
}
