/** Words as a POSIX shell would read them back: for the launcher script and for showing commands. */

/** Quotes `value` for a POSIX shell. */
export function shellQuote(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replaceAll("'", `'\\''`)}'`;
}

/** A command as the user would type it: `sh -c 'cat > "$OUT"'`. */
export function formatCommand(words: readonly string[]): string {
  return words.map(shellQuote).join(' ');
}
