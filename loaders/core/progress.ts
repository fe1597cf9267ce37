/**
 * Download progress: a live line (bytes, rate, ETA) on a terminal, plain lines every 10 % (or 5 s) in CI and logs.
 */

/** Receives download progress. */
export interface ProgressReporter {
  start(label: string, total: number | undefined): void;
  update(received: number): void;
  done(received: number): void;
}

/** `1.2 Mo`, `850 ko`, `12 o`. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(1)} Go`;
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(1)} Mo`;
  if (bytes >= 1e3) return `${(bytes / 1e3).toFixed(0)} ko`;
  return `${bytes} o`;
}

/** One progress line: `label 3.1 Mo / 10.0 Mo (31 %) 1.2 Mo/s, reste 6 s`. */
export function progressLine(
  label: string,
  received: number,
  total: number | undefined,
  seconds: number
): string {
  const rate = seconds > 0 ? received / seconds : 0;
  let line = `${label} ${formatBytes(received)}`;
  if (total) {
    line += ` / ${formatBytes(total)} (${Math.floor((100 * received) / total)} %)`;
  }
  line += ` ${formatBytes(rate)}/s`;
  if (total && rate > 0) line += `, reste ${Math.max(0, Math.round((total - received) / rate))} s`;
  return line;
}

/** A reporter writing to `stream`: a redrawn line on a TTY, plain lines otherwise. */
export function streamProgress(
  stream: NodeJS.WriteStream = process.stderr,
  now = () => Date.now()
): ProgressReporter {
  const tty = Boolean(stream.isTTY) && !process.env.CI;
  let label = "";
  let total: number | undefined;
  let started = 0;
  let lastDraw = 0;
  let lastStep = -1;
  return {
    start(name, size) {
      label = name;
      total = size;
      started = now();
      lastDraw = 0;
      lastStep = -1;
    },
    update(received) {
      const t = now();
      const seconds = (t - started) / 1000;
      if (tty) {
        if (t - lastDraw < 100) return;
        lastDraw = t;
        stream.write(`\r${progressLine(label, received, total, seconds)}\x1b[K`);
        return;
      }
      const step = total ? Math.floor((10 * received) / total) : Math.floor(seconds / 5);
      if (step > lastStep) {
        lastStep = step;
        stream.write(`${progressLine(label, received, total, seconds)}\n`);
      }
    },
    done(received) {
      const line = progressLine(label, received, total, (now() - started) / 1000);
      stream.write(tty ? `\r${line}\x1b[K\n` : `${line} — terminé\n`);
    }
  };
}

/** A reporter that reports nothing (tests, library use). */
export const silentProgress: ProgressReporter = {start() {}, update() {}, done() {}};
