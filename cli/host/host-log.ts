/**
 * The host's log: one line per event on stderr, which the browser passes to its own stderr.
 * Never stdout (that carries the port's frames), and never a token.
 */

/** Writes one log line. */
export type HostLog = (line: string) => void;

/** A log that writes `igtt-host: LINE` to `stream`. */
export function stderrLog(stream: { write(text: string): unknown } = process.stderr): HostLog {
  return (line) => {
    stream.write(`igtt-host: ${line.replace(/[\r\n]+/g, ' ')}\n`);
  };
}
