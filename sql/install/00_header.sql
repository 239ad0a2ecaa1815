-- jobreg install script.  The Makefile assembles it from the fragments in
-- sql/install, one per feature, in file-name order.

-- complain if script is sourced in psql, rather than via CREATE EXTENSION
\echo Use "CREATE EXTENSION jobreg" to load this file. \quit

