/** Where the connect flow stands, kept in `storage.session` for any popup that opens meanwhile. */
import { connectProgressItem, type ConnectProgress } from '@/utils/vault/storage-items';

/** Reads the connect progress, if any. */
export async function readConnectProgress(): Promise<ConnectProgress | undefined> {
  const parsed = await connectProgressItem.read();
  return parsed.success ? parsed.data : undefined;
}

/** Records a step of the flow, stamped with the time. */
export async function reportProgress(progress: Omit<ConnectProgress, 'updatedAt'>): Promise<void> {
  await connectProgressItem.write({ ...progress, updatedAt: Date.now() });
}

/** Forgets the last flow's outcome once the user has seen it. */
export async function dismissProgress(): Promise<void> {
  await connectProgressItem.remove();
}
