/* ar-role-defaults.c: the roles every new register starts with
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ar-role-defaults.h"

typedef struct
{
  const char *code;
  const char *title;
  const char *key_functions;
  const char *no_records_text;
  gboolean    in_summary;
} RoleDefault;

/* Key functions use the rich-text convention of ar-rich-text.c: a blank
 * line between paragraphs, "- " before each list item. */
static const RoleDefault role_defaults[] = {
  {
    "TSA",
    N_("Teaching School Alliance (TSA)"),
    N_("A teaching school alliance is a group of schools led by a designated teaching school. "
       "It brings together schools that receive support and strategic partners that take the "
       "lead on parts of the alliance’s training and development work. Strategic partners can include:\n"
       "- schools of any phase or sector\n"
       "- universities\n"
       "- academy chains\n"
       "- local authorities\n"
       "- dioceses\n"
       "- private organisations\n"
       "\n"
       "Alliances can join with one another as a teaching school network to pool their expertise and resources.\n"
       "\n"
       "The teaching school finds, grows and coordinates expertise across its schools so that pupils do "
       "better, fewer schools struggle, more schools become good or outstanding, and the system learns to "
       "improve itself. Teaching schools take the lead in six areas:\n"
       "- initial teacher training led by schools\n"
       "- continuing professional development\n"
       "- support for other schools\n"
       "- spotting and growing leadership talent\n"
       "- recruiting and deploying specialist leaders of education\n"
       "- research and development"),
    NULL,
    TRUE,
  },
  {
    "MAT",
    N_("Multi-Academy Trust (MAT)"),
    N_("A multi-academy trust is one legal body that runs several academies. It is governed in two "
       "tiers: the members of the trust, and a board of directors appointed to run it.\n"
       "\n"
       "The trust holds a single master funding agreement with the Secretary of State, and a "
       "supplementary funding agreement for each academy it runs.\n"
       "\n"
       "The trust answers for the results of every academy in the group; its board oversees how each "
       "school is run."),
    NULL,
    TRUE,
  },
  {
    "NLE",
    N_("National Leader of Education (NLE)"),
    N_("National leaders of education are head teachers of strong schools who help schools in serious "
       "difficulty to improve. They often bring colleagues from their own school into the work, and the "
       "support is shaped together with the school that receives it."),
    NULL,
    TRUE,
  },
  {
    "NSS",
    N_("National Support School (NSS)"),
    N_("A school led by a national leader of education becomes a national support school. The title "
       "recognises that the school’s staff share in the support work, helping schools in difficulty "
       "while their own school carries on running well."),
    NULL,
    TRUE,
  },
  {
    "NLG",
    N_("National Leader of Governance (NLG)"),
    N_("National leaders of governance are experienced chairs of governors who help the chairs of other "
       "schools. A school can ask for one when it wants a stronger governing board. Their work often "
       "includes:\n"
       "- coaching and mentoring chairs\n"
       "- reviewing how the board carries out its duties\n"
       "- planning for improvement\n"
       "- supporting conversion to academy status\n"
       "- advising on the head teacher’s performance review"),
    NULL,
    TRUE,
  },
  {
    "LLE",
    N_("Local Leader of Education (LLE)"),
    N_("Local leaders of education are experienced head teachers who coach and mentor other heads: those "
       "new to headship and those leading schools in difficulty. Most of their work is one-to-one "
       "support for another head teacher."),
    NULL,
    TRUE,
  },
  {
    "SLE",
    N_("Specialist Leader of Education (SLE)"),
    N_("Specialist leaders of education are middle or senior leaders with expertise in a particular "
       "field, such as mathematics, initial teacher training or behaviour. Rather than modelling "
       "classroom practice, they build up other leaders so that those leaders can improve their own "
       "teams and schools.\n"
       "\n"
       "A school can ask for an SLE to strengthen leadership in a subject or specialist area. Support "
       "can be one to one or with groups."),
    N_("No data held: SLEs are designated by individual teaching schools."),
    TRUE,
  },
  {
    "LP",
    N_("Lead Practitioner (LP)"),
    N_("Lead practitioners are outstanding teachers who take part in system leadership without holding "
       "one of the national designations."),
    NULL,
    FALSE,
  },
  {
    "DHAH",
    N_("Deputy or Assistant Head (DH/AH)"),
    N_("Deputy and assistant heads are senior leaders on the leadership pay range who sit on a "
       "school’s senior leadership team."),
    NULL,
    FALSE,
  },
  {
    "SUP",
    N_("Schools supported"),
    N_("Schools in the area receiving support on the date from a system leader or from another "
       "school, such as a national support school or a teaching school. Each school counts once, "
       "however many deployments it has."),
    NULL,
    FALSE,
  },
  {
    "DEP",
    N_("Support deployments"),
    N_("Pieces of support under way on the date for schools in the area, and the days of support "
       "delivered on deployments that ran at some time in the academic year so far (from "
       "1 September). Each deployment records who gives the support, its focus, who commissioned "
       "it and what came of it."),
    NULL,
    FALSE,
  },
};

/**
 * ar_role_defaults_new:
 *
 * Returns: (transfer full) (element-type ArRole): a new role for each
 *   code, in the summary's order, with the default texts in the user's
 *   language
 */
GPtrArray *
ar_role_defaults_new (void)
{
  GPtrArray *roles = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < G_N_ELEMENTS (role_defaults); i++)
    {
      const RoleDefault *defaults = &role_defaults[i];
      ArRecord *role = AR_RECORD (ar_role_new ());

      ar_record_set_text (role, "code", defaults->code);
      ar_record_set_integer (role, "position", i + 1);
      ar_record_set_text (role, "title", _(defaults->title));
      ar_record_set_text (role, "key_functions", _(defaults->key_functions));
      ar_record_set_text (role, "no_records_text", defaults->no_records_text ? _(defaults->no_records_text) : NULL);
      ar_record_set_boolean (role, "in_summary", defaults->in_summary);
      g_ptr_array_add (roles, role);
    }

  return roles;
}
