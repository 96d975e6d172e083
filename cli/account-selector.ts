/** Whether `@username` or an id names an account, the way the extension decides it. */

/** An account as far as a selector can tell. */
export interface SelectableAccount {
  readonly id: string;
  readonly username: string;
}

/** True when `selector` names `account`; no selector names every account. */
export function selectorMatches(selector: string | undefined, account: SelectableAccount): boolean {
  if (selector === undefined) return true;
  // Instagram usernames compare without case, as the extension compares them.
  if (selector.startsWith('@'))
    return selector.slice(1).toLowerCase() === account.username.toLowerCase();
  return selector === account.id;
}
