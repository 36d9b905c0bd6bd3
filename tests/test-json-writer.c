/* test-json-writer.c: the streaming JSON writer writes what json-glib's
 * generator writes, and never text a JSON parser refuses
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "ar-json-writer.h"

static char *
generated (JsonNode *root)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  text = json_generator_to_data (generator, NULL);

  return g_strconcat (text, "\n", NULL);
}

/* Runs @write on a writer into memory, returns the text. */
static char *
written (void (*write) (ArJsonWriter *writer, gpointer data),
         gpointer data)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(ArJsonWriter) writer = ar_json_writer_new (stream, NULL);

    write (writer, data);
    g_assert_true (ar_json_writer_finish (writer, &error));
    g_assert_no_error (error);
  }
  g_output_stream_write_all (stream, "", 1, NULL, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_close (stream, NULL, NULL);

  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (stream));
}

static void
write_document (ArJsonWriter *writer,
                gpointer      data)
{
  const char *text = data;

  ar_json_writer_begin_object (writer);
  ar_json_writer_member (writer, "format");
  ar_json_writer_string (writer, text);
  ar_json_writer_member (writer, "version");
  ar_json_writer_int (writer, -9223372036854775807 - 1);
  ar_json_writer_member (writer, "empty");
  ar_json_writer_begin_array (writer);
  ar_json_writer_end_array (writer);
  ar_json_writer_member (writer, "records");
  ar_json_writer_begin_array (writer);
  for (int i = 0; i < 2; i++)
    {
      ar_json_writer_begin_object (writer);
      ar_json_writer_member (writer, "id");
      ar_json_writer_int (writer, i + 1);
      ar_json_writer_member (writer, "closed");
      ar_json_writer_boolean (writer, i == 0);
      ar_json_writer_member (writer, "notes");
      ar_json_writer_null (writer);
      ar_json_writer_member (writer, "files");
      ar_json_writer_begin_array (writer);
      ar_json_writer_string (writer, "a.csv");
      ar_json_writer_int (writer, 7);
      ar_json_writer_end_array (writer);
      ar_json_writer_end_object (writer);
    }
  ar_json_writer_end_array (writer);
  ar_json_writer_end_object (writer);
}

static JsonNode *
build_document (const char *text)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, text);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, G_MININT64);
  json_builder_set_member_name (builder, "empty");
  json_builder_begin_array (builder);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "records");
  json_builder_begin_array (builder);
  for (int i = 0; i < 2; i++)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, i + 1);
      json_builder_set_member_name (builder, "closed");
      json_builder_add_boolean_value (builder, i == 0);
      json_builder_set_member_name (builder, "notes");
      json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "files");
      json_builder_begin_array (builder);
      json_builder_add_string_value (builder, "a.csv");
      json_builder_add_int_value (builder, 7);
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* The layout of a register file, byte for byte as json-glib writes it. */
static void
test_layout (void)
{
  g_autoptr(JsonNode) root = build_document ("alliance-register");
  g_autofree char *expected = generated (root);
  g_autofree char *text = written (write_document, (gpointer) "alliance-register");

  g_assert_cmpstr (text, ==, expected);
}

/* Every ASCII character escaped as json-glib escapes it; json-glib leaves
 * U+001F raw, which is not JSON, so that one is the writer's own. */
static void
test_ascii_like_json_glib (void)
{
  char all[0x80];
  guint n = 0;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GString) unit = g_string_new (NULL);

  for (int c = 1; c < 0x80; c++)
    {
      if (c != 0x1f)
        all[n++] = c;
    }
  all[n] = '\0';

  root = build_document (all);
  expected = generated (root);
  text = written (write_document, all);
  g_assert_cmpstr (text, ==, expected);

  ar_json_append_string (unit, "\x1f");
  g_assert_cmpstr (unit->str, ==, "\"\\u001f\"");
}

/* Hostile text comes out as JSON a strict parser takes back unchanged,
 * always UTF-8: invalid bytes become U+FFFD. */
static void
test_hostile_strings (void)
{
  static const char * const hostile[] = {
    "\"quoted\" \\back\\slash\\",
    "\b\f\n\r\t\v\x01\x1f\x7f end",
    "non-BMP \xf0\x9f\x98\x80 and \xe2\x80\xa8\xe2\x80\xa9 separators",
    "\\u0000 written out, and \"}\" ] , :",
    "",
  };
  static const struct {
    const char *in;
    const char *out;
  } invalid[] = {
    { "bad \xff byte", "bad \xef\xbf\xbd byte" },
    { "cut \xe2\x82", "cut \xef\xbf\xbd\xef\xbf\xbd" },
    { "surrogate \xed\xa0\x80!", "surrogate \xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd!" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (hostile) + G_N_ELEMENTS (invalid); i++)
    {
      const char *in = i < G_N_ELEMENTS (hostile) ? hostile[i] : invalid[i - G_N_ELEMENTS (hostile)].in;
      const char *out = i < G_N_ELEMENTS (hostile) ? hostile[i] : invalid[i - G_N_ELEMENTS (hostile)].out;
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;
      g_autofree char *text = written (write_document, (gpointer) in);
      JsonObject *object;

      g_assert_true (g_utf8_validate (text, -1, NULL));
      for (const char *p = text; *p != '\0'; p++)
        g_assert_true ((guchar) *p >= 0x20 || *p == '\n');
      g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
      g_assert_no_error (error);
      object = json_node_get_object (json_parser_get_root (parser));
      g_assert_cmpstr (json_object_get_string_member (object, "format"), ==, out);
    }
}

static void
write_with_history (ArJsonWriter *writer,
                    gpointer      data)
{
  ar_json_writer_begin_object (writer);
  ar_json_writer_member (writer, "history");
  ar_json_writer_pretty_value (writer, data);
  ar_json_writer_end_object (writer);
}

/* A part still built as a tree goes in at its depth. */
static void
test_pretty_value (void)
{
  g_autoptr(JsonNode) root = build_document ("x");
  g_autofree char *part = generated (root);
  g_autoptr(JsonNode) outer = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(JsonObject) object = json_object_new ();
  g_autofree char *expected = NULL;
  g_autofree char *text = NULL;

  part[strlen (part) - 1] = '\0';
  json_object_set_member (object, "history", json_node_copy (root));
  json_node_set_object (outer, object);
  expected = generated (outer);
  text = written (write_with_history, part);
  g_assert_cmpstr (text, ==, expected);
}

/* A stream that fails is reported, not lost: large text makes the writer
 * write before the end. */
static void
test_write_error (void)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(ArJsonWriter) writer = ar_json_writer_new (stream, NULL);
  g_autoptr(GError) error = NULL;

  g_output_stream_close (stream, NULL, NULL);
  ar_json_writer_begin_array (writer);
  for (guint i = 0; i < 20000; i++)
    ar_json_writer_string (writer, "a line of text to fill the buffer");
  ar_json_writer_end_array (writer);
  g_assert_false (ar_json_writer_finish (writer, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CLOSED);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ar/json-writer/layout", test_layout);
  g_test_add_func ("/ar/json-writer/ascii-like-json-glib", test_ascii_like_json_glib);
  g_test_add_func ("/ar/json-writer/hostile-strings", test_hostile_strings);
  g_test_add_func ("/ar/json-writer/pretty-value", test_pretty_value);
  g_test_add_func ("/ar/json-writer/write-error", test_write_error);

  return g_test_run ();
}
