/* ar-store-schema.c: the register's SQLite schema, one migration per version
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ar-store-schema.h"

/* Column names equal the record classes' field names (ar-*.c), and the
 * ON DELETE rules follow their flags: required and cascading links delete
 * the dependent row, optional links are emptied. The CHECKs repeat the
 * records' validation so that no other writer can store nonsense. */
static const char schema_v1[] =
  "CREATE TABLE area ("
  "  id INTEGER PRIMARY KEY,"
  "  code TEXT NOT NULL UNIQUE,"
  "  name TEXT NOT NULL UNIQUE COLLATE NOCASE"
  ");"
  "CREATE TABLE school ("
  "  id INTEGER PRIMARY KEY,"
  "  urn TEXT UNIQUE,"
  "  name TEXT NOT NULL,"
  "  area_id INTEGER REFERENCES area (id) ON DELETE SET NULL,"
  "  phase TEXT,"
  "  type TEXT,"
  "  status TEXT CHECK (status IN ('open', 'closed', 'open-proposed-to-close', 'proposed-to-open')),"
  "  open_date TEXT,"
  "  close_date TEXT,"
  "  postcode TEXT,"
  "  town TEXT,"
  "  notes TEXT"
  ");"
  "CREATE INDEX school_area ON school (area_id);"
  "CREATE TABLE organisation ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL,"
  "  kind TEXT NOT NULL CHECK (kind IN ('university', 'local-authority', 'diocese', 'academy-chain', 'private-sector', 'other')),"
  "  area_id INTEGER REFERENCES area (id) ON DELETE SET NULL,"
  "  notes TEXT"
  ");"
  "CREATE TABLE alliance ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL,"
  "  lead_school_id INTEGER REFERENCES school (id) ON DELETE SET NULL,"
  "  designated_on TEXT,"
  "  ended_on TEXT,"
  "  network TEXT,"
  "  notes TEXT"
  ");"
  "CREATE INDEX alliance_lead_school ON alliance (lead_school_id);"
  "CREATE TABLE alliance_member ("
  "  id INTEGER PRIMARY KEY,"
  "  alliance_id INTEGER NOT NULL REFERENCES alliance (id) ON DELETE CASCADE,"
  "  school_id INTEGER REFERENCES school (id) ON DELETE CASCADE,"
  "  organisation_id INTEGER REFERENCES organisation (id) ON DELETE CASCADE,"
  "  role TEXT NOT NULL CHECK (role IN ('teaching-school', 'strategic-partner', 'supported-school', 'member')),"
  "  leads_on TEXT,"
  "  joined_on TEXT,"
  "  left_on TEXT,"
  "  CHECK ((school_id IS NULL) <> (organisation_id IS NULL))"
  ");"
  "CREATE INDEX alliance_member_alliance ON alliance_member (alliance_id);"
  "CREATE INDEX alliance_member_school ON alliance_member (school_id);"
  "CREATE INDEX alliance_member_organisation ON alliance_member (organisation_id);"
  "CREATE TABLE trust ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL,"
  "  kind TEXT NOT NULL CHECK (kind IN ('mat', 'sat', 'other')),"
  "  companies_house_number TEXT,"
  "  gias_uid TEXT UNIQUE,"
  "  gias_group_id TEXT,"
  "  status TEXT CHECK (status IN ('open', 'closed', 'proposed-to-open')),"
  "  opened_on TEXT,"
  "  closed_on TEXT,"
  "  notes TEXT"
  ");"
  "CREATE TABLE trust_academy ("
  "  id INTEGER PRIMARY KEY,"
  "  trust_id INTEGER NOT NULL REFERENCES trust (id) ON DELETE CASCADE,"
  "  school_id INTEGER NOT NULL REFERENCES school (id) ON DELETE CASCADE,"
  "  joined_on TEXT,"
  "  left_on TEXT"
  ");"
  "CREATE INDEX trust_academy_trust ON trust_academy (trust_id);"
  "CREATE INDEX trust_academy_school ON trust_academy (school_id);"
  "CREATE TABLE person ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL,"
  "  job_title TEXT,"
  "  school_id INTEGER REFERENCES school (id) ON DELETE SET NULL,"
  "  organisation_id INTEGER REFERENCES organisation (id) ON DELETE SET NULL,"
  "  email TEXT,"
  "  phone TEXT,"
  "  notes TEXT"
  ");"
  "CREATE INDEX person_school ON person (school_id);"
  "CREATE INDEX person_organisation ON person (organisation_id);"
  "CREATE TABLE role ("
  "  id INTEGER PRIMARY KEY,"
  "  code TEXT NOT NULL UNIQUE CHECK (code IN ('TSA', 'MAT', 'NLE', 'NSS', 'NLG', 'LLE', 'SLE', 'LP', 'DHAH')),"
  "  position INTEGER NOT NULL DEFAULT 0,"
  "  title TEXT NOT NULL,"
  "  key_functions TEXT,"
  "  no_records_text TEXT,"
  "  in_summary INTEGER NOT NULL DEFAULT 1"
  ");"
  "CREATE TABLE designation ("
  "  id INTEGER PRIMARY KEY,"
  "  person_id INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,"
  "  role TEXT NOT NULL REFERENCES role (code) ON UPDATE CASCADE,"
  "  specialisms TEXT,"
  "  designated_by_school_id INTEGER REFERENCES school (id) ON DELETE SET NULL,"
  "  designated_by_alliance_id INTEGER REFERENCES alliance (id) ON DELETE SET NULL,"
  "  starts_on TEXT,"
  "  ends_on TEXT"
  ");"
  "CREATE INDEX designation_person ON designation (person_id);"
  "CREATE INDEX designation_role ON designation (role);"
  "CREATE INDEX designation_designated_by_school ON designation (designated_by_school_id);"
  "CREATE INDEX designation_designated_by_alliance ON designation (designated_by_alliance_id);";

