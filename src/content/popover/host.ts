/**
 * The popover's host: the only node the extension ever adds to a page, created when first needed.
 * It lives in the top layer (Popover API), so page z-index, overflow and transforms cannot hide it,
 * and holds a closed shadow root, so the page cannot read or restyle what is inside.
 */
import { h, render } from 'preact';
import cardCss from '../../ui/card.css';
import themeCss from '../../ui/theme.css';
import popoverCss from './popover.css';
import { Popover, type HostProps, type PopoverProps } from './Popover';
import { place, type Box } from './place';
import { sheetOf } from '../../ui/sheet';

/**
 * Inline !important declarations outrank every page rule, including `* { all: unset !important }`,
 * so the host keeps the geometry the top layer needs.
 */
const HOST_STYLE: Record<string, string> = {
  all: 'initial',
  position: 'fixed',
  inset: 'auto',
  margin: '0',
  padding: '0',
  border: '0',
  background: 'transparent',
  overflow: 'visible',
  'z-index': '2147483647',
  width: 'auto',
  height: 'auto',
  'max-width': 'none',
};

export class PopoverHost {
  private host: HTMLElement | null = null;
  private shadow: ShadowRoot | null = null;
  private anchor: (() => Box | null) | null = null;
  private lastProps: PopoverProps | null = null;
  private editing = false;
  private readonly hostProps: HostProps = { onEditing: (editing) => (this.editing = editing) };

  get element(): HTMLElement | null {
    return this.host;
  }

  get isOpen(): boolean {
    return this.anchor !== null;
  }

  /**
   * True while the user writes a note in the popover: it then stays open and in place until the
   * note is saved or cancelled, whatever the pointer or the page's scrolling does.
   */
  get pinned(): boolean {
    return this.isOpen && this.editing;
  }

  /** True when the event's target is the popover (events from the closed root are retargeted to the host). */
  contains(target: EventTarget | null): boolean {
    return target !== null && target === this.host;
  }

  show(anchor: () => Box | null, props: PopoverProps): void {
    const { host, shadow } = this.ensure();
    this.anchor = anchor;
    this.lastProps = props;
    render(h(Popover, { ...props, ...this.hostProps }), shadow);
    if (!host.isConnected) document.documentElement.append(host);
    if (!host.matches(':popover-open')) host.showPopover();
    this.reposition();
    this.focusIfAsked(props);
  }

  /** Re-renders with new content (entity data arrived, a related entity was chosen). */
  update(props: Partial<PopoverProps>): void {
    if (!this.shadow || !this.lastProps) return;
    this.lastProps = { ...this.lastProps, ...props };
    render(h(Popover, { ...this.lastProps, ...this.hostProps }), this.shadow);
    this.reposition();
    this.focusIfAsked(this.lastProps);
  }

  /** Keyboard users land in the popover (and again when a related entity replaces its content). */
  private focusIfAsked(props: PopoverProps): void {
    if (props.focus) this.shadow?.querySelector<HTMLElement>('[role=dialog]')?.focus({ preventScroll: true });
  }

  /** Places the popover next to its mark; returns false when the mark is out of view. */
  reposition(): boolean {
    const host = this.host;
    const box = this.anchor?.();
    if (!host || !box) return false;
    const vw = document.documentElement.clientWidth || window.innerWidth;
    const vh = window.innerHeight;
    if (box.top + box.height < 0 || box.top > vh || box.left + box.width < 0 || box.left > vw) return false;
    host.style.setProperty('max-height', 'none', 'important');
    const size = host.getBoundingClientRect();
    const p = place(box, { width: size.width, height: size.height }, { width: vw, height: vh });
    host.style.setProperty('left', `${p.left}px`, 'important');
    host.style.setProperty('top', `${p.top}px`, 'important');
    host.style.setProperty('max-height', `${p.maxHeight}px`, 'important');
    return true;
  }

  hide(): void {
    this.anchor = null;
    this.editing = false;
    this.lastProps = null;
    if (this.shadow) render(null, this.shadow);
    if (this.host?.matches(':popover-open')) this.host.hidePopover();
    this.host?.remove();
  }

  private ensure(): { host: HTMLElement; shadow: ShadowRoot } {
    if (this.host && this.shadow) return { host: this.host, shadow: this.shadow };
    const host = document.createElement('llama-lens-popover');
    for (const [k, v] of Object.entries(HOST_STYLE)) host.style.setProperty(k, v, 'important');
    host.popover = 'manual';
    const shadow = host.attachShadow({ mode: 'closed' });
    shadow.adoptedStyleSheets = [sheetOf(themeCss, popoverCss, cardCss)];
    this.host = host;
    this.shadow = shadow;
    return { host, shadow };
  }
}
