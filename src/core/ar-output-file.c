/* ar-output-file.c: writing a file the user named without destroying another
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ar-output-file"

#include "config.h"

#include "ar-output-file.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

/* As the kernel allows before ELOOP */
#define MAX_LINKS 40

static gboolean
set_errno_error (GError     **error,
                 int          saved_errno,
                 const char  *path)
{
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               _("Cannot write %s: %s"), path, g_strerror (saved_errno));
  return FALSE;
}

static gboolean
write_all (int           fd,
           const char   *data,
           gsize         length,
           const char   *path,
           GError      **error)
{
  while (length > 0)
    {
      gssize written = write (fd, data, MIN (length, (gsize) G_MAXSSIZE));

      if (written < 0 && errno == EINTR)
        continue;
      if (written < 0)
        return set_errno_error (error, errno, path);

      data += written;
      length -= written;
    }

  return TRUE;
}

static gboolean
same_file (const struct stat *a,
           const struct stat *b)
{
  return a->st_dev == b->st_dev && a->st_ino == b->st_ino;
}

/* "/a/b/../c/name" as "/a/c/name" with the folder's links resolved, or a
 * copy of @path when its folder does not exist */
static char *
canonical_name (const char *path)
{
  g_autofree char *directory = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *real = realpath (directory, NULL);

  if (real == NULL)
    return g_canonicalize_filename (path, NULL);

  return g_build_filename (real, base, NULL);
}

/* The register and the files SQLite keeps beside it */
static const char * const register_suffixes[] = { "", "-wal", "-shm", "-journal" };

/* SQLite keeps the -wal and -shm beside the file a link points to */
static gboolean
is_register_file (const struct stat *st,
                  const char        *register_path)
{
  g_autofree char *real_register = realpath (register_path, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (register_suffixes); i++)
    {
      g_autofree char *name = g_strconcat (register_path, register_suffixes[i], NULL);
      g_autofree char *real_name = real_register ? g_strconcat (real_register, register_suffixes[i], NULL) : NULL;
      struct stat register_st;

      if (stat (name, &register_st) == 0 && same_file (st, &register_st))
        return TRUE;
      if (real_name != NULL && stat (real_name, &register_st) == 0 && same_file (st, &register_st))
        return TRUE;
    }

  return FALSE;
}

/* A file that does not exist yet is the register's by name: a -wal or -shm
 * appears beside the register whenever SQLite wants one. */
static gboolean
is_register_name (const char *target,
                  const char *register_path)
{
  g_autofree char *canonical = canonical_name (target);
  g_autofree char *real_register = realpath (register_path, NULL);
  g_autofree char *register_canonical = canonical_name (register_path);

  for (guint i = 0; i < G_N_ELEMENTS (register_suffixes); i++)
    {
      g_autofree char *by_name = g_strconcat (register_canonical, register_suffixes[i], NULL);
      g_autofree char *by_link = real_register ? g_strconcat (real_register, register_suffixes[i], NULL) : NULL;

      if (g_str_equal (canonical, by_name) || g_strcmp0 (canonical, by_link) == 0)
        return TRUE;
    }

  return FALSE;
}

/**
 * ar_output_file_is_register:
 * @path: a file to write, through any path or link
 * @register_path: (nullable): the open register
 *
 * Returns: whether writing @path would overwrite the register or the
 *   journal files beside it
 */
gboolean
ar_output_file_is_register (const char *path,
                            const char *register_path)
{
  struct stat st;

  g_return_val_if_fail (path != NULL, FALSE);

  if (register_path == NULL)
    return FALSE;

  if (stat (path, &st) == 0)
    return is_register_file (&st, register_path);

  return is_register_name (path, register_path);
}

static gboolean
refuse_register (const char  *path,
                 GError     **error)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
               _("Cannot write %s: it is the open register"), path);
  return FALSE;
}

/* The file a chain of symbolic links ends at, which may not exist yet */
static char *
follow_links (const char  *path,
              GError     **error)
{
  g_autofree char *current = g_strdup (path);

  for (guint i = 0; i < MAX_LINKS; i++)
    {
      g_autofree char *target = NULL;
      struct stat st;

      if (lstat (current, &st) != 0 || !S_ISLNK (st.st_mode))
        return g_steal_pointer (&current);

      target = g_file_read_link (current, error);
      if (target == NULL)
        return NULL;

      if (g_path_is_absolute (target))
        {
          g_free (current);
          current = g_steal_pointer (&target);
        }
      else
        {
          g_autofree char *directory = g_path_get_dirname (current);

          g_free (current);
          current = g_build_filename (directory, target, NULL);
        }
    }

  set_errno_error (error, ELOOP, path);
  return NULL;
}

