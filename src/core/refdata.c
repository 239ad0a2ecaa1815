/*
 * src/core/refdata.c
 *		Reference data that survives pg_dump and restore: the rows the
 *		extension ships and the rows of its users cannot be confused.
 *
 * The reference tables (codebook, tilbudstype, kommune, klynge) have a
 * column shipped that only the extension's install and upgrade scripts can
 * set: reference_row_guard makes every other inserted or updated row a user
 * row (shipped = false), and pg_dump dumps exactly the user rows
 * (pg_extension_config_dump ... 'WHERE NOT shipped').
 *
 * A restore runs CREATE EXTENSION, which makes the shipped rows again, and
 * then loads the dumped rows.  Two things must then come out as they were:
 *
 *	- a shipped row the user edited is a user row with the key of a shipped
 *	  row: the INSERT of a key a shipped row holds replaces that row (an
 *	  UPDATE of it) instead of failing;
 *	- a shipped row the user deleted (or moved to another key) is made again
 *	  by CREATE EXTENSION: the scripts record the key of every shipped row in
 *	  shipped_key (not dumped, the scripts make it), reference_row_forget
 *	  records the keys of shipped_key that leave their table in
 *	  shipped_deleted (dumped whole), and a row loaded into shipped_deleted
 *	  deletes the shipped row of that key again (shipped_deleted_apply).
 *
 * Keys are stored as jsonb, {"column": value, ...} over the primary key,
 * with dates in ISO form (the functions are declared SET datestyle), so the
 * same key gives the same jsonb in every session.
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "access/table.h"
#include "catalog/pg_type.h"
#include "commands/extension.h"
#include "commands/trigger.h"
#include "executor/spi.h"
#include "nodes/bitmapset.h"
#include "utils/builtins.h"
#include "utils/datum.h"
#include "utils/lsyscache.h"
#include "utils/rel.h"
#include "utils/relcache.h"

#include "core/core.h"

PG_FUNCTION_INFO_V1(reference_row_guard);
PG_FUNCTION_INFO_V1(reference_row_forget);
PG_FUNCTION_INFO_V1(shipped_deleted_apply);

/* The columns of a table's primary key */
typedef struct PrimaryKey
{
	int			n;
	AttrNumber	attnums[INDEX_MAX_KEYS];
} PrimaryKey;

/* The key of one row as query parameters: $1 the table name, $2... the key */
typedef struct KeyArgs
{
	int			nargs;
	Oid			types[INDEX_MAX_KEYS + 1];
	Datum		values[INDEX_MAX_KEYS + 1];
	char		nulls[INDEX_MAX_KEYS + 1];
	char	   *json;			/* jsonb_build_object('col', $2, ...) */
} KeyArgs;

/* True while jobreg's own install or upgrade script runs */
static bool
InExtensionScript(void)
{
	return creating_extension &&
		CurrentExtensionObject == get_extension_oid("jobreg", true);
}

static void
CheckTrigger(FunctionCallInfo fcinfo, const char *name, bool before, bool insert,
			 bool update, bool delete)
{
	TriggerData *td = (TriggerData *) fcinfo->context;

	if (!CALLED_AS_TRIGGER(fcinfo) || !TRIGGER_FIRED_FOR_ROW(td->tg_event) ||
		(TRIGGER_FIRED_BEFORE(td->tg_event) != before) ||
		(TRIGGER_FIRED_BY_INSERT(td->tg_event) && !insert) ||
		(TRIGGER_FIRED_BY_UPDATE(td->tg_event) && !update) ||
		(TRIGGER_FIRED_BY_DELETE(td->tg_event) && !delete) ||
		TRIGGER_FIRED_BY_TRUNCATE(td->tg_event))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("function %s was not called as the row trigger it was declared for", name)));
}

