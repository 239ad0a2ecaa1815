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
