/** What transformers.js reports while it fetches model files (its `progress_callback` argument). */
export interface ModelLoadEvent {
  status: string;
  file?: string;
  progress?: number;
  loaded?: number;
  total?: number;
}

/** A single status line redrawn in place while model files download. */
export interface ProgressLine {
  update(event: ModelLoadEvent): void;
  /** Ends the line so later output starts on a fresh one. */
  finish(): void;
}

/** Draws `label file 42% (50.1/118.0 MB)` on `stream`, redrawing only when the whole percent changes. */
export function createProgressLine(stream: { write(text: string): unknown }, label: string): ProgressLine {
  let drawn = '';
  let lastKey = '';
  return {
    update(event) {
      if (event.status !== 'progress' || !event.file || !event.total) return;
      const percent = Math.floor(event.progress ?? ((event.loaded ?? 0) / event.total) * 100);
      const key = `${event.file}:${percent}`;
      if (key === lastKey) return;
      lastKey = key;
      const line = `${label} ${event.file} ${percent}% (${megabytes(event.loaded ?? 0)}/${megabytes(event.total)} MB)`;
      stream.write(`\r${line.padEnd(drawn.length)}`);
      drawn = line;
    },
    finish() {
      if (drawn) stream.write('\n');
      drawn = '';
      lastKey = '';
    },
  };
}

function megabytes(bytes: number): string {
  return (bytes / 1_000_000).toFixed(1);
}
