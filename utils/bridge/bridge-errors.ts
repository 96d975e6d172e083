/** The command line's refusals; the CLI words each code and turns it into an exit code. */
import type { BridgeError, BridgeErrorCode } from '@/shared/bridge-protocol';

/** The refusal with code `code`, with `detail` when the code alone does not say enough. */
export function bridgeError(code: BridgeErrorCode, detail?: string): BridgeError {
  return detail === undefined ? { code } : { code, message: detail };
}
