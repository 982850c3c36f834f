/**
 * What a screen reader is given: Chromium's own accessibility tree (CDP
 * `Accessibility.getFullAXTree` of the test's frame), not Testing Library's
 * model of it. CSS (`sr-only`, `display`), `aria-hidden` and live-region
 * properties are applied by the browser here, as assistive technology sees
 * them. Speech output itself is out of reach; this is what it is built from.
 */
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cdp, userEvent } from 'vitest/browser';
import { defaultLabels } from '../../src/index';
import { installStyles, LEDGER, renderAllWidgets, WIDGET_SLOTS, widgetRoot } from './widgetHarness';

interface AXValue {
  value?: unknown;
}
interface AXNode {
  nodeId: string;
  ignored: boolean;
  role?: AXValue;
  name?: AXValue;
  description?: AXValue;
  value?: AXValue;
  properties?: { name: string; value: AXValue }[];
  childIds?: string[];
}

/** The accessibility tree of the frame the test renders into. */
async function accessibilityTree() {
  const { frameTree } = (await cdp().send('Page.getFrameTree', {})) as {
    frameTree: { childFrames?: { frame: { id: string; url: string } }[] };
  };
  const frame = frameTree.childFrames?.find(({ frame }) => frame.url.includes(location.pathname));
  if (!frame) throw new Error('The test frame is not in the frame tree');
  const { nodes } = (await cdp().send('Accessibility.getFullAXTree', {
    frameId: frame.frame.id,
  })) as { nodes: AXNode[] };
  const byId = new Map(nodes.map((node) => [node.nodeId, node]));
  const text = (node: AXNode): string =>
    node.role?.value === 'StaticText'
      ? String(node.name?.value ?? '')
      : (node.childIds ?? []).map((id) => (byId.has(id) ? text(byId.get(id)!) : '')).join('');
  const property = (node: AXNode, name: string) =>
    node.properties?.find((each) => each.name === name)?.value.value;
  const find = (role: string, name?: string | RegExp) =>
    nodes.filter(
      (node) =>
        !node.ignored &&
        node.role?.value === role &&
        (name === undefined ||
          (typeof name === 'string'
            ? node.name?.value === name
            : name.test(String(node.name?.value ?? '')))),
    );
  const one = (role: string, name?: string | RegExp) => {
    const found = find(role, name);
    expect(found, `one ${role} named ${String(name)}`).toHaveLength(1);
    return found[0]!;
  };
  return { nodes, text, property, find, one };
}

async function renderLoaded() {
  renderAllWidgets({ locale: 'en-US', container: { width: 1000 } });
  await waitFor(() => {
    for (const slot of WIDGET_SLOTS) expect(widgetRoot(slot).dataset.status).toBe('success');
  });
}

beforeAll(() => installStyles());
afterEach(() => cleanup());

describe('the accessibility tree Chromium exposes', () => {
  it('names every region and control, and gives the usage bar its value', async () => {
    await renderLoaded();
    const tree = await accessibilityTree();
    for (const [role, name] of [
      ['region', 'Transaction history'],
      ['region', 'Payment methods'],
      ['table', 'Transaction history'],
      ['button', defaultLabels.addCredits],
      ['button', 'Add payment method'],
      ['group', 'Filter transactions'],
    ] as const) {
      tree.one(role, name);
    }
    const bar = tree.one('progressbar', defaultLabels.creditsUsedBar);
    expect(bar.value?.value).toBe(5);
    expect(tree.property(bar, 'valuemax')).toBe(100);
    // Nothing focusable or actionable is left without a name.
    const unnamed = tree.nodes.filter(
      (node) =>
        !node.ignored &&
        ['button', 'link', 'combobox', 'searchbox', 'radio', 'checkbox', 'textbox'].includes(
          String(node.role?.value),
        ) &&
        String(node.name?.value ?? '').trim() === '',
    );
    expect(unnamed.map((node) => node.role?.value)).toEqual([]);
  });

  it('exposes the history as a table with column headers and every row it holds', async () => {
    await renderLoaded();
    const tree = await accessibilityTree();
    const headers = tree.find('columnheader').map((node) => tree.text(node).trim());
    expect(headers).toEqual(expect.arrayContaining(['Date', 'Description', 'Amount', 'Balance']));
    const rows = tree
      .find('row')
      .map((node) => tree.text(node))
      .filter((text) => !text.startsWith('Date'));
    expect(rows).toHaveLength(LEDGER.length);
    // A row reads as its cells: date, description, type, signed amount, balance after, website.
    expect(rows[0]).toMatch(/^Nov 23, 2026Translation.*−3.*47,500/);
  });

  it('announces a purchase: the dialog is named and alone, success is a status, the new balance a polite live region', async () => {
    await renderLoaded();
    await userEvent.click(screen.getByRole('button', { name: defaultLabels.addCredits }));
    const dialog = await screen.findByRole('dialog');
    await waitFor(() =>
      expect(dialog.querySelectorAll('[data-slot="package-option"]')).toHaveLength(3),
    );
    let tree = await accessibilityTree();
    const modal = tree.one('dialog', defaultLabels.addCredits);
    expect(tree.text(modal)).toContain('10,000 credits');
    expect(String(modal.description?.value ?? '')).not.toBe('');
    expect(tree.find('radio', /credits/).length).toBe(3);
    // Radix sets no aria-modal; it hides everything outside the dialog instead, so
    // the page behind is out of the tree a screen reader browses.
    expect(tree.find('region', 'Transaction history')).toHaveLength(0);

    await userEvent.click(within(dialog).getByRole('button', { name: /^Pay / }));
    await within(dialog).findByText(/credits added/);
    tree = await accessibilityTree();
    const status = tree.find('status').find((node) => /credits added/.test(tree.text(node)));
    expect(status, 'a status node says the credits were added').toBeDefined();
    expect(tree.property(status!, 'live')).toBe('polite');

    await userEvent.click(within(dialog).getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    tree = await accessibilityTree();
    const announcer = tree.nodes.find(
      (node) =>
        !node.ignored &&
        tree.property(node, 'live') === 'polite' &&
        tree.property(node, 'atomic') === true &&
        /57,500 credits/.test(tree.text(node)),
    );
    expect(announcer, 'a polite, atomic live region announces the new balance').toBeDefined();
  });
});
