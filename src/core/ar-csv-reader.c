/* ar-csv-reader.c: a small RFC 4180 reader for GIAS extracts and spreadsheets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ar-csv-reader"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "ar-core.h"
#include "ar-csv-reader.h"
#include "ar-text-encoding.h"

/* Reads records one at a time through a small buffer, so an extract of
 * any size is never held whole. A first pass over the bytes decides the
 * encoding (UTF-8 when the whole file is valid UTF-8, else Windows-1252)
 * and the delimiter, and refuses binary files; the second reads the records, decoding each
 * field as it is asked for. Quoted fields may hold commas, doubled quotes
 * and line breaks; rows may be shorter than the header (GIAS's links
 * extract is); LF, CRLF and a last line without an ending are fine. */
struct _ArCsvReader
{
  GObject       parent_instance;

  char         *source_name;
  GFile        *file;
  GBytes       *bytes;
  GCancellable *cancellable;
  gboolean      was_windows_1252;
  guint64       size;
  char          delimiter;
  /* the bytes that end a run of plain text: the delimiter, quote, CR, LF */
  gboolean      special[256];

  /* the bytes being read: buffer[position..length) are still to come,
   * and consumed bytes of the source came before the buffer */
  GInputStream *stream;
  char         *buffer;
  gsize         buffer_size;
  gsize         length;
  gsize         position;
  guint64       consumed;
  guint         line;
  guint         record_line;

  GPtrArray    *header;
  GHashTable   *columns;

  /* records as read_record() reads them: their fields one after
   * another, each ending in a nul byte, and where each starts */
  GString      *record;
  gsize         field_start;
  gsize        *starts;
  guint         n_starts;
  guint         starts_size;

  /* The record handed out, in record (or in a batch read ahead). A field
   * is trimmed and decoded only when asked for, since an importer reads
   * 20 of 135: fields[i] is the answer for column i once finished[i] is
   * the record's serial number; decoded holds this record's decoded
   * texts. */
  char         *current_text;
  const gsize  *current_starts;
  guint         current_n_fields;
  gsize         current_end;
  guint         current_line;
  guint64       current_read_to;
  const char  **fields;
  guint        *finished;
  guint         fields_size;
  guint         serial;
  guint         n_records;
  GPtrArray    *decoded;

  /* Reading ahead: a thread fills batches of records from the buffer
   * (everything above, down to starts_size, is then its own) and hands
   * them over in order through full_batches; read ones go back through
   * free_batches. */
  GThread      *read_ahead;
  GAsyncQueue  *full_batches;
  GAsyncQueue  *free_batches;
  struct _Batch *batch;
  gint          stopping;
};

/* One record of a batch */
typedef struct
{
  guint    first;     /* its first field's place in the batch's starts */
  guint    n_fields;
  gsize    end;       /* where its last field's nul is */
  guint    line;
  guint64  read_to;   /* how much of the source was read at its end */
} RecordSpan;

typedef struct _Batch
{
  GString  *text;
  gsize    *starts;
  guint     starts_size;
  GArray   *spans;
  guint     next;      /* the next span to hand out */
  GError   *error;     /* why reading stopped after the last span */
  gboolean  last;      /* nothing comes after this batch */
  guint64   read_to;   /* how much of the source was read when it ended */
} Batch;

/* Enough that handing a batch over costs nothing next to reading it,
 * few enough that the batches in flight stay small. */
#define RECORDS_PER_BATCH 256
#define N_BATCHES 3

G_DEFINE_FINAL_TYPE (ArCsvReader, ar_csv_reader, G_TYPE_OBJECT)

static void stop_reading_ahead (ArCsvReader *self);

/* Small enough to stay in the processor's cache, large enough that reads
 * cost nothing next to parsing. */
#define DEFAULT_BUFFER_SIZE (64 * 1024)

static Batch *
batch_new (void)
{
  Batch *batch = g_new0 (Batch, 1);

  batch->text = g_string_sized_new (64 * 1024);
  batch->starts_size = 160;
  batch->starts = g_new (gsize, batch->starts_size);
  batch->spans = g_array_sized_new (FALSE, FALSE, sizeof (RecordSpan), RECORDS_PER_BATCH);

  return batch;
}

