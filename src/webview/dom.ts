// A few DOM helpers: elements built with properties and children, codicon buttons.

type Child = Node | string | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<Record<string, string | boolean | number>> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === false) continue;
    if (key === 'class') el.className = String(value);
    else if (key === 'text') el.textContent = String(value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children) if (child !== undefined && child !== false) el.append(child);
  return el;
}

export function icon(name: string, extra = ''): HTMLElement {
  return h('span', { class: `codicon codicon-${name}${extra ? ` ${extra}` : ''}`, 'aria-hidden': 'true' });
}

/** An icon-only button; `label` is its accessible name and tooltip. */
export function iconButton(name: string, label: string, action: string, extra: Record<string, string> = {}): HTMLButtonElement {
  return h(
    'button',
    { class: 'icon-button', type: 'button', title: label, 'aria-label': label, 'data-action': action, ...extra },
    icon(name),
  );
}

/** A button with an icon and a visible label. */
export function textButton(name: string, label: string, action: string, kind: 'primary' | 'secondary' = 'secondary'): HTMLButtonElement {
  return h('button', { class: `text-button ${kind}`, type: 'button', 'data-action': action }, icon(name), h('span', { text: label }));
}
