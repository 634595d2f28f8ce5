/* strata-up-tar.c: the tar of a build context, as the docker CLI sends it
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every file under the context folder, less what .dockerignore excludes
 * (moby's patternmatcher: one pattern a line, `#` comments, `!` re-includes,
 * `*` and `?` within one path element, `**` across them, the last matching
 * pattern wins, a pattern matching a folder excludes what it holds).  The
 * Dockerfile and .dockerignore always go, as the CLI does.
 */

#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "strata-up-private.h"

typedef struct
{
  GRegex   *regex;
  gboolean  negate;
} Pattern;

static void
pattern_free (Pattern *pattern)
{
  g_regex_unref (pattern->regex);
  g_free (pattern);
}

static GRegex *
pattern_regex (const char *glob)
{
  g_autoptr(GString) re = g_string_new ("^");

  for (const char *p = glob; *p; p++)
    {
      if (p[0] == '*' && p[1] == '*')
        {
          g_string_append (re, ".*");
          p++;
          if (p[1] == '/')
            p++;
        }
      else if (*p == '*')
        g_string_append (re, "[^/]*");
      else if (*p == '?')
        g_string_append (re, "[^/]");
      else
        {
          g_autofree char *escaped = g_regex_escape_string (p, 1);

          g_string_append (re, escaped);
        }
    }
  g_string_append (re, "$");

  return g_regex_new (re->str, G_REGEX_DOLLAR_ENDONLY, 0, NULL);
}

static GPtrArray *
read_dockerignore (const char *context_dir)
{
  g_autofree char *path = g_build_filename (context_dir, ".dockerignore", NULL);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *patterns = g_ptr_array_new_with_free_func ((GDestroyNotify) pattern_free);

  if (!g_file_get_contents (path, &text, NULL, NULL))
    return patterns;
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);
      gboolean negate = line[0] == '!';
      g_autofree char *clean = NULL;
      GRegex *regex;
      Pattern *pattern;

      if (*line == '\0' || *line == '#')
        continue;
      clean = g_canonicalize_filename (negate ? line + 1 : line, "/");
      if ((regex = pattern_regex (clean + 1)) == NULL)
        continue;
      pattern = g_new0 (Pattern, 1);
      pattern->regex = regex;
      pattern->negate = negate;
      g_ptr_array_add (patterns, pattern);
    }

  return patterns;
}

/* Whether @relative or one of its parent folders matches @pattern. */
static gboolean
pattern_matches (Pattern    *pattern,
                 const char *relative)
{
  g_autofree char *prefix = g_strdup (relative);

  for (char *slash = NULL;; *slash = '\0')
    {
      if (g_regex_match (pattern->regex, prefix, 0, NULL))
        return TRUE;
      if ((slash = strrchr (prefix, '/')) == NULL)
        return FALSE;
    }
}

static gboolean
excluded (GPtrArray  *patterns,
          const char *relative)
{
  gboolean out = FALSE;

  for (guint i = 0; i < patterns->len; i++)
    {
      Pattern *pattern = patterns->pdata[i];

      if (pattern_matches (pattern, relative))
        out = !pattern->negate;
    }

  return out;
}

typedef struct
{
  struct archive *archive;
  GPtrArray      *patterns;
  const char     *dockerfile;
} Walk;

static gboolean
add_entry (Walk        *walk,
           const char  *path,
           const char  *relative,
           GError     **error)
{
  g_autoptr(GMappedFile) mapped = NULL;
  struct archive_entry *entry = archive_entry_new ();
  GStatBuf st;
  char target[4096];
  gssize len;

  if (g_lstat (path, &st) != 0)
    return archive_entry_free (entry), TRUE;
  archive_entry_copy_pathname (entry, relative);
  archive_entry_set_mode (entry, st.st_mode);
  archive_entry_set_mtime (entry, st.st_mtime, 0);
  if (S_ISLNK (st.st_mode) && (len = readlink (path, target, sizeof target - 1)) >= 0)
    {
      target[len] = '\0';
      archive_entry_copy_symlink (entry, target);
    }
  else if (S_ISREG (st.st_mode))
    {
      if ((mapped = g_mapped_file_new (path, FALSE, error)) == NULL)
        return archive_entry_free (entry), FALSE;
      archive_entry_set_size (entry, g_mapped_file_get_length (mapped));
    }
  archive_write_header (walk->archive, entry);
  if (mapped != NULL)
    archive_write_data (walk->archive, g_mapped_file_get_contents (mapped), g_mapped_file_get_length (mapped));
  archive_entry_free (entry);

  return TRUE;
}

static gboolean
walk_dir (Walk        *walk,
          const char  *dir,
          const char  *prefix,
          GError     **error)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, error);
  const char *name;

  if (d == NULL)
    return FALSE;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *relative = prefix ? g_strconcat (prefix, "/", name, NULL) : g_strdup (name);
      gboolean always = g_str_equal (relative, walk->dockerfile) || g_str_equal (relative, ".dockerignore");
      gboolean is_dir = g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK);

      if (is_dir && !walk_dir (walk, path, relative, error))
        return FALSE;
      if (!is_dir && (always || !excluded (walk->patterns, relative)) && !add_entry (walk, path, relative, error))
        return FALSE;
    }

  return TRUE;
}

static la_ssize_t
write_cb (struct archive *archive,
          void           *data,
          const void     *buffer,
          size_t          length)
{
  g_byte_array_append (data, buffer, length);

  return length;
}

GBytes *
_strata_build_context_tar (const char  *context_dir,
                           const char  *dockerfile,
                           GError     **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autoptr(GPtrArray) patterns = NULL;
  Walk walk = { 0 };
  gboolean ok;

  if (!g_file_test (context_dir, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("The build context “%s” is not a folder: check build.context"), context_dir);
      return NULL;
    }
  patterns = read_dockerignore (context_dir);
  walk.archive = archive_write_new ();
  walk.patterns = patterns;
  walk.dockerfile = dockerfile ? dockerfile : "Dockerfile";
  archive_write_set_format_pax_restricted (walk.archive);
  archive_write_set_bytes_in_last_block (walk.archive, 1);
  archive_write_open (walk.archive, bytes, NULL, write_cb, NULL);
  ok = walk_dir (&walk, context_dir, NULL, error);
  archive_write_close (walk.archive);
  archive_write_free (walk.archive);
  if (!ok)
    return NULL;

  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}