static void
batch_free (Batch *batch)
{
  g_string_free (batch->text, TRUE);
  g_free (batch->starts);
  g_array_unref (batch->spans);
  g_clear_error (&batch->error);
  g_free (batch);
}

/* Stops the thread reading ahead, if there is one, and frees its batches. */
static void
stop_reading_ahead (ArCsvReader *self)
{
  static Batch stop;
  Batch *batch;

  if (self->read_ahead == NULL)
    return;

  g_atomic_int_set (&self->stopping, TRUE);
  g_async_queue_push (self->free_batches, &stop);
  g_thread_join (g_steal_pointer (&self->read_ahead));

  while ((batch = g_async_queue_try_pop (self->free_batches)) != NULL)
    if (batch != &stop)
      batch_free (batch);
  while ((batch = g_async_queue_try_pop (self->full_batches)) != NULL)
    batch_free (batch);
  g_clear_pointer (&self->batch, batch_free);
  g_clear_pointer (&self->free_batches, g_async_queue_unref);
  g_clear_pointer (&self->full_batches, g_async_queue_unref);
}

static void
ar_csv_reader_finalize (GObject *object)
{
  ArCsvReader *self = AR_CSV_READER (object);

  g_free (self->source_name);
  g_clear_object (&self->file);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->stream);
  g_free (self->buffer);
  g_clear_pointer (&self->header, g_ptr_array_unref);
  g_clear_pointer (&self->columns, g_hash_table_unref);
  stop_reading_ahead (self);
  g_string_free (self->record, TRUE);
  g_free (self->starts);
  g_free (self->fields);
  g_free (self->finished);
  g_ptr_array_unref (self->decoded);

  G_OBJECT_CLASS (ar_csv_reader_parent_class)->finalize (object);
}

static void
ar_csv_reader_class_init (ArCsvReaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ar_csv_reader_finalize;
}

static void
ar_csv_reader_init (ArCsvReader *self)
{
  self->record = g_string_sized_new (4096);
  self->starts_size = 160;
  self->starts = g_new (gsize, self->starts_size);
  self->fields_size = 160;
  self->fields = g_new (const char *, self->fields_size);
  self->finished = g_new0 (guint, self->fields_size);
  self->serial = 1;
  self->decoded = g_ptr_array_new_with_free_func (g_free);
  self->columns = g_hash_table_new (g_str_hash, g_str_equal);
  self->line = 1;
}

static GInputStream *
open_source (ArCsvReader  *self,
             GError      **error)
{
  if (self->bytes != NULL)
    return g_memory_input_stream_new_from_bytes (self->bytes);

  return G_INPUT_STREAM (g_file_read (self->file, self->cancellable, error));
}

/* Reads up to @size bytes, as many as there are; a short count only at
 * the end of the source. */
