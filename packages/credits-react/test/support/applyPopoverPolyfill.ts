import { apply } from '@oddbird/popover-polyfill/fn';
import { beforeAll } from 'vitest';

// jsdom has no Popover API. OddBird's polyfill (show/hide, light dismiss, Escape and the focus
// return as the HTML spec words them) stands in, its styles in a <style> (jsdom has no adopted
// sheets); jsdom lets its own sheet (every [popover] hidden) win, so an open one is shown here.
export function applyPopoverPolyfill() {
  beforeAll(() => {
    const Sheet = window.CSSStyleSheet;
    (window as { CSSStyleSheet?: unknown }).CSSStyleSheet = undefined;
    apply();
    window.CSSStyleSheet = Sheet;
    const style = document.createElement('style');
    style.textContent = '[popover].\\:popover-open { display: block !important; }';
    document.head.append(style);
  });
}
