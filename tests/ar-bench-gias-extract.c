/* ar-bench-gias-extract.c: a whole-England GIAS establishments extract
 *
 * Written as GIAS publishes it: 52,000 rows, the 135 columns of 2025,
 * Windows-1252, CRLF, quoted codes, dd-mm-yyyy, realistic values.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ar-bench-gias-extract.h"

#define N_ROWS  52000
#define N_AREAS 152

static const char * const columns[] = {
  "URN",
  "LA (code)",
  "LA (name)",
  "EstablishmentNumber",
  "EstablishmentName",
  "TypeOfEstablishment (code)",
  "TypeOfEstablishment (name)",
  "EstablishmentTypeGroup (code)",
  "EstablishmentTypeGroup (name)",
  "EstablishmentStatus (code)",
  "EstablishmentStatus (name)",
  "ReasonEstablishmentOpened (code)",
  "ReasonEstablishmentOpened (name)",
  "OpenDate",
  "ReasonEstablishmentClosed (code)",
  "ReasonEstablishmentClosed (name)",
  "CloseDate",
  "PhaseOfEducation (code)",
  "PhaseOfEducation (name)",
  "StatutoryLowAge",
  "StatutoryHighAge",
  "Boarders (code)",
  "Boarders (name)",
  "NurseryProvision (name)",
  "OfficialSixthForm (code)",
  "OfficialSixthForm (name)",
  "Gender (code)",
  "Gender (name)",
  "ReligiousCharacter (code)",
  "ReligiousCharacter (name)",
  "ReligiousEthos (name)",
  "Diocese (code)",
  "Diocese (name)",
  "AdmissionsPolicy (code)",
  "AdmissionsPolicy (name)",
  "SchoolCapacity",
  "SpecialClasses (code)",
  "SpecialClasses (name)",
  "CensusDate",
  "NumberOfPupils",
  "NumberOfBoys",
  "NumberOfGirls",
  "PercentageFSM",
  "TrustSchoolFlag (code)",
  "TrustSchoolFlag (name)",
  "Trusts (code)",
  "Trusts (name)",
  "SchoolSponsorFlag (name)",
  "SchoolSponsors (name)",
  "FederationFlag (name)",
  "Federations (code)",
  "Federations (name)",
  "UKPRN",
  "FEHEIdentifier",
  "FurtherEducationType (name)",
  "OfstedLastInsp",
  "OfstedSpecialMeasures (code)",
  "OfstedSpecialMeasures (name)",
  "LastChangedDate",
  "Street",
  "Locality",
  "Address3",
  "Town",
  "County (name)",
  "Postcode",
  "SchoolWebsite",
  "TelephoneNum",
  "HeadTitle (name)",
  "HeadFirstName",
  "HeadLastName",
  "HeadPreferredJobTitle",
  "BSOInspectorateName (name)",
  "InspectorateReport",
  "DateOfLastInspectionVisit",
  "NextInspectionVisit",
  "TeenMoth (name)",
  "TeenMothPlaces",
  "CCF (name)",
  "SENPRU (name)",
  "EBD (name)",
  "PlacesPRU",
  "FTProv (name)",
  "EdByOther (name)",
  "Section41Approved (name)",
  "SEN1 (name)",
  "SEN2 (name)",
  "SEN3 (name)",
  "SEN4 (name)",
  "SEN5 (name)",
  "SEN6 (name)",
  "SEN7 (name)",
  "SEN8 (name)",
  "SEN9 (name)",
  "SEN10 (name)",
  "SEN11 (name)",
  "SEN12 (name)",
  "SEN13 (name)",
  "TypeOfResourcedProvision (name)",
  "ResourcedProvisionOnRoll",
  "ResourcedProvisionCapacity",
  "SenUnitOnRoll",
  "SenUnitCapacity",
  "GOR (code)",
  "GOR (name)",
  "DistrictAdministrative (code)",
  "DistrictAdministrative (name)",
  "AdministrativeWard (code)",
  "AdministrativeWard (name)",
  "ParliamentaryConstituency (code)",
  "ParliamentaryConstituency (name)",
  "UrbanRural (code)",
  "UrbanRural (name)",
  "GSSLACode (name)",
  "Easting",
  "Northing",
  "MSOA (name)",
  "LSOA (name)",
  "InspectorateName (name)",
  "SENStat",
  "SENNoStat",
  "BoardingEstablishment (name)",
  "PropsName",
  "PreviousLA (code)",
  "PreviousLA (name)",
  "PreviousEstablishmentNumber",
  "OfstedRating (name)",
  "Country (name)",
  "UPRN",
  "SiteName",
  "QABName (code)",
  "QABName (name)",
  "MSOA (code)",
  "LSOA (code)",
  "FSM",
  "AccreditationExpiryDate",
};

static const char * const statuses[] = { "Open", "Open", "Open", "Closed", "Open, but proposed to close" };
static const char * const phases[] = { "Primary", "Secondary", "Not applicable", "16 plus", "All-through" };
static const char * const types[] = { "Academy converter", "Community school", "Voluntary aided school",
                                      "Academy sponsor led", "Free schools" };

/* A value for each column that looks like GIAS's own. */
static void
append_value (GString    *row,
              const char *column,
              guint       i,
              GRand      *rand)
{
  if (g_str_equal (column, "URN"))
    g_string_append_printf (row, "%u", 100000 + i);
  else if (g_str_equal (column, "LA (code)"))
    g_string_append_printf (row, "\"%03u\"", 800 + i % N_AREAS);
  else if (g_str_equal (column, "LA (name)"))
    g_string_append_printf (row, "\"Local Authority %u\"", 800 + i % N_AREAS);
  else if (g_str_equal (column, "EstablishmentName"))
    /* 0xE0 is à and 0x92 a curly apostrophe in Windows-1252 */
    g_string_append_printf (row, "\"St Thomas \xe0 Becket\x92s School %u, Upper Site\"", i);
  else if (g_str_equal (column, "EstablishmentStatus (name)"))
    g_string_append_printf (row, "\"%s\"", statuses[i % G_N_ELEMENTS (statuses)]);
  else if (g_str_equal (column, "PhaseOfEducation (name)"))
    g_string_append_printf (row, "\"%s\"", phases[i % G_N_ELEMENTS (phases)]);
  else if (g_str_equal (column, "TypeOfEstablishment (name)"))
    g_string_append_printf (row, "\"%s\"", types[i % G_N_ELEMENTS (types)]);
  else if (g_str_equal (column, "OpenDate"))
    g_string_append_printf (row, "\"%02d-%02d-%d\"", 1 + i % 28, 1 + i % 12, 1950 + i % 70);
  else if (g_str_equal (column, "CloseDate"))
    g_string_append (row, i % 5 == 3 ? "\"31-08-2020\"" : "\"\"");
  else if (g_str_equal (column, "Trusts (code)"))
    g_string_append_printf (row, i % 5 < 2 ? "\"%u\"" : "\"\"", 10000 + i % 3000);
  else if (g_str_equal (column, "Trusts (name)"))
    g_string_append_printf (row, i % 5 < 2 ? "\"Example Learning Trust %u\"" : "\"\"", i % 3000);
  else if (g_str_equal (column, "TrustSchoolFlag (code)"))
    g_string_append (row, i % 5 < 2 ? "\"3\"" : "\"0\"");
  else if (g_str_equal (column, "Postcode"))
    g_string_append_printf (row, "\"AB%u %uCD\"", i % 99, i % 9);
  else if (g_str_equal (column, "Town"))
    g_string_append_printf (row, "\"Town %u\"", i % 2000);
  else if (g_str_has_suffix (column, "(code)"))
    g_string_append_printf (row, "\"%02d\"", g_rand_int_range (rand, 0, 20));
  else if (g_str_has_suffix (column, "Date"))
    g_string_append (row, "\"01-01-1900\"");
  else
    g_string_append_printf (row, "\"Value %u\"", g_rand_int_range (rand, 0, 1000));
}

/**
 * ar_bench_write_gias_extract:
 * @directory: where to write it
 *
 * Returns: (transfer full): the path of a generated whole-England
 *   establishments extract
 */
char *
ar_bench_write_gias_extract (const char *directory)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (52000);
  char *path = g_build_filename (directory, "edubasealldata20251123.csv", NULL);

  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    g_string_append_printf (text, "%s\"%s\"", c ? "," : "", columns[c]);
  g_string_append (text, "\r\n");

  for (guint i = 0; i < N_ROWS; i++)
    {
      for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
        {
          if (c > 0)
            g_string_append_c (text, ',');
          append_value (text, columns[c], i, rand);
        }
      g_string_append (text, "\r\n");
    }

  if (!g_file_set_contents (path, text->str, text->len, &error))
    g_error ("%s", error->message);
  g_print ("extract: %u rows, %u columns, %.1f MB\n", N_ROWS, (guint) G_N_ELEMENTS (columns), text->len / 1e6);

  return path;
}