static gboolean
read_chunk (ArCsvReader   *self,
            GInputStream  *stream,
            char          *into,
            gsize          size,
            gsize         *n_read,
            GError       **error)
{
  if (g_input_stream_read_all (stream, into, size, n_read, self->cancellable, error))
    return TRUE;

  if (!g_error_matches (*error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_prefix_error (error, "%s: ", self->source_name);
  return FALSE;
}

/* Spreadsheets save "CSV" with commas, or with semicolons where the
 * decimal mark is a comma, or as tab-separated text. The header row says
 * which: the one of the three it holds most of, outside quotes (commas
 * when it holds none, as a one-column file does). Counted as the first
 * pass goes, so the header may cross any number of buffers. */
typedef struct
{
  guint    counts[3];
  gboolean quoted;
  gboolean started;   /* blank lines before the header are skipped */
  gboolean done;
} DelimiterCount;

static const char delimiters[] = { ',', ';', '\t' };

static void
count_delimiters (DelimiterCount *count,
                  const char     *text,
                  gsize           length)
{
  for (gsize i = 0; i < length && !count->done; i++)
    {
      char c = text[i];

      if ((c == '\n' || c == '\r') && !count->quoted)
        {
          count->done = count->started;
          continue;
        }
      count->started = TRUE;
      if (c == '"')
        count->quoted = !count->quoted;
      else if (!count->quoted)
        for (guint k = 0; k < G_N_ELEMENTS (delimiters); k++)
          count->counts[k] += c == delimiters[k];
    }
}

static char
most_counted_delimiter (const DelimiterCount *count)
{
  for (guint k = 1; k < G_N_ELEMENTS (delimiters); k++)
    if (count->counts[k] > count->counts[0] && count->counts[k] > count->counts[k == 1 ? 2 : 1])
      return delimiters[k];

  return ',';
}

/* The first pass: the size, binary data, and whether every byte is UTF-8.
 * A character cut in two by the end of the buffer is carried over and
 * checked again with the bytes that follow it. */
static gboolean
scan (ArCsvReader  *self,
      GError      **error)
{
  g_autoptr(GInputStream) stream = open_source (self, error);
  gboolean valid = TRUE;
  gsize carried = 0;
  gsize n_read;
  DelimiterCount delimiter_count = { { 0, }, FALSE, FALSE, FALSE };

  if (stream == NULL)
    return FALSE;

  do
    {
      const char *end;

      if (!read_chunk (self, stream, self->buffer + carried, self->buffer_size - carried, &n_read, error))
        return FALSE;
      self->size += n_read;
      count_delimiters (&delimiter_count, self->buffer + carried, n_read);

      /* Text files hold no NUL bytes; images, archives and databases do. */
      if (memchr (self->buffer + carried, '\0', n_read) != NULL)
        {
          g_set_error (error, AR_STORE_ERROR, AR_STORE_ERROR_FORMAT,
                       _("%s is not a CSV file: it holds binary data"), self->source_name);
          return FALSE;
        }

      if (valid && !g_utf8_validate_len (self->buffer, carried + n_read, &end))
        {
          gsize rest = self->buffer + carried + n_read - end;

          carried = 0;
          if (n_read > 0 && rest < 4)
            {
              memmove (self->buffer, end, rest);
              carried = rest;
            }
          else
            valid = FALSE;
        }
      else
        carried = 0;
    }
  while (n_read > 0);

  if (self->size == 0)
    {
      g_set_error (error, AR_STORE_ERROR, AR_STORE_ERROR_FORMAT, _("%s is empty"), self->source_name);
      return FALSE;
    }
  self->was_windows_1252 = !valid;
  self->delimiter = most_counted_delimiter (&delimiter_count);
  self->special[(guchar) self->delimiter] = TRUE;
  self->special['"'] = TRUE;
  self->special['\n'] = TRUE;
  self->special['\r'] = TRUE;

  return TRUE;
}

/* Makes sure there is a byte to read at position.
 *
 * Returns: %TRUE if there is; %FALSE at the end of the source, or with
 *   @error set when reading failed */
static gboolean
fill (ArCsvReader  *self,
      GError      **error)
{
  if (self->position < self->length)
    return TRUE;
  if (self->stream == NULL)
    return FALSE;

  self->consumed += self->length;
  self->position = self->length = 0;
  if (!read_chunk (self, self->stream, self->buffer, self->buffer_size, &self->length, error))
    return FALSE;
  if (self->length == 0)
    g_clear_object (&self->stream);

  return self->length > 0;
}

/* Ends the field being read, as it is; ar_csv_reader_get() trims and
 * decodes it when it is wanted. @end is where its text ends in the
 * record. */
static inline void
finish_field (ArCsvReader *self,
              gsize        end)
{
  if (G_UNLIKELY (self->n_starts == self->starts_size))
    {
      self->starts_size *= 2;
      self->starts = g_renew (gsize, self->starts, self->starts_size);
    }
  self->starts[self->n_starts++] = self->field_start;
  self->record->str[end] = '\0';
  self->field_start = end + 1;
}

static gboolean
field_too_long (ArCsvReader  *self,
                gsize         end,
                GError      **error)
{
  if (G_LIKELY (end - self->field_start <= AR_CSV_READER_MAX_FIELD))
    return FALSE;

  g_set_error (error, AR_STORE_ERROR, AR_STORE_ERROR_FORMAT,
               _("%s, line %u: a field is longer than %u KiB; this is not a GIAS extract"),
               self->source_name, self->record_line, AR_CSV_READER_MAX_FIELD / 1024);
  return TRUE;
}

/* Where read_record() is in a record, kept across refills of the buffer. */
typedef enum
{
  AT_FIELD_START,   /* nothing of the field read yet: a quote here opens it */
  IN_PLAIN,         /* outside quotes: a quote is text, as spreadsheets write it */
  IN_QUOTES,
  AT_QUOTE,         /* after a quote inside quotes: the closing one, or the first of a doubled pair */
  AFTER_CR,         /* a CR ended the record, with the LF after it if there is one */
} ReadState;

/* Copies bytes from @in to *@out up to the first @a, @b or @c, or @end.
 * With SSE2, 16 at a time: the 16 stored may run past the last byte
 * wanted, which read_record() leaves room for.
 *
 * Returns: where it stopped */
static inline const char *
copy_until (const char  *in,
            const char  *end,
            char       **out,
            char         a,
            char         b,
            char         c)
{
  char *to = *out;

#ifdef __SSE2__
  const __m128i va = _mm_set1_epi8 (a);
  const __m128i vb = _mm_set1_epi8 (b);
  const __m128i vc = _mm_set1_epi8 (c);

  while (end - in >= 16)
    {
      __m128i bytes = _mm_loadu_si128 ((const __m128i *) in);
      __m128i found = _mm_or_si128 (_mm_or_si128 (_mm_cmpeq_epi8 (bytes, va), _mm_cmpeq_epi8 (bytes, vb)),
                                    _mm_cmpeq_epi8 (bytes, vc));
      unsigned mask = _mm_movemask_epi8 (found);

      _mm_storeu_si128 ((__m128i *) to, bytes);
      if (mask != 0)
        {
          unsigned n = __builtin_ctz (mask);

          *out = to + n;
          return in + n;
        }
      in += 16;
      to += 16;
    }
#endif

  while (in < end && *in != a && *in != b && *in != c)
    *to++ = *in++;
  *out = to;

  return in;
}

/* Reads one record onto the end of self->record, its fields' starts
 * onto self->starts, a buffer at a time: most of the
 * time a GIAS import takes went here, so the bytes are copied in runs
 * between the characters that mean something, and the state is only
 * written back when the buffer runs out.
 *
 * Returns: %TRUE with a record read; %FALSE at the end or with @error
 *   (never %NULL) set */
static gboolean
read_record (ArCsvReader  *self,
             GError      **error)
{
  GString *record = self->record;
  ReadState state = AT_FIELD_START;
  const char delimiter = self->delimiter;

  self->field_start = record->len;

  /* Blank lines between records carry nothing. */
  for (;;)
    {
      char c;

      if (!fill (self, error))
        return FALSE;
      c = self->buffer[self->position];
      if (c != '\n' && c != '\r')
        break;
      self->line += c == '\n';
      self->position++;
    }

  self->record_line = self->line;

  for (;;)
    {
      const char *in;
      const char *end;
      char *out;
      guint line;

      if (!fill (self, error))
        {
          if (*error != NULL)
            return FALSE;
          if (state == IN_QUOTES)
            {
              g_set_error (error, AR_STORE_ERROR, AR_STORE_ERROR_FORMAT,
                           _("%s, line %u: a quoted field is never closed"),
                           self->source_name, self->record_line);
              return FALSE;
            }
          self->line += state == AFTER_CR;
          goto record_done;
        }

      /* Each byte read makes at most one of the record's: with room for
       * them all, 16 more for copy_until() and the last nul, nothing
       * below checks for room. */
      if (record->len + (self->length - self->position) + 18 > record->allocated_len)
        {
          gsize len = record->len;

          g_string_set_size (record, len + (self->length - self->position) + 18);
          g_string_truncate (record, len);
        }

      in = self->buffer + self->position;
      end = self->buffer + self->length;
      out = record->str + record->len;
      line = self->line;

      switch (state)
        {
        case IN_QUOTES:
          goto in_quotes;
        case AT_QUOTE:
          goto at_quote;
        case AFTER_CR:
          goto after_cr;
        case IN_PLAIN:
          goto in_plain;
        case AT_FIELD_START:
        default:
          break;
        }

    field_start:
      if (in == end)
        {
          state = AT_FIELD_START;
          goto buffer_end;
        }
      if (*in == '"')
        {
          in++;
          goto in_quotes;
        }

    in_plain:
      in = copy_until (in, end, &out, delimiter, '\n', '\r');
      if (in == end)
        {
          state = IN_PLAIN;
          goto buffer_end;
        }
      if (*in == delimiter)
        {
          gsize at;

        delimiter_found:
          at = out - record->str;
          in++;
          if (field_too_long (self, at, error))
            return FALSE;
          finish_field (self, at);
          out++;
          goto field_start;
        }
      if (*in++ == '\n')
        goto record_end;

    after_cr:
      if (in == end)
        {
          state = AFTER_CR;
          goto buffer_end;
        }
      if (*in == '\n')
        in++;
      goto record_end;

    in_quotes:
      /* "" (an empty field) is a sixth of a GIAS extract's fields */
      if (in == end || *in != '"')
        in = copy_until (in, end, &out, '"', '\n', '\n');
      if (in == end)
        {
          state = IN_QUOTES;
          goto buffer_end;
        }
      if (*in == '\n')
        {
          line++;
          *out++ = *in++;
          goto in_quotes;
        }
      in++;

    at_quote:
      if (in == end)
        {
          state = AT_QUOTE;
          goto buffer_end;
        }
      if (*in == '"')
        {
          /* a doubled quote stands for one */
          in++;
          *out++ = '"';
          goto in_quotes;
        }
      if (*in == delimiter)
        goto delimiter_found;
      goto in_plain;

    buffer_end:
      /* the record goes on in the next buffer: keep what was read */
      record->len = out - record->str;
      record->str[record->len] = '\0';
      self->position = self->length;
      self->line = line;
      if (field_too_long (self, record->len, error))
        return FALSE;
      continue;

    record_end:
      record->len = out - record->str;
      self->position = in - self->buffer;
      self->line = line + 1;
      if (field_too_long (self, record->len, error))
        return FALSE;
      goto record_done;
    }

record_done:
  /* the last field's nul is in the record, so the next record follows it */
  if (record->len + 2 > record->allocated_len)
    {
      gsize len = record->len;

      g_string_set_size (record, len + 2);
      g_string_truncate (record, len);
    }
  finish_field (self, record->len);
  record->len++;
  record->str[record->len] = '\0';

  return TRUE;
}

/* Makes the record whose text and field starts these are the one
 * ar_csv_reader_get() answers from. */
static void
set_current (ArCsvReader *self,
             char        *text,
             const gsize *starts,
             guint        n_fields,
             gsize        end,
             guint        line,
             guint64      read_to)
{
  self->current_text = text;
  self->current_starts = starts;
  self->current_n_fields = n_fields;
  self->current_end = end;
  self->current_line = line;
  self->current_read_to = read_to;
  self->serial++;
  if (self->decoded->len > 0)
    g_ptr_array_set_size (self->decoded, 0);

  if (G_UNLIKELY (n_fields > self->fields_size))
    {
      guint old_size = self->fields_size;

      self->fields_size = MAX (n_fields, 2 * old_size);
      self->fields = g_renew (const char *, self->fields, self->fields_size);
      self->finished = g_renew (guint, self->finished, self->fields_size);
      memset (self->finished + old_size, 0, (self->fields_size - old_size) * sizeof (guint));
    }
}

/* Reads the next record in this thread. */
static gboolean
read_current (ArCsvReader  *self,
              GError      **error)
{
  g_string_truncate (self->record, 0);
  self->n_starts = 0;
  if (!read_record (self, error))
    {
      self->current_n_fields = 0;
      self->current_read_to = self->consumed + self->position;
      return FALSE;
    }

  set_current (self, self->record->str, self->starts, self->n_starts, self->record->len - 1,
               self->record_line, self->consumed + self->position);
  return TRUE;
}

/* In the thread reading ahead: reads records into @batch until it is
 * full or the source ends. read_record() writes into the batch's own
 * text and starts, lent to the reader meanwhile. */
static void
fill_batch (ArCsvReader *self,
            Batch       *batch)
{
  GString *record = self->record;
  gsize *starts = self->starts;
  guint starts_size = self->starts_size;

  self->record = batch->text;
  self->starts = batch->starts;
  self->starts_size = batch->starts_size;
  g_string_truncate (self->record, 0);
  self->n_starts = 0;
  g_array_set_size (batch->spans, 0);
  batch->next = 0;

  while (batch->spans->len < RECORDS_PER_BATCH)
    {
      RecordSpan span = { self->n_starts, 0, 0, 0, 0 };

      if (!read_record (self, &batch->error))
        {
          batch->last = TRUE;
          batch->read_to = self->consumed + self->position;
          break;
        }
      span.n_fields = self->n_starts - span.first;
      span.end = self->record->len - 1;
      span.line = self->record_line;
      span.read_to = self->consumed + self->position;
      g_array_append_val (batch->spans, span);
    }

  batch->text = self->record;
  batch->starts = self->starts;
  batch->starts_size = self->starts_size;
  self->record = record;
  self->starts = starts;
  self->starts_size = starts_size;
}

static gpointer
read_ahead (gpointer data)
{
  ArCsvReader *self = data;

  for (;;)
    {
      Batch *batch = g_async_queue_pop (self->free_batches);
      gboolean last;

      if (g_atomic_int_get (&self->stopping))
        {
          if (batch->spans != NULL)
            g_async_queue_push (self->free_batches, batch);
          return NULL;
        }

      fill_batch (self, batch);
      last = batch->last;
      g_async_queue_push (self->full_batches, batch);
      if (last)
        return NULL;
    }
}

/* Hands out the next record of the batches read ahead. */
static gboolean
next_read_ahead (ArCsvReader  *self,
                 GError      **error)
{
  for (;;)
    {
      Batch *batch = self->batch;

      if (batch != NULL && batch->next < batch->spans->len)
        {
          RecordSpan *span = &g_array_index (batch->spans, RecordSpan, batch->next++);

          set_current (self, batch->text->str, batch->starts + span->first, span->n_fields,
                       span->end, span->line, span->read_to);
          return TRUE;
        }

      if (batch != NULL && batch->last)
        {
          self->current_n_fields = 0;
          self->current_read_to = batch->read_to;
          if (batch->error != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&batch->error));
              return FALSE;
            }
          return FALSE;
        }

      if (batch != NULL)
        g_async_queue_push (self->free_batches, batch);
      self->batch = g_async_queue_pop (self->full_batches);
    }
}