static void
GetPrimaryKey(Relation rel, PrimaryKey *pk)
{
	Bitmapset  *cols = RelationGetIndexAttrBitmap(rel, INDEX_ATTR_BITMAP_PRIMARY_KEY);
	int			i = -1;

	pk->n = 0;
	while ((i = bms_next_member(cols, i)) >= 0)
		pk->attnums[pk->n++] = i + FirstLowInvalidHeapAttributeNumber;
	if (pk->n == 0)
		ereport(ERROR,
				(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
				 errmsg("table \"%s\" has no primary key", RelationGetRelationName(rel))));
}

/* The column shipped of a reference table */
static AttrNumber
ShippedColumn(Relation rel)
{
	TupleDesc	desc = RelationGetDescr(rel);
	int			attnum = SPI_fnumber(desc, "shipped");

	if (attnum <= 0 || TupleDescAttr(desc, attnum - 1)->atttypid != BOOLOID)
		ereport(ERROR,
				(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
				 errmsg("table \"%s\" has no boolean column shipped", RelationGetRelationName(rel))));
	return attnum;
}

/* Table name of rel's schema (the extension's), quoted and qualified */
static char *
TableOfSchema(Relation rel, const char *name)
{
	return quote_qualified_identifier(get_namespace_name(RelationGetNamespace(rel)), name);
}

static void
KeyOf(Relation rel, HeapTuple tuple, KeyArgs *ka)
{
	TupleDesc	desc = RelationGetDescr(rel);
	PrimaryKey	pk;
	StringInfoData buf;

	GetPrimaryKey(rel, &pk);
	ka->types[0] = TEXTOID;
	ka->values[0] = CStringGetTextDatum(RelationGetRelationName(rel));
	ka->nulls[0] = ' ';
	initStringInfo(&buf);
	appendStringInfoString(&buf, "pg_catalog.jsonb_build_object(");
	for (int i = 0; i < pk.n; i++)
	{
		Form_pg_attribute att = TupleDescAttr(desc, pk.attnums[i] - 1);
		bool		isnull;

		ka->types[i + 1] = att->atttypid;
		ka->values[i + 1] = heap_getattr(tuple, pk.attnums[i], desc, &isnull);
		ka->nulls[i + 1] = isnull ? 'n' : ' ';
		appendStringInfo(&buf, "%s%s, $%d", i > 0 ? ", " : "",
						 quote_literal_cstr(NameStr(att->attname)), i + 2);
	}
	appendStringInfoChar(&buf, ')');
	ka->nargs = pk.n + 1;
	ka->json = buf.data;
}

/* Runs the INSERT sql, whose parameters are those of ka */
static void
InsertWithKey(const char *sql, KeyArgs *ka)
{
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	if (SPI_execute_with_args(sql, ka->nargs, ka->types, ka->values, ka->nulls,
							  false, 0) != SPI_OK_INSERT)
		elog(ERROR, "could not run: %s", sql);
	SPI_finish();
}

static bool
KeyChanged(Relation rel, HeapTuple old, HeapTuple new)
{
	TupleDesc	desc = RelationGetDescr(rel);
	PrimaryKey	pk;

	GetPrimaryKey(rel, &pk);
	for (int i = 0; i < pk.n; i++)
	{
		Form_pg_attribute att = TupleDescAttr(desc, pk.attnums[i] - 1);
		bool		oldnull,
					newnull;
		Datum		a = heap_getattr(old, pk.attnums[i], desc, &oldnull);
		Datum		b = heap_getattr(new, pk.attnums[i], desc, &newnull);

		if (oldnull != newnull ||
			(!oldnull && !datumIsEqual(a, b, att->attbyval, att->attlen)))
			return true;
	}
	return false;
}

/*
 * The INSERT of a key that a shipped row holds replaces that row: an UPDATE
 * gives it the new row's values (and, through reference_row_guard again,
 * makes it a user row).  A restore needs this, since CREATE EXTENSION has
 * made the shipped row again before the dumped row that took its place
 * comes; an UPDATE, not DELETE and INSERT, so that rows referring to the key
 * (klynge to kommune) never see it gone.  True when a row was replaced.
 */