/* Version 2: support deployments, and the summary rows that count them
 * (roles SUP and DEP). SQLite cannot change a CHECK in place, so the role
 * table is rebuilt (foreign keys are off while migrations run, and checked
 * before they commit). A deployment's supporter is a leader, through one of
 * their designations, or a school: exactly one. */
static const char schema_v2[] =
  "CREATE TABLE role_v2 ("
  "  id INTEGER PRIMARY KEY,"
  "  code TEXT NOT NULL UNIQUE CHECK (code IN ('TSA', 'MAT', 'NLE', 'NSS', 'NLG', 'LLE', 'SLE', 'LP', 'DHAH', 'SUP', 'DEP')),"
  "  position INTEGER NOT NULL DEFAULT 0,"
  "  title TEXT NOT NULL,"
  "  key_functions TEXT,"
  "  no_records_text TEXT,"
  "  in_summary INTEGER NOT NULL DEFAULT 1"
  ");"
  "INSERT INTO role_v2 (id, code, position, title, key_functions, no_records_text, in_summary)"
  "  SELECT id, code, position, title, key_functions, no_records_text, in_summary FROM role;"
  "DROP TABLE role;"
  "ALTER TABLE role_v2 RENAME TO role;"
  "CREATE TABLE deployment ("
  "  id INTEGER PRIMARY KEY,"
  "  school_id INTEGER NOT NULL REFERENCES school (id) ON DELETE CASCADE,"
  "  supporter_designation_id INTEGER REFERENCES designation (id) ON DELETE CASCADE,"
  "  supporter_school_id INTEGER REFERENCES school (id) ON DELETE CASCADE,"
  "  focus TEXT,"
  "  commissioned_by TEXT CHECK (commissioned_by IN ('local-authority', 'department', 'alliance', 'supported-school', 'other')),"
  "  starts_on TEXT,"
  "  ends_on TEXT,"
  "  days_agreed INTEGER NOT NULL DEFAULT 0 CHECK (days_agreed >= 0),"
  "  days_delivered INTEGER NOT NULL DEFAULT 0 CHECK (days_delivered >= 0),"
  "  status TEXT NOT NULL CHECK (status IN ('planned', 'active', 'completed', 'stopped-early')),"
  "  outcome TEXT,"
  "  CHECK ((supporter_designation_id IS NULL) <> (supporter_school_id IS NULL)),"
  "  CHECK (supporter_school_id IS NULL OR supporter_school_id <> school_id)"
  ");"
  "CREATE INDEX deployment_school ON deployment (school_id);"
  "CREATE INDEX deployment_supporter_designation ON deployment (supporter_designation_id);"
  "CREATE INDEX deployment_supporter_school ON deployment (supporter_school_id);";

