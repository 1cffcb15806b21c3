/**
 * A one-line progress bar on stderr for a terminal, or a line every 10 % when stderr is not a
 * terminal (CI logs), so long imports show they are alive either way.
 */
export class ProgressBar {
  #lastDecile = -1;

  constructor(
    private readonly label: string,
    private readonly stream: NodeJS.WriteStream = process.stderr,
  ) {}

  update(done: number, total: number, detail = ''): void {
    const fraction = total > 0 ? Math.min(1, done / total) : 0;
    const percent = Math.floor(fraction * 100);
    if (this.stream.isTTY) {
      const width = 30;
      const filled = Math.round(fraction * width);
      this.stream.write(
        `\r${this.label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(percent).padStart(3)}% ${detail}`,
      );
      return;
    }
    const decile = Math.floor(percent / 10);
    if (decile > this.#lastDecile) {
      this.#lastDecile = decile;
      this.stream.write(`${this.label} ${percent}% ${detail}\n`);
    }
  }

  finish(): void {
    if (this.stream.isTTY) this.stream.write('\n');
  }
}
