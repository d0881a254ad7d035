/**
 * The progress bar of `npm run extract` on a terminal's stderr: files done of the total, files
 * per second and the time left (`▕██████░░░░▏ 1,234/10,000 files · 152 files/s · ETA 0:58`),
 * redrawn at most every 100 ms on one line. A message (a bad file) is written above the bar.
 * `SilentProgress` stands in when stderr is not a terminal or `--quiet` is given: messages only.
 */
export interface Progress {
  /** One more input done (written, failed or skipped). */
  tick(): void;
  /** Writes a message on its own line. */
  note(message: string): void;
  /** Removes the bar. */
  finish(): void;
}

interface ProgressStream {
  write(text: string): boolean;
  columns?: number;
}

export class SilentProgress implements Progress {
  constructor(private readonly stream: ProgressStream) {}
  tick(): void {}
  note(message: string): void {
    this.stream.write(`${message}\n`);
  }
  finish(): void {}
}

const REDRAW_MS = 100;
const BAR_WIDTH = 24;

export class TerminalProgress implements Progress {
  private done = 0;
  private readonly started: number;
  private lastDraw = Number.NEGATIVE_INFINITY;
  private shown = false;

  constructor(
    private readonly stream: ProgressStream,
    /** The number of inputs, or null when not known (pages on stdin). */
    private readonly total: number | null,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.started = now();
  }

  tick(): void {
    this.done++;
    const time = this.now();
    if (time - this.lastDraw >= REDRAW_MS || this.done === this.total) this.draw(time);
  }

  note(message: string): void {
    this.clear();
    this.stream.write(`${message}\n`);
    this.draw(this.now());
  }

  finish(): void {
    this.clear();
  }

  /** The bar's text at `time` (without the line's control characters). */
  line(time: number): string {
    const seconds = (time - this.started) / 1000;
    const rate = seconds > 0 ? this.done / seconds : 0;
    const count = (n: number) => n.toLocaleString("en-US");
    const parts: string[] = [];
    if (this.total !== null && this.total > 0) {
      const filled = Math.round((Math.min(this.done, this.total) / this.total) * BAR_WIDTH);
      parts.push(
        `▕${"█".repeat(filled)}${"░".repeat(BAR_WIDTH - filled)}▏ ${count(this.done)}/${count(this.total)} files`,
      );
    } else parts.push(`${count(this.done)} files`);
    parts.push(`${rate >= 10 ? Math.round(rate) : rate.toFixed(1)} files/s`);
    if (this.total !== null && rate > 0) {
      parts.push(`ETA ${clock(Math.max(0, this.total - this.done) / rate)}`);
    }
    return parts.join(" · ");
  }

  private draw(time: number): void {
    this.lastDraw = time;
    const columns = this.stream.columns ?? 0;
    const width = columns > 0 ? columns : 80;
    this.stream.write(`\r${this.line(time).slice(0, Math.max(1, width - 1))}\x1b[K`);
    this.shown = true;
  }

  private clear(): void {
    if (this.shown) this.stream.write("\r\x1b[K");
    this.shown = false;
  }
}

/** `m:ss`, or `h:mm:ss` from an hour. */
export function clock(totalSeconds: number): string {
  const s = Math.round(totalSeconds);
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const seconds = String(s % 60).padStart(2, "0");
  return hours > 0
    ? `${hours}:${String(minutes).padStart(2, "0")}:${seconds}`
    : `${minutes}:${seconds}`;
}