static bool
ReplaceShipped(Relation rel, HeapTuple tuple, AttrNumber shipped)
{
	TupleDesc	desc = RelationGetDescr(rel);
	PrimaryKey	pk;
	StringInfoData sql;
	Oid		   *types = palloc(desc->natts * sizeof(Oid));
	Datum	   *values = palloc(desc->natts * sizeof(Datum));
	char	   *nulls = palloc(desc->natts * sizeof(char));
	int		   *param = palloc0(desc->natts * sizeof(int));
	int			nargs = 0;
	bool		replaced;

	GetPrimaryKey(rel, &pk);
	initStringInfo(&sql);
	appendStringInfo(&sql, "UPDATE %s AS t SET ",
					 TableOfSchema(rel, RelationGetRelationName(rel)));
	for (int i = 0; i < desc->natts; i++)
	{
		Form_pg_attribute att = TupleDescAttr(desc, i);
		bool		isnull;

		if (att->attisdropped || att->attgenerated || i + 1 == shipped)
			continue;
		types[nargs] = att->atttypid;
		values[nargs] = heap_getattr(tuple, i + 1, desc, &isnull);
		nulls[nargs] = isnull ? 'n' : ' ';
		param[i] = ++nargs;
		appendStringInfo(&sql, "%s%s = $%d", nargs > 1 ? ", " : "",
						 quote_identifier(NameStr(att->attname)), nargs);
	}
	appendStringInfoString(&sql, " WHERE t.shipped");
	for (int i = 0; i < pk.n; i++)
		appendStringInfo(&sql, " AND t.%s OPERATOR(pg_catalog.=) $%d",
						 quote_identifier(NameStr(TupleDescAttr(desc, pk.attnums[i] - 1)->attname)),
						 param[pk.attnums[i] - 1]);

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	if (SPI_execute_with_args(sql.data, nargs, types, values, nulls, false, 0) != SPI_OK_UPDATE)
		elog(ERROR, "could not run: %s", sql.data);
	replaced = SPI_processed > 0;
	SPI_finish();
	return replaced;
}

/*
 * BEFORE INSERT OR UPDATE FOR EACH ROW on a reference table.  In jobreg's
 * scripts: a shipped row's key goes into shipped_key.  Otherwise the row is
 * a user row, and an INSERT of a shipped row's key replaces that row.
 */
Datum
reference_row_guard(PG_FUNCTION_ARGS)
{
	TriggerData *td = (TriggerData *) fcinfo->context;
	Relation	rel;
	HeapTuple	tuple;
	AttrNumber	shipped;
	bool		isnull;
	Datum		value = BoolGetDatum(false);
	bool		null = false;
	int			attnum;

	CheckTrigger(fcinfo, "reference_row_guard", true, true, true, false);
	rel = td->tg_relation;
	tuple = TRIGGER_FIRED_BY_UPDATE(td->tg_event) ? td->tg_newtuple : td->tg_trigtuple;
	shipped = ShippedColumn(rel);

	if (InExtensionScript())
	{
		Datum		d = heap_getattr(tuple, shipped, RelationGetDescr(rel), &isnull);

		if (!isnull && DatumGetBool(d))
		{
			KeyArgs		ka;

			KeyOf(rel, tuple, &ka);
			InsertWithKey(psprintf("INSERT INTO %s (table_name, row_key) VALUES ($1, %s) ON CONFLICT DO NOTHING",
								   TableOfSchema(rel, "shipped_key"), ka.json), &ka);
		}
		return PointerGetDatum(tuple);
	}

	attnum = shipped;
	tuple = heap_modify_tuple_by_cols(tuple, RelationGetDescr(rel), 1, &attnum, &value, &null);
	if (TRIGGER_FIRED_BY_INSERT(td->tg_event) && ReplaceShipped(rel, tuple, shipped))
		return PointerGetDatum(NULL);
	return PointerGetDatum(tuple);
}

/*
 * AFTER UPDATE OR DELETE FOR EACH ROW on a reference table: when a key of
 * shipped_key leaves the table (deleted, or the row moved to another key;
 * also a user row that had replaced a shipped one), it goes into
 * shipped_deleted, so that a restore deletes the shipped row again.  The
 * scripts' own changes are not recorded.
 */
