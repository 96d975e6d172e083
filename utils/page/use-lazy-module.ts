import { useEffect, useState } from 'preact/hooks';

/**
 * What `load` resolves to, once it has arrived (undefined until then). Panels that only some
 * clicks open load their code this way, so it stays out of the popup's first load.
 */
export function useLazyModule<T>(load: () => Promise<T>): T | undefined {
  // Boxed: a loaded component is a function, which setState would call as an updater.
  const [loaded, setLoaded] = useState<{ value: T }>();
  useEffect(() => {
    let current = true;
    void load().then((value) => {
      if (current) setLoaded({ value });
    });
    return () => {
      current = false;
    };
    // `load` is a stable import thunk: one load per mount is the point.
  }, []);
  return loaded?.value;
}
