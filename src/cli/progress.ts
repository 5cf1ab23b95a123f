/**
 * Progress of reading a catalogue, on stderr: a cli-progress bar when stderr is a terminal, plain
 * lines at every quarter otherwise (logs, pipes, CI).
 */
import cliProgress from 'cli-progress';

const CHUNK = 64 * 1024;

/** A byte array as chunks, so that reading it can be followed like a file stream. */
export async function* chunksOf(bytes: Uint8Array): AsyncIterable<Uint8Array> {
  for (let i = 0; i < bytes.length; i += CHUNK) yield bytes.subarray(i, Math.min(bytes.length, i + CHUNK));
}

const mib = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MiB`;

/**
 * Passes the chunks through and reports how many of `total` bytes were consumed. The report ends
 * when the input is exhausted or the reader stops early.
 */
export async function* withProgress(
  chunks: AsyncIterable<Uint8Array>,
  total: number,
  label: string,
  out: NodeJS.WriteStream = process.stderr,
): AsyncIterable<Uint8Array> {
  let done = 0;
  if (out.isTTY) {
    const bar = new cliProgress.SingleBar(
      { stream: out, format: `${label} [{bar}] {percentage}% | {size}`, hideCursor: true, clearOnComplete: false },
      cliProgress.Presets.shades_classic,
    );
    bar.start(Math.max(total, 1), 0, { size: `0 of ${mib(total)}` });
    try {
      for await (const chunk of chunks) {
        done += chunk.length;
        bar.update(done, { size: `${mib(done)} of ${mib(total)}` });
        yield chunk;
      }
    } finally {
      bar.stop();
    }
    return;
  }
  let quarter = 0;
  out.write(`${label}: ${total} bytes\n`);
  for await (const chunk of chunks) {
    done += chunk.length;
    const q = total > 0 ? Math.floor((done / total) * 4) : 4;
    if (q > quarter && q < 4) {
      quarter = q;
      out.write(`${label}: ${q * 25}% (${done} of ${total} bytes)\n`);
    }
    yield chunk;
  }
  out.write(`${label}: done (${done} bytes)\n`);
}
