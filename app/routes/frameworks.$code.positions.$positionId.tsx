import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ProfilePage } from "~/components/insight/profile-page";
import { profileLoader } from "~/http/profile-loaders.server";
import { pageTitle } from "~/i18n/meta";
import profileStyles from "~/styles/profile.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: profileStyles }];

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? pageTitle(matches, "profiles:profile.title", `${data.profile.position.name} · ${data.mdo.code}`, { name: data.profile.position.name, code: data.mdo.code }) : pageTitle(matches, "profiles:profile.titleFallback", "Position profile");

/** A position's profile: the working draft (its ministry and the CBC; others 404). */
export async function loader(args: LoaderFunctionArgs) {
  return json(await profileLoader(args));
}

export default function PositionProfileRoute() {
  return <ProfilePage data={useLoaderData<typeof loader>()} />;
}