/**
 * ar_csv_reader_set_read_ahead:
 *
 * Reads the records in a thread of their own from now on, a few hundred
 * ahead of ar_csv_reader_next(), which then only hands them out: on a
 * machine with two cores or more, reading a large extract costs the
 * importer's thread next to nothing. The records, their lines and
 * errors come exactly as without. Call it before the first
 * ar_csv_reader_next().
 */
void
ar_csv_reader_set_read_ahead (ArCsvReader *self)
{
  g_return_if_fail (AR_IS_CSV_READER (self));
  g_return_if_fail (self->n_records == 0);

  if (self->read_ahead != NULL)
    return;

  self->full_batches = g_async_queue_new ();
  self->free_batches = g_async_queue_new ();
  for (guint i = 0; i < N_BATCHES; i++)
    g_async_queue_push (self->free_batches, batch_new ());
  self->current_n_fields = 0;
  self->read_ahead = g_thread_new ("ar-csv-read-ahead", read_ahead, self);
}

/**
 * ar_csv_reader_next:
 *
 * Reads the next record.
 *
 * Returns: %TRUE with a record read; %FALSE at the end (no error) or on a
 *   record that cannot be read (@error set, naming file and line)
 */
gboolean
ar_csv_reader_next (ArCsvReader  *self,
                    GError      **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (AR_IS_CSV_READER (self), FALSE);

  self->n_records++;
  if (self->read_ahead != NULL ? next_read_ahead (self, &local_error) : read_current (self, &local_error))
    return TRUE;

  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/**
 * ar_csv_reader_new_full:
 * @file: (nullable): the file to read, or %NULL to read @bytes
 * @bytes: (nullable): the text to read, when there is no @file
 * @source_name: the file name, for messages
 * @buffer_size: how many bytes to read at a time (at least 4); 0 for the
 *   default
 *
 * Checks the source and reads its header row. The reader keeps @file open,
 * or keeps @bytes, until it is finalized.
 *
 * Returns: (transfer full): the reader, positioned before the first record
 */
ArCsvReader *
ar_csv_reader_new_full (GFile         *file,
                        GBytes        *bytes,
                        const char    *source_name,
                        gsize          buffer_size,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(ArCsvReader) self = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail ((file == NULL) != (bytes == NULL), NULL);
  g_return_val_if_fail (source_name != NULL, NULL);

  self = g_object_new (AR_TYPE_CSV_READER, NULL);
  self->source_name = g_strdup (source_name);
  self->file = file ? g_object_ref (file) : NULL;
  self->bytes = bytes ? g_bytes_ref (bytes) : NULL;
  self->cancellable = cancellable ? g_object_ref (cancellable) : NULL;
  /* four bytes hold a whole UTF-8 character, and the byte order mark */
  self->buffer_size = buffer_size == 0 ? DEFAULT_BUFFER_SIZE : MAX (buffer_size, 4);
  self->buffer = g_malloc (self->buffer_size);

  if (!scan (self, &local_error))
    goto failed;

  self->stream = open_source (self, &local_error);
  if (self->stream == NULL)
    goto failed;

  if (fill (self, &local_error) && self->length >= 3 && memcmp (self->buffer, "\xEF\xBB\xBF", 3) == 0)
    self->position = 3;

  if (!read_current (self, &local_error))
    {
      if (local_error == NULL)
        g_set_error (&local_error, AR_STORE_ERROR, AR_STORE_ERROR_FORMAT, _("%s is empty"), source_name);
      goto failed;
    }

  self->header = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < self->current_n_fields; i++)
    {
      char *name = g_strdup (ar_csv_reader_get (self, i));

      g_ptr_array_add (self->header, name);
      if (!g_hash_table_contains (self->columns, name))
        g_hash_table_insert (self->columns, name, GINT_TO_POINTER (i + 1));
    }

  return g_steal_pointer (&self);

failed:
  g_propagate_error (error, g_steal_pointer (&local_error));
  return NULL;
}

