-- scripts/sharded-shard.sql: what each shard of scripts/run-sharded.sh holds.
--
-- jobreg, and the four tables whose rows the coordinator routes here by a hash
-- of pnr (the coordinator's foreign partitions point at them).  The shards know
-- nothing of each other or of the partitioning.
\set ON_ERROR_STOP 1
SET client_min_messages = warning;
CREATE EXTENSION jobreg;

-- a person: kommune, weekly history, and the kontanthjælp periods as dates
CREATE TABLE person (pnr int PRIMARY KEY, kommune int NOT NULL, wl weekline NOT NULL,
					 ydelse datemultirange NOT NULL);
-- the person's new kontanthjælp spells (STAR's rule: breaks of up to 5 weeks bridged)
CREATE TABLE spell (pnr int NOT NULL, kommune int NOT NULL, start isoweek NOT NULL,
					weeks int NOT NULL, ended bool NOT NULL, afgang int NOT NULL);
-- the person's activation offers
CREATE TABLE tilbud (pnr int NOT NULL, type text NOT NULL, periode daterange NOT NULL,
					 timer float8 NOT NULL);
-- weekly codes in long form, as registers deliver them
CREATE TABLE long (pnr int NOT NULL, week isoweek NOT NULL, code int NOT NULL);
CREATE INDEX ON spell (pnr);
CREATE INDEX ON tilbud (pnr);
