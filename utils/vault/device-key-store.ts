/**
 * The non-extractable data key of the default ("device") mode, kept in the extension's IndexedDB.
 * IndexedDB is the only extension storage that holds a CryptoKey as a CryptoKey, so the key never
 * passes through JavaScript as bytes; content scripts cannot reach this origin's IndexedDB.
 */

const DATABASE_NAME = 'igtt-vault';
const STORE_NAME = 'keys';
const DATA_KEY_ID = 'data-key';

function openDatabase(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DATABASE_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE_NAME);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB open failed'));
  });
}

async function inStore(
  mode: IDBTransactionMode,
  operate: (store: IDBObjectStore) => IDBRequest,
): Promise<unknown> {
  const database = await openDatabase();
  try {
    return await new Promise<unknown>((resolve, reject) => {
      const transaction = database.transaction(STORE_NAME, mode);
      const request = operate(transaction.objectStore(STORE_NAME));
      let result: unknown;
      request.onsuccess = () => {
        result = request.result;
      };
      transaction.oncomplete = () => resolve(result);
      transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB failed'));
      transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB aborted'));
    });
  } finally {
    database.close();
  }
}

/** Creates a fresh AES-GCM-256 key; only passphrase wrapping ever asks for an extractable one. */
export function generateDataKey(extractable: boolean): Promise<CryptoKey> {
  return crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, extractable, [
    'encrypt',
    'decrypt',
  ]);
}

/** Reads the device key, or undefined when none is stored or the record is not an AES-GCM key. */
export async function loadDeviceKey(): Promise<CryptoKey | undefined> {
  const stored = await inStore('readonly', (store) => store.get(DATA_KEY_ID));
  if (!(stored instanceof CryptoKey) || stored.algorithm.name !== 'AES-GCM') return undefined;
  return stored;
}

/** Stores the device key, replacing any earlier one. */
export async function saveDeviceKey(key: CryptoKey): Promise<void> {
  await inStore('readwrite', (store) => store.put(key, DATA_KEY_ID));
}

/** Deletes the device key. */
export async function deleteDeviceKey(): Promise<void> {
  await inStore('readwrite', (store) => store.delete(DATA_KEY_ID));
}
