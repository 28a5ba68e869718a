/**
 * The header's search box: a GET form to /search that works without JavaScript; with it, a list of
 * suggestions while typing (WAI-ARIA combobox: arrows move, Enter opens, Escape closes).
 */
import { useFetcher, useNavigate, useSearchParams } from "@remix-run/react";
import { useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Suggestion } from "@schemas/search-hit";

type SuggestionsData = { query: string; suggestions: Suggestion[]; fuzzy: boolean };

const DEBOUNCE_MS = 120;

/** What a suggestion is and where it lives, in a few words. */
export function useHitPlace() {
  const { t } = useTranslation("search");
  return (h: Pick<Suggestion, "scope" | "mdoCode" | "version">) =>
    h.scope === "dictionary" ? t("scope.dictionary") : t(`scope.${h.scope}`, { mdo: h.mdoCode ?? "", version: h.version ?? "" });
}

export function SearchBox() {
  const { t } = useTranslation("search");
  const place = useHitPlace();
  const id = useId();
  const [params] = useSearchParams();
  const fetcher = useFetcher<SuggestionsData>();
  const navigate = useNavigate();
  const [text, setText] = useState(params.get("q") ?? "");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const load = fetcher.load;

  useEffect(() => () => clearTimeout(timer.current), []);

  function onChange(value: string) {
    setText(value);
    setActive(-1);
    clearTimeout(timer.current);
    if (value.trim().length < 2) {
      setOpen(false);
      return;
    }
    timer.current = setTimeout(() => {
      load(`/search/suggestions?q=${encodeURIComponent(value)}`);
      setOpen(true);
    }, DEBOUNCE_MS);
  }

  const data = fetcher.data && fetcher.data.query === text.trim() ? fetcher.data : undefined;
  const items = open && data ? data.suggestions : [];
  const listId = `${id}-list`;
  const optionId = (i: number) => `${id}-opt-${i}`;

  function onKeyDown(e: React.KeyboardEvent<HTMLInputElement>) {
    if (e.key === "Escape") {
      setOpen(false);
      setActive(-1);
    } else if (e.key === "ArrowDown" && items.length) {
      e.preventDefault();
      setActive((a) => (a + 1) % items.length);
    } else if (e.key === "ArrowUp" && items.length) {
      e.preventDefault();
      setActive((a) => (a <= 0 ? items.length - 1 : a - 1));
    } else if (e.key === "Enter" && active >= 0 && items[active]) {
      e.preventDefault();
      setOpen(false);
      navigate(items[active].href);
    }
  }

  return (
    <form method="get" action="/search" role="search" className="search-box" onBlur={(e) => !e.currentTarget.contains(e.relatedTarget) && setOpen(false)}>
      <label htmlFor={`${id}-q`} className="sr-only">
        {t("box.label")}
      </label>
      <input
        id={`${id}-q`}
        name="q"
        type="search"
        autoComplete="off"
        placeholder={t("box.placeholder")}
        value={text}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={onKeyDown}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={items.length > 0}
        aria-controls={listId}
        aria-activedescendant={active >= 0 ? optionId(active) : undefined}
        maxLength={200}
      />
      <button type="submit" className="button-link">
        {t("box.submit")}
      </button>
      <div className="search-popup" hidden={items.length === 0}>
        {data?.fuzzy ? <p className="small muted">{t("box.similar")}</p> : null}
        <ul id={listId} role="listbox" aria-label={t("box.suggestions")}>
          {items.map((s, i) => (
            <li key={`${s.scope}-${s.id}`} id={optionId(i)} role="option" aria-selected={i === active} className={i === active ? "active" : undefined}>
              <a href={s.href} tabIndex={-1} onClick={() => setOpen(false)}>
                <span className="name">
                  {s.name}
                  {s.nameHi ? <span lang="hi"> · {s.nameHi}</span> : null}
                </span>
                <span className="small muted">
                  {t(`kindOne.${s.kind}`)} · {s.code ? `${s.code} · ` : ""}
                  {place(s)}
                </span>
              </a>
            </li>
          ))}
        </ul>
        <a className="small search-all" href={`/search?q=${encodeURIComponent(text.trim())}`}>
          {t("box.all", { query: text.trim() })}
        </a>
      </div>
    </form>
  );
}