static gboolean
write_standard_output (GBytes      *bytes,
                       const char  *register_path,
                       GError     **error)
{
  struct stat st;
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  if (register_path != NULL && fstat (STDOUT_FILENO, &st) == 0 && is_register_file (&st, register_path))
    return refuse_register (_("standard output"), error);

  /* what stdio holds goes first */
  if (fflush (stdout) != 0)
    return set_errno_error (error, errno, _("standard output"));

  return write_all (STDOUT_FILENO, data, length, _("standard output"), error);
}

/* A pipe, a terminal, /dev/null or a socket: written as it is, since
 * replacing it would cut off whoever reads it. */
static gboolean
write_in_place (const char  *path,
                gboolean     is_socket,
                GBytes      *bytes,
                GError     **error)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  gboolean ok;
  int fd;

  if (is_socket)
    {
      struct sockaddr_un address = { .sun_family = AF_UNIX };

      if (strlen (path) >= sizeof address.sun_path)
        return set_errno_error (error, ENAMETOOLONG, path);
      strcpy (address.sun_path, path);

      fd = socket (AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
      if (fd >= 0 && connect (fd, (struct sockaddr *) &address, sizeof address) != 0)
        {
          int saved_errno = errno;

          close (fd);
          errno = saved_errno;
          fd = -1;
        }
    }
  else
    fd = open (path, O_WRONLY | O_NOCTTY | O_CLOEXEC);

  if (fd < 0)
    return set_errno_error (error, errno, path);

  ok = write_all (fd, data, length, path, error);
  if (close (fd) != 0 && ok && errno != EINTR)
    ok = set_errno_error (error, errno, path);

  return ok;
}

static void
sync_directory (const char *directory)
{
  int fd = open (directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

  /* the rename is then on disk too; a folder that refuses is no failure */
  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

/* A regular file, new or replaced, appears only when complete: written to
 * a temporary file beside it, flushed, then renamed over it. */
static gboolean
replace_regular (const char         *path,
                 const char         *target,
                 const struct stat  *existing,
                 GBytes             *bytes,
                 GError            **error)
{
  g_autofree char *directory = g_path_get_dirname (target);
  g_autofree char *base = g_path_get_basename (target);
  g_autofree char *name = g_strdup_printf (".%s.XXXXXX", base);
  g_autofree char *temporary = g_build_filename (directory, name, NULL);
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  struct stat st;
  int fd;

  /* A file with no write permission at all was protected on purpose:
   * refused even for root, who may write anything. */
  if (existing != NULL
      && ((existing->st_mode & 0222) == 0 || faccessat (AT_FDCWD, target, W_OK, AT_EACCESS) != 0))
    {
      int saved_errno = (existing->st_mode & 0222) == 0 ? EACCES : errno;

      if (saved_errno == EACCES || saved_errno == EROFS)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                     _("Cannot write %s: the file is read-only"), path);
      else
        set_errno_error (error, saved_errno, path);
      return FALSE;
    }

  /* A new file gets the usual 0666 less the umask; a replaced one starts
   * private and takes the old file's mode before any data goes in. */
  fd = g_mkstemp_full (temporary, O_WRONLY | O_CLOEXEC, existing ? 0600 : 0666);
  if (fd < 0)
    {
      int saved_errno = errno;

      if (saved_errno == ENOENT || saved_errno == ENOTDIR)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                     _("Cannot write %s: there is no folder %s"), path, directory);
      else
        g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                     _("Cannot write %s: cannot create a file in %s: %s"),
                     path, directory, g_strerror (saved_errno));
      return FALSE;
    }

  if (existing != NULL)
    {
      if (fchmod (fd, existing->st_mode & 07777) != 0)
        goto failed;

      if (fstat (fd, &st) != 0)
        goto failed;
      if ((st.st_uid != existing->st_uid || st.st_gid != existing->st_gid)
          && fchown (fd, existing->st_uid, existing->st_gid) != 0)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                       _("Cannot write %s: its owner could not be kept"), path);
          close (fd);
          g_unlink (temporary);
          return FALSE;
        }
    }

  if (!write_all (fd, data, length, path, error))
    {
      close (fd);
      g_unlink (temporary);
      return FALSE;
    }

  if (fsync (fd) != 0)
    goto failed;
  if (close (fd) != 0)
    {
      fd = -1;
      goto failed;
    }
  fd = -1;

  if (rename (temporary, target) != 0)
    goto failed;

  sync_directory (directory);

  return TRUE;

