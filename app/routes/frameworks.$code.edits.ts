import type { ActionFunctionArgs } from "@remix-run/node";
import { handleEditorAction } from "~/routes/frameworks.$code.edit/editor-action.server";

/**
 * The graph editor's save action at an address of its own, for the list editing page: the same
 * JSON change set, the same checks and the same transaction as `/frameworks/:code/edit`, but
 * posting here does not make the browser load the editor's route module (the canvas and its
 * libraries) just to send a save.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  return handleEditorAction(request, params.code);
}
