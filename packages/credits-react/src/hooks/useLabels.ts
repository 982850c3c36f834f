import { useMemo } from 'react';
import { useCreditsContext } from '../CreditsProvider/CreditsContext.js';
import type { CommonLabels } from '../labels/CreditsLabels.js';
import { commonLabels } from '../labels/commonLabels.js';

const NONE = {};

/**
 * The strings a widget shows: the shared English defaults, the widget's own group of
 * defaults, the shipped translation for the locale, then the host's `labels` over all
 * (error messages and decline messages merge by code).
 */
export function useLabels<TGroup extends object = object>(
  defaults: TGroup = NONE as TGroup,
): CommonLabels & TGroup {
  const { labelOverrides, catalogue } = useCreditsContext('useLabels()');
  return useMemo(
    () => ({
      ...commonLabels,
      ...defaults,
      ...catalogue,
      ...labelOverrides,
      errors: { ...commonLabels.errors, ...catalogue?.errors, ...labelOverrides.errors },
      ...('declines' in defaults && {
        declines: { ...catalogue?.declines, ...labelOverrides.declines },
      }),
    }),
    [defaults, catalogue, labelOverrides],
  );
}
