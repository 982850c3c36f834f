/** The stories' page font: packaged fonts (loaded in .storybook/preview.tsx), then the system's. */
export const STORY_FONT =
  "'Inter Variable', 'Noto Sans Arabic Variable', 'Noto Sans JP Variable', system-ui, sans-serif";
