/**
 * An accessible combobox (WAI-ARIA 1.2 pattern): a text input that filters a list by label and
 * detail, arrow keys to move, Enter to choose, Escape to close. Optionally offers to create
 * what was typed.
 */
import { useId, useMemo, useState, type ReactNode } from "react";

export type ComboOption = { id: string; label: string; detail?: string; hint?: string };

type Props = {
  label: ReactNode;
  options: ComboOption[];
  onChoose: (option: ComboOption) => void;
  /** When set, typed text that matches no option can be created. */
  onCreate?: (text: string) => void;
  createLabel?: (text: string) => string;
  placeholder?: string;
  onFocus?: () => void;
  describedBy?: string;
  invalid?: boolean;
  max?: number;
  /** The options the typed text names exactly (by a rule of the caller's, e.g. a code): listed first, and nothing is offered to create. */
  named?: (text: string) => ComboOption[];
};

const norm = (s: string) => s.normalize("NFC").toLocaleLowerCase("en");

/** Text input with a filtered list of suggestions. */
export function Combobox({ label, options, onChoose, onCreate, createLabel, placeholder, onFocus, describedBy, invalid, max = 40, named }: Props) {
  const id = useId();
  const [text, setText] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const matches = useMemo(() => {
    const q = norm(text.trim());
    if (!q) return options.slice(0, max);
    const starts: ComboOption[] = [];
    const contains: ComboOption[] = [];
    for (const o of options) {
      const l = norm(o.label);
      if (l.startsWith(q)) starts.push(o);
      else if (l.includes(q) || (o.detail && norm(o.detail).includes(q))) contains.push(o);
      if (starts.length >= max) break;
    }
    const first = q && named ? named(text) : [];
    const firstIds = new Set(first.map((o) => o.id));
    return [...first, ...[...starts, ...contains].filter((o) => !firstIds.has(o.id))].slice(0, max);
  }, [options, text, max, named]);
  const exact = matches.some((m) => norm(m.label) === norm(text.trim())) || (!!named && text.trim() !== "" && named(text).length > 0);
  const canCreate = !!onCreate && text.trim().length > 0 && !exact;
  const items = canCreate ? [...matches, { id: "__create__", label: createLabel ? createLabel(text.trim()) : `Create “${text.trim()}”` }] : matches;

  const choose = (i: number) => {
    const item = items[i];
    if (!item) return;
    if (item.id === "__create__") onCreate?.(text.trim());
    else onChoose(item);
    setText("");
    setOpen(false);
    setActive(0);
  };

  return (
    <div className="combobox">
      <label htmlFor={`${id}-input`}>{label}</label>
      <input
        id={`${id}-input`}
        type="text"
        role="combobox"
        aria-expanded={open && items.length > 0}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={open && items[active] ? `${id}-opt-${active}` : undefined}
        aria-describedby={describedBy}
        aria-invalid={invalid || undefined}
        autoComplete="off"
        placeholder={placeholder}
        value={text}
        onFocus={() => {
          onFocus?.();
        }}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
          setActive(0);
        }}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown") {
            e.preventDefault();
            setOpen(true);
            setActive((a) => Math.min(a + 1, items.length - 1));
          } else if (e.key === "ArrowUp") {
            e.preventDefault();
            setActive((a) => Math.max(a - 1, 0));
          } else if (e.key === "Enter") {
            e.preventDefault();
            if (open || text.trim()) choose(active);
          } else if (e.key === "Escape") {
            setOpen(false);
          }
        }}
      />
      {open && items.length > 0 ? (
        <ul id={`${id}-list`} role="listbox" className="combobox-list">
          {items.map((o, i) => (
            <li
              key={o.id}
              id={`${id}-opt-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? "is-active" : undefined}
              onMouseDown={(e) => {
                e.preventDefault();
                choose(i);
              }}
            >
              <span className="combobox-label">{o.label}</span>
              {o.hint ? <span className="combobox-hint">{o.hint}</span> : null}
              {o.detail ? <span className="combobox-detail">{o.detail}</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
