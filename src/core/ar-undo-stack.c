/* ar-undo-stack.c: every change made through a store, undone and redone
 *
 * A step is what one transaction changed, as ArStore::written reports it:
 * each saved record before and after, each delete with everything it took.
 * Undoing writes the "before" side back, redoing the "after" side, each in
 * one transaction. A change made elsewhere (an import on another
 * connection, a cleared register) cannot be undone this way, so it empties
 * both stacks.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ar-undo-stack"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ar-undo-stack.h"

/* Enough for a session's slips; each step holds a few small records. */
#define MAX_STEPS 100

typedef struct
{
  GPtrArray *changes;
  char      *description;
} Step;

struct _ArUndoStack
{
  GObject    parent_instance;

  ArStore   *store;
  GQueue     undo;
  GQueue     redo;
  gboolean   replaying;
  gboolean   written;
};

G_DEFINE_FINAL_TYPE (ArUndoStack, ar_undo_stack, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
step_free (Step *step)
{
  g_ptr_array_unref (step->changes);
  g_free (step->description);
  g_free (step);
}

static ArRecord *
change_subject (ArStoreChange *change)
{
  return change->after ? change->after : change->before;
}

static char *
describe_step (GPtrArray *changes)
{
  ArStoreChange *first = g_ptr_array_index (changes, 0);
  g_autofree char *name = ar_record_describe (change_subject (first));

  if (first->removed != NULL)
    /* TRANSLATORS: what Undo undoes, after “Undone: ” */
    return g_strdup_printf (_("deleting “%s”"), name);
  if (changes->len > 1)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "changes to %u record", "changes to %u records",
                                         changes->len),
                            changes->len);
  if (first->before == NULL)
    return g_strdup_printf (_("adding “%s”"), name);

  return g_strdup_printf (_("changes to “%s”"), name);
}