Datum
reference_row_forget(PG_FUNCTION_ARGS)
{
	TriggerData *td = (TriggerData *) fcinfo->context;
	Relation	rel;

	CheckTrigger(fcinfo, "reference_row_forget", false, false, true, true);
	rel = td->tg_relation;
	if (!InExtensionScript() &&
		(TRIGGER_FIRED_BY_DELETE(td->tg_event) ||
		 KeyChanged(rel, td->tg_trigtuple, td->tg_newtuple)))
	{
		KeyArgs		ka;

		KeyOf(rel, td->tg_trigtuple, &ka);
		InsertWithKey(psprintf("INSERT INTO %s (table_name, row_key) "
							   "SELECT k.table_name, k.row_key FROM %s AS k "
							   "WHERE k.table_name OPERATOR(pg_catalog.=) $1 "
							   "AND k.row_key OPERATOR(pg_catalog.=) %s ON CONFLICT DO NOTHING",
							   TableOfSchema(rel, "shipped_deleted"),
							   TableOfSchema(rel, "shipped_key"), ka.json), &ka);
	}
	return PointerGetDatum(NULL);
}

/*
 * AFTER INSERT FOR EACH ROW on shipped_deleted: the shipped row of that key,
 * if there is one, is deleted.  Its AFTER triggers (the foreign key check of
 * klynge on kommune) wait for the end of the statement that loads
 * shipped_deleted, so that the rows of a restore may come in any order: a
 * kommune before the klynge rows that named it.
 */
Datum
shipped_deleted_apply(PG_FUNCTION_ARGS)
{
	TriggerData *td = (TriggerData *) fcinfo->context;
	Relation	rel;
	TupleDesc	desc;
	Relation	target;
	Oid			relid;
	char	   *name;
	PrimaryKey	pk;
	StringInfoData sql;
	SPIPlanPtr	plan;
	Oid			argtypes[1] = {JSONBOID};
	Datum		args[1];
	bool		isnull;

	CheckTrigger(fcinfo, "shipped_deleted_apply", false, true, false, false);
	rel = td->tg_relation;
	desc = RelationGetDescr(rel);
	name = TextDatumGetCString(heap_getattr(td->tg_trigtuple, SPI_fnumber(desc, "table_name"),
											desc, &isnull));
	args[0] = heap_getattr(td->tg_trigtuple, SPI_fnumber(desc, "row_key"), desc, &isnull);

	relid = get_relname_relid(name, RelationGetNamespace(rel));
	if (!OidIsValid(relid))
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_TABLE),
				 errmsg("there is no reference table \"%s\"", name)));
	target = table_open(relid, RowExclusiveLock);
	(void) ShippedColumn(target);
	GetPrimaryKey(target, &pk);
	initStringInfo(&sql);
	appendStringInfo(&sql, "DELETE FROM %s AS t USING pg_catalog.jsonb_populate_record(NULL::%s, $1) AS r WHERE t.shipped",
					 TableOfSchema(rel, name), TableOfSchema(rel, name));
	for (int i = 0; i < pk.n; i++)
	{
		const char *col = quote_identifier(NameStr(TupleDescAttr(RelationGetDescr(target),
																 pk.attnums[i] - 1)->attname));

		appendStringInfo(&sql, " AND t.%s OPERATOR(pg_catalog.=) r.%s", col, col);
	}
	table_close(target, NoLock);

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	plan = SPI_prepare(sql.data, 1, argtypes);
	if (plan == NULL)
		elog(ERROR, "could not prepare: %s", sql.data);
	/* fire_triggers = false: AFTER triggers at the end of the outer statement */
	if (SPI_execute_snapshot(plan, args, NULL, InvalidSnapshot, InvalidSnapshot,
							 false, false, 0) != SPI_OK_DELETE)
		elog(ERROR, "could not run: %s", sql.data);
	SPI_finish();
	return PointerGetDatum(NULL);
}
