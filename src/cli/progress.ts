/**
 * A progress bar for long work (reading thousands of records, writing an
 * export), on stderr and only in an interactive terminal: quiet in CI, in
 * pipes and with --json, so scripts and forge workflows read clean output.
 */
import { SingleBar } from 'cli-progress';

export interface Progress {
  start(total: number, what: string): void;
  tick(n?: number): void;
  stop(): void;
}

const silent: Progress = { start() {}, tick() {}, stop() {} };

/** A bar when stderr is a terminal and not CI, else nothing. */
export function progressBar(quiet = false): Progress {
  if (quiet || !process.stderr.isTTY || process.env.CI) return silent;
  const bar = new SingleBar({
    stream: process.stderr,
    format: '{what} [{bar}] {value}/{total}',
    barCompleteChar: '█',
    barIncompleteChar: '░',
    hideCursor: true,
    clearOnComplete: true,
    fps: 10,
  });
  let running = false;
  return {
    start(total, what) {
      if (running) bar.stop();
      bar.start(total, 0, { what });
      running = true;
    },
    tick(n = 1) {
      if (running) bar.increment(n);
    },
    stop() {
      if (running) bar.stop();
      running = false;
    },
  };
}
