import type { Meta, StoryObj } from '@storybook/react-vite';
import { createCreditsHandlers } from 'credits-msw';
import { expect, within } from 'storybook/test';
import { withCredits } from '../support/withCredits';
import { ControlsSheet } from './ControlsSheet';

/**
 * The controls every widget shares, at rest: primary, secondary and danger buttons and a
 * disabled one, a text field and a select, a checkbox, radios in option rows, the switch on
 * and off. Their hover, pressed, focus and disabled states are screenshotted by
 * packages/credits-react/test/browser/Controls.browser.test.tsx.
 */
const meta = {
  title: 'Foundations/Controls',
  component: ControlsSheet,
  decorators: [withCredits],
  // The provider's live updates ask the backend for its configuration. Theme and locale come
  // from the toolbar, as for every widget story, not from controls.
  parameters: { msw: { handlers: createCreditsHandlers() }, controls: { disable: true } },
  args: { theme: 'light', locale: 'en-US' },
  render: (_args, { globals }) => (
    <ControlsSheet
      theme={globals.creditsTheme === 'dark' ? 'dark' : 'light'}
      locale={(globals.locale as string | undefined) ?? 'en-US'}
    />
  ),
} satisfies Meta<typeof ControlsSheet>;

export default meta;
type Story = StoryObj<typeof meta>;

export const AtRest: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('button', { name: 'Pay $10.00' })).toBeDisabled();
    await expect(canvas.getByRole('radio', { name: 'Visa ending in 4242' })).toBeChecked();
    await expect(canvas.getByRole('switch', { name: 'Top up automatically' })).toBeChecked();
    await expect(canvas.getByRole('switch', { name: 'Email me receipts' })).not.toBeChecked();
  },
};

/** Right to left: the select's chevron, the option rows and the switch's thumb mirror. */
export const Arabic: Story = {
  globals: { locale: 'ar-EG' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('switch', { name: 'اشحن تلقائيًا' })).toBeChecked();
    await expect(canvasElement.querySelector('[data-credits-root]')).toHaveAttribute('dir', 'rtl');
  },
};
