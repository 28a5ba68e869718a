import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ProfileListPage } from "~/components/insight/profile-list-page";
import { profileListLoader } from "~/http/profile-loaders.server";
import { pageTitle } from "~/i18n/meta";
import profileStyles from "~/styles/profile.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: profileStyles }];

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? pageTitle(matches, "profiles:list.title", `Position profiles · ${data.mdo.code}`, { code: data.mdo.code }) : pageTitle(matches, "profiles:list.heading", "Position profiles");

/** The position profiles of a published version (everyone signed in). */
export async function loader(args: LoaderFunctionArgs) {
  return json(await profileListLoader(args));
}

export default function PositionProfilesRoute() {
  return <ProfileListPage data={useLoaderData<typeof loader>()} />;
}