/**
 * ar_csv_reader_new:
 * @source_name: the file name, for messages
 *
 * Returns: (transfer full): a reader of @bytes, positioned before the
 *   first record, or %NULL with @error set
 */
ArCsvReader *
ar_csv_reader_new (GBytes      *bytes,
                   const char  *source_name,
                   GError     **error)
{
  g_return_val_if_fail (bytes != NULL, NULL);

  return ar_csv_reader_new_full (NULL, bytes, source_name, 0, NULL, error);
}

/**
 * ar_csv_reader_new_for_file:
 * @source_name: the file name, for messages
 * @cancellable: (nullable): stops reading, now or later
 *
 * Returns: (transfer full): a reader of @file, positioned before the
 *   first record, or %NULL with @error set
 */
ArCsvReader *
ar_csv_reader_new_for_file (GFile         *file,
                            const char    *source_name,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  /* The reader goes through a file twice; a pipe (`<(…)`) or a device
   * gives its bytes once, so it is read whole first. */
  if (g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, cancellable) == G_FILE_TYPE_SPECIAL)
    {
      g_autoptr(GBytes) bytes = NULL;
      char *contents;
      gsize length;

      if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, error))
        return NULL;
      bytes = g_bytes_new_take (contents, length);
      return ar_csv_reader_new_full (NULL, bytes, source_name, 0, cancellable, error);
    }

  return ar_csv_reader_new_full (file, NULL, source_name, 0, cancellable, error);
}

