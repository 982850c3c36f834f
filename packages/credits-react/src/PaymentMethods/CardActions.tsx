import { type ButtonHTMLAttributes, useEffect, useId, useRef, useState } from 'react';

/** The open popup beside its trigger, at the trigger's inline end; above it when there is no room below. */
function place(popup: HTMLElement, trigger: HTMLElement) {
  const box = trigger.getBoundingClientRect();
  const { offsetWidth: width, offsetHeight: height } = popup;
  const left = getComputedStyle(trigger).direction === 'rtl' ? box.left : box.right - width;
  const above = box.bottom + height + 4 > innerHeight && box.top > height + 4;
  popup.style.left = `${left}px`;
  popup.style.top = `${above ? box.top - height - 4 : box.bottom + 4}px`;
}

/**
 * A card row's actions: a "⋯" button that shows them in a popup (the browser's Popover API:
 * top layer, light dismiss, Escape returns focus to the button). A disclosure, not an ARIA
 * menu: the actions (children) are ordinary buttons right after the trigger, so Tab reaches
 * them. Choosing one closes the popup and puts focus back on the "⋯" button before the
 * action's own handler runs.
 */
export function CardActions({
  label,
  children,
  ...props
}: { label: string } & ButtonHTMLAttributes<HTMLButtonElement>) {
  const id = useId();
  const trigger = useRef<HTMLButtonElement>(null);
  const popup = useRef<HTMLDivElement>(null);
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const button = trigger.current as HTMLButtonElement;
    const menu = popup.current as HTMLDivElement;
    // A property, not the attribute: React 18 and 19 spell `popovertarget` differently.
    button.popoverTargetElement = menu;
    // A scroll would leave it beside nothing: it closes. A resize (a phone turned) moves it along.
    const close = () => menu.hidePopover();
    const follow = () => place(menu, button);
    const listen = (on: boolean) => {
      const method = on ? addEventListener : removeEventListener;
      method('scroll', close, true);
      method('resize', follow);
    };
    // Before the browser shows or hides it (on a click on the button, light dismiss, Escape).
    const onToggle = (event: Event) => {
      const opened = (event as ToggleEvent).newState === 'open';
      setOpen(opened);
      if (!opened) return listen(false);
      // Shown right after this event: placed before the next paint, and only then closed by a
      // scroll (one already under way, e.g. the button scrolled into view, fires before this).
      requestAnimationFrame(() => {
        follow();
        listen(true);
      });
    };
    // Choosing an action closes the popup and puts focus back on the button before the action's
    // own onClick runs (this listener is on the way up to React's, which sits on the root).
    const onChoose = () => {
      menu.hidePopover();
      button.focus();
    };
    menu.addEventListener('beforetoggle', onToggle);
    menu.addEventListener('click', onChoose);
    return () => {
      menu.removeEventListener('beforetoggle', onToggle);
      menu.removeEventListener('click', onChoose);
      listen(false);
    };
  }, []);
  return (
    <>
      <button
        ref={trigger}
        type="button"
        className="credits-icon-button"
        aria-label={label}
        aria-expanded={open}
        aria-controls={id}
        {...props}
      />
      <div ref={popup} id={id} popover="auto" className="credits-menu">
        {children}
      </div>
    </>
  );
}