static void
notify_state (ArUndoStack *self,
              gboolean     could_undo,
              gboolean     could_redo)
{
  if (could_undo != ar_undo_stack_get_can_undo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (could_redo != ar_undo_stack_get_can_redo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

static void
clear_queue (GQueue *queue)
{
  Step *step;

  while ((step = g_queue_pop_head (queue)) != NULL)
    step_free (step);
}

static void
on_written (ArUndoStack *self,
            GPtrArray   *changes)
{
  gboolean could_undo = ar_undo_stack_get_can_undo (self);
  gboolean could_redo = ar_undo_stack_get_can_redo (self);
  Step *step;

  if (self->replaying)
    return;

  self->written = TRUE;

  step = g_new0 (Step, 1);
  step->changes = g_ptr_array_ref (changes);
  step->description = describe_step (changes);
  g_queue_push_head (&self->undo, step);
  while (self->undo.length > MAX_STEPS)
    step_free (g_queue_pop_tail (&self->undo));

  /* a new change starts a new future */
  clear_queue (&self->redo);

  notify_state (self, could_undo, could_redo);
  /* the top step changed even when can-undo did not */
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
}

static void
on_changed (ArUndoStack *self,
            GType        type)
{
  if (self->replaying)
    return;

  if (self->written)
    self->written = FALSE;
  else
    ar_undo_stack_clear (self);
}

static gboolean
undo_func (ArStore   *store,
           gpointer   data,
           GError   **error)
{
  Step *step = data;

  for (guint i = step->changes->len; i > 0; i--)
    {
      ArStoreChange *change = g_ptr_array_index (step->changes, i - 1);

      if (change->removed != NULL)
        {
          if (!ar_store_restore (store, change->removed, error))
            return FALSE;
        }
      else if (change->before == NULL)
        {
          g_autoptr(GPtrArray) removed = ar_store_delete (store, change->after, error);

          if (removed == NULL)
            return FALSE;
        }
      else
        {
          g_autoptr(ArRecord) before = ar_record_copy (change->before);

          if (!ar_store_save (store, before, error))
            return FALSE;
        }
    }

  return TRUE;
}

static gboolean
redo_func (ArStore   *store,
           gpointer   data,
           GError   **error)
{
  Step *step = data;

  for (guint i = 0; i < step->changes->len; i++)
    {
      ArStoreChange *change = g_ptr_array_index (step->changes, i);

      if (change->removed != NULL)
        {
          g_autoptr(GPtrArray) removed = ar_store_delete (store, change->before, error);

          if (removed == NULL)
            return FALSE;
        }
      else
        {
          /* with its id: an added record comes back as the same record */
          g_autoptr(ArRecord) after = ar_record_copy (change->after);

          if (!ar_store_save (store, after, error))
            return FALSE;
        }
    }

  return TRUE;
}

/* Moves the top step of @from to @to once @func has replayed it. */
static gboolean
replay (ArUndoStack       *self,
        GQueue            *from,
        GQueue            *to,
        ArStoreWriteFunc   func,
        ArRecord         **subject,
        char             **description,
        GError           **error)
{
  gboolean could_undo = ar_undo_stack_get_can_undo (self);
  gboolean could_redo = ar_undo_stack_get_can_redo (self);
  Step *step = g_queue_peek_head (from);
  gboolean ok;

  if (step == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("Nothing to undo or redo"));
      return FALSE;
    }

  self->replaying = TRUE;
  ok = ar_store_write (self->store, func, step, error);
  self->replaying = FALSE;

  if (!ok)
    return FALSE;

  g_queue_push_head (to, g_queue_pop_head (from));
  if (subject != NULL)
    *subject = g_object_ref (change_subject (g_ptr_array_index (step->changes, 0)));
  if (description != NULL)
    *description = g_strdup (step->description);

  notify_state (self, could_undo, could_redo);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);

  return TRUE;
}

static void
ar_undo_stack_dispose (GObject *object)
{
  ArUndoStack *self = AR_UNDO_STACK (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  clear_queue (&self->undo);
  clear_queue (&self->redo);

  G_OBJECT_CLASS (ar_undo_stack_parent_class)->dispose (object);
}

static void
ar_undo_stack_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  ArUndoStack *self = AR_UNDO_STACK (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_CAN_UNDO:
      g_value_set_boolean (value, ar_undo_stack_get_can_undo (self));
      break;

    case PROP_CAN_REDO:
      g_value_set_boolean (value, ar_undo_stack_get_can_redo (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ar_undo_stack_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  ArUndoStack *self = AR_UNDO_STACK (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      g_signal_connect_swapped (self->store, "written", G_CALLBACK (on_written), self);
      g_signal_connect_swapped (self->store, "changed", G_CALLBACK (on_changed), self);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ar_undo_stack_class_init (ArUndoStackClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ar_undo_stack_dispose;
  object_class->get_property = ar_undo_stack_get_property;
  object_class->set_property = ar_undo_stack_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, AR_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ar_undo_stack_init (ArUndoStack *self)
{
  g_queue_init (&self->undo);
  g_queue_init (&self->redo);
}

/**
 * ar_undo_stack_new:
 *
 * Starts recording what is written through @store.
 */
ArUndoStack *
ar_undo_stack_new (ArStore *store)
{
  g_return_val_if_fail (AR_IS_STORE (store), NULL);

  return g_object_new (AR_TYPE_UNDO_STACK, "store", store, NULL);
}

ArStore *
ar_undo_stack_get_store (ArUndoStack *self)
{
  g_return_val_if_fail (AR_IS_UNDO_STACK (self), NULL);
  return self->store;
}

gboolean
ar_undo_stack_get_can_undo (ArUndoStack *self)
{
  g_return_val_if_fail (AR_IS_UNDO_STACK (self), FALSE);
  return self->undo.length > 0;
}

gboolean
ar_undo_stack_get_can_redo (ArUndoStack *self)
{
  g_return_val_if_fail (AR_IS_UNDO_STACK (self), FALSE);
  return self->redo.length > 0;
}

guint
ar_undo_stack_get_n_undo (ArUndoStack *self)
{
  g_return_val_if_fail (AR_IS_UNDO_STACK (self), 0);
  return self->undo.length;
}

/**
 * ar_undo_stack_peek_removed:
 *
 * Returns: (transfer none) (nullable) (element-type ArRecord): when the
 *   next step to undo is a delete, what it took
 */
GPtrArray *
ar_undo_stack_peek_removed (ArUndoStack *self)
{
  Step *step;
  ArStoreChange *first;

  g_return_val_if_fail (AR_IS_UNDO_STACK (self), NULL);

  step = g_queue_peek_head (&self->undo);
  if (step == NULL)
    return NULL;

  first = g_ptr_array_index (step->changes, 0);
  return first->removed;
}

/**
 * ar_undo_stack_undo:
 * @subject: (out) (optional) (transfer full): the record the step was about,
 *   as it was after the step
 * @description: (out) (optional) (transfer full): what was undone, as
 *   “changes to “Oakfield School””
 *
 * Undoes the latest step in one transaction. If that fails (the register
 * changed under it), nothing is written and the step stays.
 */
gboolean
ar_undo_stack_undo (ArUndoStack  *self,
                    ArRecord    **subject,
                    char        **description,
                    GError      **error)
{
  g_return_val_if_fail (AR_IS_UNDO_STACK (self), FALSE);

  return replay (self, &self->undo, &self->redo, undo_func, subject, description, error);
}

/**
 * ar_undo_stack_redo:
 *
 * Does again the latest step undone, in one transaction.
 */
gboolean
ar_undo_stack_redo (ArUndoStack  *self,
                    ArRecord    **subject,
                    char        **description,
                    GError      **error)
{
  g_return_val_if_fail (AR_IS_UNDO_STACK (self), FALSE);

  return replay (self, &self->redo, &self->undo, redo_func, subject, description, error);
}

/**
 * ar_undo_stack_clear:
 *
 * Forgets every step, as after a change that cannot be undone.
 */
void
ar_undo_stack_clear (ArUndoStack *self)
{
  gboolean could_undo, could_redo;

  g_return_if_fail (AR_IS_UNDO_STACK (self));

  could_undo = ar_undo_stack_get_can_undo (self);
  could_redo = ar_undo_stack_get_can_redo (self);
  clear_queue (&self->undo);
  clear_queue (&self->redo);
  notify_state (self, could_undo, could_redo);
}
