/* ---------- privileges ---------- */

/*
 * codes(), kommune_kode() and aktivering() read the reference tables with
 * the privileges of the caller, so everybody may read them.  The role that
 * creates the extension may change them and pass that on: in a trusted
 * installation by a non-superuser the tables belong to the bootstrap
 * superuser, and without this grant nobody could add a codebook.
 */
GRANT SELECT ON codebook, kommune, klynge, tilbudstype TO PUBLIC;
GRANT INSERT, UPDATE, DELETE ON codebook, kommune, klynge, tilbudstype TO @extowner@ WITH GRANT OPTION;

/*
 * shipped_key is written by the extension's scripts only.  Whoever deletes a
 * shipped reference row (or gives it another key) records it in
 * shipped_deleted, so needs INSERT there: grant it with DELETE on the tables.
 */
GRANT SELECT ON shipped_key, shipped_deleted TO PUBLIC;
GRANT INSERT, DELETE ON shipped_deleted TO @extowner@ WITH GRANT OPTION;