/* Version 3: the change history. An entry is one committed transaction:
 * when (UTC), who (the operating-system user), where from (window, import,
 * import-gias, import-table) and the files it read, with its counts. It
 * has one change row per record it touched, never one per field: the
 * fields that changed are a JSON object of old values and one of new
 * values; a deletion keeps the whole record in old_values, so it can be
 * restored. An import keeps no values for what it added (the record itself
 * holds them, and a later change keeps what they were), and one row with
 * last_id covers a run of ids it added, record_id to last_id: a GIAS
 * import of every school in England adds a few rows, not 50,000. Rows are
 * clustered by entry, the way they are read; a record's changes are found
 * by a scan, which is quick enough for the rows a register gathers. */
static const char schema_v3[] =
  "CREATE TABLE history_entry ("
  "  id INTEGER PRIMARY KEY,"
  "  at TEXT NOT NULL,"
  "  user TEXT NOT NULL,"
  "  source TEXT NOT NULL,"
  "  files TEXT,"
  "  added INTEGER NOT NULL DEFAULT 0,"
  "  updated INTEGER NOT NULL DEFAULT 0,"
  "  ended INTEGER NOT NULL DEFAULT 0,"
  "  deleted INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE INDEX history_entry_at ON history_entry (at);"
  "CREATE TABLE history_change ("
  "  entry_id INTEGER NOT NULL REFERENCES history_entry (id) ON DELETE CASCADE,"
  "  kind TEXT NOT NULL,"
  "  record_id INTEGER NOT NULL,"
  "  change TEXT NOT NULL CHECK (change IN ('added', 'updated', 'ended', 'deleted')),"
  "  old_values TEXT,"
  "  new_values TEXT,"
  "  last_id INTEGER CHECK (last_id IS NULL OR (change = 'added' AND last_id > record_id)),"
  "  PRIMARY KEY (entry_id, kind, record_id)"
  ") WITHOUT ROWID;";

/* Version 4: an alliance's teaching school is set on the alliance only.
 * A member with the old role "teaching-school" becomes a plain member (its
 * dates and areas led kept) and gives its alliance a teaching school if it
 * had none: the current one, else the latest to leave. */
static const char schema_v4[] =
  "UPDATE alliance SET lead_school_id ="
  "  (SELECT m.school_id FROM alliance_member m"
  "   WHERE m.alliance_id = alliance.id AND m.role = 'teaching-school' AND m.school_id IS NOT NULL"
  "   ORDER BY m.left_on IS NULL DESC, m.left_on DESC, m.id LIMIT 1)"
  " WHERE lead_school_id IS NULL;"
  "UPDATE alliance_member SET role = 'member' WHERE role = 'teaching-school';";

static const char * const migrations[] = {
  schema_v1,
  schema_v2,
  schema_v3,
  schema_v4,
};

const char * const *
ar_store_schema_migrations (guint *n_migrations)
{
  *n_migrations = G_N_ELEMENTS (migrations);
  return migrations;
}
