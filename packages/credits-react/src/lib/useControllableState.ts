import { useCallback, useRef, useState } from 'react';

/**
 * A value the host may control (`prop` + `onChange`) or leave to us
 * (`defaultProp`), as Radix's own `useControllableState`. radix-ui 1.8.1
 * exposes that one only from `radix-ui/internal`, whose module graph pulls
 * Radix's dismissable layer, focus scope and slot into the first load
 * (+7.7 KB gzipped, measured), so the widgets use this small copy of its
 * contract. `onChange` is called, synchronously, only when the value changes.
 */
export function useControllableState<T>({
  prop,
  defaultProp,
  onChange,
}: {
  prop: T | undefined;
  defaultProp: T;
  onChange: ((value: T) => void) | undefined;
}): [T, (next: T) => void] {
  const [uncontrolled, setUncontrolled] = useState(defaultProp);
  const controlled = prop !== undefined;
  const value = controlled ? prop : uncontrolled;
  const latest = useRef({ value, controlled, onChange });
  latest.current = { value, controlled, onChange };
  const setValue = useCallback((next: T) => {
    const { value: current, controlled: isControlled, onChange: notify } = latest.current;
    if (next === current) return;
    if (!isControlled) setUncontrolled(next);
    notify?.(next);
  }, []);
  return [value, setValue];
}