const char *
ar_csv_reader_get_source_name (ArCsvReader *self)
{
  g_return_val_if_fail (AR_IS_CSV_READER (self), NULL);
  return self->source_name;
}

/**
 * ar_csv_reader_get_delimiter:
 *
 * Returns: the character between fields: a comma, a semicolon or a tab,
 *   as the header row showed
 */
char
ar_csv_reader_get_delimiter (ArCsvReader *self)
{
  g_return_val_if_fail (AR_IS_CSV_READER (self), ',');

  return self->delimiter;
}

gboolean
ar_csv_reader_get_was_windows_1252 (ArCsvReader *self)
{
  g_return_val_if_fail (AR_IS_CSV_READER (self), FALSE);
  return self->was_windows_1252;
}

guint
ar_csv_reader_get_n_columns (ArCsvReader *self)
{
  g_return_val_if_fail (AR_IS_CSV_READER (self), 0);
  return self->header->len;
}

const char *
ar_csv_reader_get_column_name (ArCsvReader *self,
                               guint        column)
{
  g_return_val_if_fail (AR_IS_CSV_READER (self), NULL);
  g_return_val_if_fail (column < self->header->len, NULL);

  return g_ptr_array_index (self->header, column);
}

/**
 * ar_csv_reader_find_column:
 *
 * Returns: the column with this header name, or -1
 */
