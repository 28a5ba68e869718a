import { openApiDocument } from "~/http/openapi";

/** GET /api/v1/openapi.json: the read API's OpenAPI 3.1 description (public: it holds no data). */
export async function loader() {
  return new Response(JSON.stringify(openApiDocument, null, 2), {
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "public, max-age=300" },
  });
}
