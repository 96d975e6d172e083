/** One sentence about what "Refresh now" or "Check now" did, for the popup. */
import type { UpkeepReport } from '@/utils/upkeep/account-upkeep';
import { words } from '@/utils/words';
import { formatDateTime } from './format-time';

/** Explains the outcome of a manual refresh or check. */
export function describeUpkeep(report: UpkeepReport): string {
  if (report.refreshed) return words('event_refreshed');
  if (report.checked) return 'Checked with Instagram; the status above is current.';
  const decision = report.decision;
  if (!decision || decision.refresh) return 'The refresh failed; Inspect shows why.';
  switch (decision.reason) {
    case 'too_new':
      return `Instagram refreshes tokens from 24 hours of age: possible from ${formatDateTime(decision.nextAt)}.`;
    case 'not_due':
      return 'The refresh failed; Inspect shows why.';
    case 'expired':
      return 'This token has expired and cannot be refreshed: reconnect instead.';
    case 'dead':
      return 'This token no longer works: reconnect instead.';
    case 'not_refreshable':
      return 'Facebook Login tokens cannot be refreshed: reconnect before this one stops working.';
  }
}