int
ar_csv_reader_find_column (ArCsvReader *self,
                           const char  *name)
{
  g_return_val_if_fail (AR_IS_CSV_READER (self), -1);

  return GPOINTER_TO_INT (g_hash_table_lookup (self->columns, name)) - 1;
}

/**
 * ar_csv_reader_get_line:
 *
 * Returns: the line the current record starts on, counting from 1
 */
guint
ar_csv_reader_get_line (ArCsvReader *self)
{
  g_return_val_if_fail (AR_IS_CSV_READER (self), 0);
  return self->current_line;
}

guint
ar_csv_reader_get_n_fields (ArCsvReader *self)
{
  g_return_val_if_fail (AR_IS_CSV_READER (self), 0);
  return self->current_n_fields;
}

/**
 * ar_csv_reader_get:
 * @column: a column from ar_csv_reader_find_column(), or -1
 *
 * Returns: the field, trimmed of surrounding spaces; "" when the column is
 *   -1 or the row is too short to have it
 */
const char *
ar_csv_reader_get (ArCsvReader *self,
                   int          column)
{
  char *field;
  char *end;
  const char *value;

  g_return_val_if_fail (AR_IS_CSV_READER (self), "");

  if (column < 0 || (guint) column >= self->current_n_fields)
    return "";
  if (self->finished[column] == self->serial)
    return self->fields[column];

  /* Trim in place: the field ends in a nul byte of its own, just before
   * the next field starts (or at the record's end). */
  field = self->current_text + self->current_starts[column];
  end = self->current_text + ((guint) column + 1 < self->current_n_fields ? self->current_starts[column + 1] - 1
                                                                          : self->current_end);
  while (end > field && g_ascii_isspace (end[-1]))
    *--end = '\0';
  while (g_ascii_isspace (*field))
    field++;
  value = field;

  if (self->was_windows_1252)
    {
      guchar bits = 0;

      for (const char *p = field; p < end; p++)
        bits |= (guchar) *p;
      if (bits & 0x80)
        {
          char *decoded = ar_text_from_windows_1252 (field, end - field, NULL);

          g_ptr_array_add (self->decoded, decoded);
          value = decoded;
        }
    }

  self->fields[column] = value;
  self->finished[column] = self->serial;

  return value;
}

double
ar_csv_reader_get_fraction (ArCsvReader *self)
{
  g_return_val_if_fail (AR_IS_CSV_READER (self), 0);

  return self->size > 0 ? (double) self->current_read_to / self->size : 1.0;
}

/**
 * ar_csv_reader_get_size:
 *
 * Returns: the size of the source in bytes
 */
guint64
ar_csv_reader_get_size (ArCsvReader *self)
{
  g_return_val_if_fail (AR_IS_CSV_READER (self), 0);
  return self->size;
}
