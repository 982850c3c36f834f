import { useMemo } from 'react';
import { useCreditsContext } from '../CreditsProvider/CreditsContext.js';
import type { CommonLabels } from '../labels/CreditsLabels.js';
import { commonLabels } from '../labels/commonLabels.js';

const NONE = {};

/**
 * The strings a widget shows: the shared defaults, the widget's own group of
 * defaults, then the host's `labels` over both (error messages merge by code).
 */
export function useLabels<TGroup extends object = object>(
  defaults: TGroup = NONE as TGroup,
): CommonLabels & TGroup {
  const { labelOverrides } = useCreditsContext('useLabels()');
  return useMemo(
    () => ({
      ...commonLabels,
      ...defaults,
      ...labelOverrides,
      errors: { ...commonLabels.errors, ...labelOverrides.errors },
    }),
    [defaults, labelOverrides],
  );
}