failed:
  {
    int saved_errno = errno;

    if (fd >= 0)
      close (fd);
    g_unlink (temporary);

    return set_errno_error (error, saved_errno, path);
  }
}

/**
 * ar_output_file_write:
 * @path: (nullable): a file, or %NULL or "-" for standard output
 * @register_path: (nullable): the open register, never to be written over
 *
 * Writes @bytes as careful Unix tools do: a symbolic link is followed and
 * its target replaced; a pipe, character device or socket is written in
 * place; an existing file keeps its mode and owner and a read-only one is
 * refused; a folder is refused; a new or replaced file appears only when
 * complete. The register, through any path or link, is refused.
 */
gboolean
ar_output_file_write (const char  *path,
                      GBytes      *bytes,
                      const char  *register_path,
                      GError     **error)
{
  g_autofree char *target = NULL;
  struct stat st;
  struct stat out_st;

  g_return_val_if_fail (bytes != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (path == NULL || g_str_equal (path, "-"))
    return write_standard_output (bytes, register_path, error);

  if (path[0] == '\0')
    return set_errno_error (error, ENOENT, path);

  if (stat (path, &st) != 0)
    {
      int saved_errno = errno;

      if (saved_errno != ENOENT)
        return set_errno_error (error, saved_errno, path);

      /* nothing there, or a link to nothing: a new file at its end */
      target = follow_links (path, error);
      if (target == NULL)
        return FALSE;
      if (register_path != NULL && is_register_name (target, register_path))
        return refuse_register (path, error);

      return replace_regular (path, target, NULL, bytes, error);
    }

  if (register_path != NULL && is_register_file (&st, register_path))
    return refuse_register (path, error);

  /* /dev/stdout and the like, when standard output is this very file */
  if (fstat (STDOUT_FILENO, &out_st) == 0 && same_file (&st, &out_st) && S_ISREG (st.st_mode))
    return write_standard_output (bytes, register_path, error);

  if (S_ISDIR (st.st_mode))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                   _("Cannot write %s: it is a folder"), path);
      return FALSE;
    }

  if (S_ISFIFO (st.st_mode) || S_ISCHR (st.st_mode) || S_ISSOCK (st.st_mode))
    return write_in_place (path, S_ISSOCK (st.st_mode), bytes, error);

  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   _("Cannot write %s: it is not a regular file"), path);
      return FALSE;
    }

  target = follow_links (path, error);
  if (target == NULL)
    return FALSE;

  return replace_regular (path, target, &st, bytes, error);
}

/**
 * ar_output_file_replace:
 * @file: where to write; a file with no local path (a remote location) is
 *   left to GIO
 *
 * ar_output_file_write() for a file a chooser returned.
 */
gboolean
ar_output_file_replace (GFile         *file,
                        GBytes        *bytes,
                        const char    *register_path,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);

  path = g_file_get_path (file);
  if (path != NULL)
    return ar_output_file_write (path, bytes, register_path, error);

  return g_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                  NULL, FALSE, G_FILE_CREATE_NONE, NULL, cancellable, error);
}

typedef struct
{
  GBytes *bytes;
  char   *register_path;
} ReplaceData;

static void
replace_data_free (ReplaceData *data)
{
  g_bytes_unref (data->bytes);
  g_free (data->register_path);
  g_free (data);
}

static void
replace_thread (GTask        *task,
                gpointer      source,
                gpointer      task_data,
                GCancellable *cancellable)
{
  ReplaceData *data = task_data;
  GError *error = NULL;

  if (ar_output_file_replace (G_FILE (source), data->bytes, data->register_path, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * ar_output_file_replace_async:
 *
 * ar_output_file_replace() in a thread: flushing a big file to disk can
 * take a while.
 */
void
ar_output_file_replace_async (GFile               *file,
                              GBytes              *bytes,
                              const char          *register_path,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ReplaceData *data;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (bytes != NULL);

  data = g_new0 (ReplaceData, 1);
  data->bytes = g_bytes_ref (bytes);
  data->register_path = g_strdup (register_path);

  task = g_task_new (file, cancellable, callback, user_data);
  g_task_set_source_tag (task, ar_output_file_replace_async);
  g_task_set_task_data (task, data, (GDestroyNotify) replace_data_free);
  g_task_run_in_thread (task, replace_thread);
}

gboolean
ar_output_file_replace_finish (GFile         *file,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, file), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
