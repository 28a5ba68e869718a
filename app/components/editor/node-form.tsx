/** The selected node's fields, checked with the shared schema; errors sit next to their field. */
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { nodeFieldsSchema, type NodeFields } from "@schemas/edit-ops";
import { RESOURCE_TYPES } from "@schemas/enums";
import type { EditorNode } from "./types";

type Props = { node: EditorNode; readOnly: boolean; onApply: (fields: Partial<NodeFields>) => void };

type Errors = Partial<Record<keyof NodeFields, string>>;

/** Edits name, Hindi name, description, Hindi description, source (and a resource's address and type). */
export function NodeForm({ node, readOnly, onApply }: Props) {
  const { t: tc } = useTranslation("content");
  const [errors, setErrors] = useState<Errors>({});
  const { t } = useTranslation("editor");
  const isResource = node.kind === "knowledge_resource";

  const submit = (form: HTMLFormElement) => {
    const data: Record<string, unknown> = Object.fromEntries(new FormData(form));
    if (data.resourceType === "") delete data.resourceType;
    // why: the number field arrives as text; empty means "not known" (null), anything else must parse as a whole number.
    if (typeof data.sanctionedPosts === "string") {
      const text = data.sanctionedPosts.trim();
      data.sanctionedPosts = text === "" ? null : /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
    }
    const parsed = nodeFieldsSchema.partial().safeParse(data);
    if (!parsed.success) {
      const flat = z.flattenError(parsed.error).fieldErrors as Record<string, string[] | undefined>;
      setErrors(Object.fromEntries(Object.entries(flat).map(([k, v]) => [k, v?.[0]])) as Errors);
      return;
    }
    if (!parsed.data.name) {
      setErrors({ name: t("form.nameEmpty") });
      return;
    }
    setErrors({});
    onApply(parsed.data);
  };

  const field = (name: keyof NodeFields, label: string, input: (props: Record<string, unknown>) => JSX.Element) => {
    const id = `f-${name}`;
    return (
      <div className="field">
        <label htmlFor={id}>{label}</label>
        {input({
          id,
          name,
          readOnly,
          "aria-invalid": errors[name] ? true : undefined,
          "aria-describedby": errors[name] ? `${id}-error` : undefined,
        })}
        {errors[name] ? (
          <p id={`${id}-error`} className="field-error">
            {errors[name]}
          </p>
        ) : null}
      </div>
    );
  };

  return (
    <form
      className="node-form"
      onSubmit={(e) => {
        e.preventDefault();
        submit(e.currentTarget);
      }}
      onBlur={(e) => {
        // why: leaving a changed field applies it, so nothing typed is lost.
        if (!readOnly && e.currentTarget.contains(e.target) && !e.currentTarget.contains(e.relatedTarget as Node | null)) {
          submit(e.currentTarget);
        }
      }}
    >
      {field("name", t("form.name"), (p) => <input type="text" defaultValue={node.name} required {...p} />)}
      {field("nameHi", t("form.nameHi"), (p) => <input type="text" lang="hi" defaultValue={node.nameHi ?? ""} {...p} />)}
      {field("description", t("form.description"), (p) => <textarea rows={3} defaultValue={node.description ?? ""} {...p} />)}
      {field("descriptionHi", tc("field.hindiDescription"), (p) => <textarea rows={3} lang="hi" defaultValue={node.descriptionHi ?? ""} {...p} />)}
      {field("source", t("form.source"), (p) => <input type="text" defaultValue={node.source ?? ""} placeholder={t("form.sourcePlaceholder")} {...p} />)}
      {node.kind === "position"
        ? field("sanctionedPosts", t("form.sanctionedPosts"), (p) => (
            <input type="number" inputMode="numeric" defaultValue={node.sanctionedPosts ?? ""} placeholder={t("form.sanctionedPlaceholder")} {...p} />
          ))
        : null}
      {isResource ? (
        <>
          {field("url", t("form.url"), (p) => <input type="url" defaultValue={node.url ?? ""} placeholder="https://" {...p} />)}
          {field("resourceType", t("form.type"), (p) => (
            <select defaultValue={node.resourceType ?? ""} disabled={readOnly} {...p}>
              <option value="" disabled>
                {t("form.choose")}
              </option>
              {RESOURCE_TYPES.map((r) => (
                <option key={r} value={r}>
                  {t(`form.resourceType.${r}`)}
                </option>
              ))}
            </select>
          ))}
        </>
      ) : null}
      {readOnly ? null : (
        <button type="submit" className="button">
          {t("form.apply")}
        </button>
      )}
    </form>
  );
}
