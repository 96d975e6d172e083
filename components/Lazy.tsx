import type { ComponentChildren, ComponentType } from 'preact';
import { useLazyModule } from '@/utils/page/use-lazy-module';

/** Props of {@link Lazy}. */
export interface LazyProps<P> {
  /** Imports the component, e.g. `() => import('./InspectPanel').then((m) => m.InspectPanel)`. */
  load: () => Promise<ComponentType<P>>;
  props: P;
  /** Shown while the code loads. */
  fallback?: ComponentChildren;
}

/** Renders the component that `load` imports once it has arrived: code for rare panels loads late. */
export function Lazy<P extends object>({ load, props, fallback = null }: LazyProps<P>) {
  const Component = useLazyModule(load);
  return Component ? <Component {...props} /> : <>{fallback}</>;
}
