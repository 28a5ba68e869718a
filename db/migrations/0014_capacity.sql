-- why ADD COLUMN rather than drizzle-kit's table rebuild: the generated rebuild copied columns that do
-- not exist yet, and adding two nullable columns needs no copy of every node and link.
ALTER TABLE `links` ADD `importance` text CONSTRAINT "links_importance" CHECK("importance" is null or ("importance" in ('essential','important','desirable') and "kind" in ('activity_competency','role_competency')));--> statement-breakpoint
ALTER TABLE `nodes` ADD `sanctioned_posts` integer CONSTRAINT "nodes_sanctioned_posts" CHECK("sanctioned_posts" is null or ("kind" = 'position' and "sanctioned_posts" between 0 and 10000000));
