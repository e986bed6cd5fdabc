/* cp-share.c — an engagement shared through a git repository
 *
 * A shared engagement lives in a git repository as its engagement folder
 * (format 2, every record with its stable id), in a folder named by the
 * engagement's id; one repository can hold several, listed with their
 * audiences in engagements.md at its top. Each person's Coachplan keeps a
 * clone of its own beside the database (DATABASE.shared/ID/), and works
 * through libgit2: no git program is run.
 *
 * The audience decides which notes enter the repository: the team reads
 * every note, the client all but coach-only ones, the sponsor only the
 * sponsor's. A note outside the audience is never written into the clone,
 * so it is in no commit.
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cp-share"

#include "config.h"

#include <errno.h>
#include "cp-git.h"
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cp-engagement.h"
#include "cp-engagement-io.h"
#include "cp-file.h"
#include "cp-notes-io.h"
#include "cp-share.h"
#include "cp-share-private.h"
#include "cp-store.h"
#include "cp-store-model.h"

/**
 * cp_share_dup_folder:
 *
 * Returns: (transfer full): where this database's clones of shared
 *   engagements live: beside it, DATABASE.shared/
 */
char *
cp_share_dup_folder (CpStore *store)
{
  return g_strconcat (cp_store_get_path (store), ".shared", NULL);
}

static const CpAudience widest_first[] = { CP_AUDIENCE_TEAM, CP_AUDIENCE_CLIENT, CP_AUDIENCE_SPONSOR };

/**
 * cp_share_dup_clone_path:
 * @audience: which of its sharings
 *
 * An engagement may be shared once for each audience: with the team in
 * one repository, with the sponsor in another. Each has its clone here.
 *
 * Returns: (transfer full) (nullable): the folder of the engagement's
 *   clone for @audience, whether it exists or not
 */
char *
cp_share_dup_clone_path (CpEngagement  *engagement,
                         CpAudience     audience,
                         GError       **error)
{
  g_autofree char *uuid = cp_engagement_dup_uuid (engagement, error);
  g_autofree char *folder = NULL;

  if (uuid == NULL)
    return NULL;

  folder = cp_share_dup_folder (cp_engagement_get_store (engagement));

  return g_build_filename (folder, uuid, cp_audience_to_string (audience), NULL);
}

/**
 * cp_share_is_shared:
 * @audience: (out) (optional): who it is shared with; the widest
 *   audience when it is shared with several
 *
 * Returns: whether the engagement has a clone of a shared repository
 */
gboolean
cp_share_is_shared (CpEngagement *engagement,
                    CpAudience   *audience)
{
  return cp_share_get_sharing (engagement, audience, NULL);
}

/* Whether the clone for @audience is there, and who made it. */
static gboolean
clone_role (CpEngagement *engagement,
            CpAudience    audience,
            gboolean     *owner)
{
  g_autofree char *path = cp_share_dup_clone_path (engagement, audience, NULL);
  g_autoptr(GitScope) scope = NULL;
  g_autoptr(git_repository) repo = NULL;
  g_autoptr(git_config) config = NULL;
  git_buf value = GIT_BUF_INIT;

  /* Most engagements are not shared: no need for git to say so. */
  if (path == NULL || !g_file_test (path, G_FILE_TEST_IS_DIR))
    return FALSE;

  scope = _cp_share_git_enter ();
  if (git_repository_open_ext (&repo, path, GIT_REPOSITORY_OPEN_NO_SEARCH, NULL) != 0 ||
      git_repository_config_snapshot (&config, repo) != 0)
    return FALSE;

  /* Shared once the sharing is complete: its settings come last. */
  if (git_config_get_string_buf (&value, config, "coachplan.audience") != 0)
    return FALSE;
  git_buf_dispose (&value);

  /* A clone of no recorded role was made by sharing. */
  *owner = git_config_get_string_buf (&value, config, "coachplan.role") != 0 ||
           g_strcmp0 (value.ptr, "member") != 0;
  git_buf_dispose (&value);

  return TRUE;
}

/**
 * cp_share_get_sharing:
 * @audience: (out) (optional): who it is shared with; the widest
 *   audience when it is shared with several
 * @owner: (out) (optional): whether this database shared it, rather than
 *   opened it from someone else's sharing
 *
 * Returns: whether the engagement has a clone of a shared repository
 */
gboolean
cp_share_get_sharing (CpEngagement *engagement,
                      CpAudience   *audience,
                      gboolean     *owner)
{
  for (guint i = 0; i < G_N_ELEMENTS (widest_first); i++)
    {
      gboolean made_here;

      if (clone_role (engagement, widest_first[i], &made_here))
        {
          if (audience != NULL)
            *audience = widest_first[i];
          if (owner != NULL)
            *owner = made_here;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * cp_share_dup_audiences:
 *
 * Returns: (transfer full) (element-type CpAudience): whom the engagement
 *   is shared with, widest first; empty when it is not shared
 */
GArray *
cp_share_dup_audiences (CpEngagement *engagement)
{
  GArray *audiences = g_array_new (FALSE, FALSE, sizeof (CpAudience));

  for (guint i = 0; i < G_N_ELEMENTS (widest_first); i++)
    {
      gboolean owner;

      if (clone_role (engagement, widest_first[i], &owner))
        g_array_append_val (audiences, widest_first[i]);
    }

  return audiences;
}

/* A location is a URL (file://, ssh://, https://, git://), git's
 * host:path, or else a folder on this machine.
 */
static gboolean
is_local (const char *location)
{
  const char *colon = strchr (location, ':');
  const char *slash = strchr (location, '/');

  return strstr (location, "://") == NULL && (colon == NULL || (slash != NULL && slash < colon));
}

/* A folder on this machine becomes a bare repository if it is missing or
 * empty; a repository there already is used as it is.
 */
static gboolean
ensure_local_repository (const char  *location,
                         GError     **error)
{
  g_autoptr(git_repository) repo = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autofree char *display = g_filename_display_name (location);

  if (git_repository_open_ext (&repo, location, GIT_REPOSITORY_OPEN_NO_SEARCH, NULL) == 0)
    return TRUE;

  if (g_file_test (location, G_FILE_TEST_EXISTS))
    {
      if (!g_file_test (location, G_FILE_TEST_IS_DIR) ||
          (dir = g_dir_open (location, 0, NULL)) == NULL || g_dir_read_name (dir) != NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                       _("“%s” is neither a git repository nor an empty folder"), display);
          return FALSE;
        }
    }
  else if (g_mkdir_with_parents (location, 0700) != 0)
    {
      int errsv = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                   _("Could not make the repository “%s”: %s"), display, g_strerror (errsv));
      return FALSE;
    }

  /* Its branch is main, so that a clone finds what is pushed. */
  if (git_repository_init (&repo, location, TRUE) != 0 ||
      git_repository_set_head (repo, BRANCH) != 0)
    return _cp_share_git_failed (error, _("Could not make the repository"));

  return TRUE;
}

/* Keys for ssh:// come from the SSH agent; nothing else is asked for. */
int
_cp_share_credentials (git_credential **out,
                       const char      *url,
                       const char      *username_from_url,
                       unsigned int     allowed_types,
                       void            *payload)
{
  if (allowed_types & GIT_CREDENTIAL_SSH_KEY)
    return git_credential_ssh_key_from_agent (out, username_from_url ? username_from_url
                                                                     : g_get_user_name ());

  return GIT_PASSTHROUGH;
}

static gboolean
clone (const char      *location,
       const char      *path,
       git_repository **repo,
       GError         **error)
{
  git_clone_options options = GIT_CLONE_OPTIONS_INIT;
  g_autofree char *display = g_filename_display_name (location);
  g_autofree char *failed = g_strdup_printf (_("Could not reach the repository “%s”"), display);

  options.fetch_opts.callbacks.credentials = _cp_share_credentials;

  if (git_clone (repo, location, path, &options) != 0)
    return _cp_share_git_failed (error, failed);

  return TRUE;
}

gboolean
_cp_share_remove_tree (const char  *path,
                       GError     **error)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (g_file_test (path, G_FILE_TEST_IS_SYMLINK) || !g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      if (g_remove (path) != 0 && errno != ENOENT)
        {
          cp_file_set_io_error (error, errno, TRUE, path);
          return FALSE;
        }
      return TRUE;
    }

  if ((dir = g_dir_open (path, 0, error)) == NULL)
    return FALSE;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (!_cp_share_remove_tree (child, error))
        return FALSE;
    }

  if (g_rmdir (path) != 0)
    {
      cp_file_set_io_error (error, errno, TRUE, path);
      return FALSE;
    }

  return TRUE;
}

/* The engagements a repository holds, from its index: id -> audience. */
static GHashTable *
read_index (const char *clone_path)
{
  g_autoptr(GHashTable) entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *path = g_build_filename (clone_path, CP_SHARE_INDEX, NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;

  /* The repository is someone else's: its index is read as a file of
   * its own, never through a link, and never a huge one.
   */
  if (!(contents = cp_file_read (path, 1024 * 1024, CP_FILE_READ_NO_FOLLOW, NULL, NULL)))
    return g_steal_pointer (&entries);

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) cells = NULL;
      CpAudience audience;

      if (!g_str_has_prefix (lines[i], "|"))
        continue;
      cells = g_strsplit (lines[i], "|", -1);
      if (g_strv_length (cells) < 4)
        continue;
      g_strstrip (cells[1]);
      g_strstrip (cells[2]);
      if (g_uuid_string_is_valid (cells[1]) && cp_audience_from_string (cells[2], &audience))
        g_hash_table_insert (entries, g_ascii_strdown (cells[1], -1), GINT_TO_POINTER (audience));
    }

  return g_steal_pointer (&entries);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static gboolean
write_index (const char  *clone_path,
             GHashTable  *entries,
             GError     **error)
{
  g_autofree char *path = g_build_filename (clone_path, CP_SHARE_INDEX, NULL);
  g_autoptr(GString) out = g_string_new ("# Shared engagements\n\n"
                                         "| Engagement | Audience |\n| --- | --- |\n");
  g_autofree gpointer *keys = g_hash_table_get_keys_as_array (entries, NULL);
  guint n = g_hash_table_size (entries);

  /* In a stable order, so that two writers write the same bytes. */
  qsort (keys, n, sizeof (gpointer), compare_strings);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (out, "| %s | %s |\n", (const char *) keys[i],
                            cp_audience_to_string (GPOINTER_TO_INT (g_hash_table_lookup (entries, keys[i]))));

  return cp_file_write (path, out->str, out->len, error);
}

/* Writes the engagement's folder, as its audience may read it, into the
 * clone, in place of what was there.
 */
gboolean
_cp_share_write_folder (GPtrArray     *files,
                        const char    *clone_path,
                        const char    *uuid,
                        CpAudience     audience,
                        GError       **error)
{
  g_autofree char *folder = g_build_filename (clone_path, uuid, NULL);
  g_autoptr(GHashTable) entries = NULL;

  if (!_cp_share_remove_tree (folder, error) ||
      !cp_export_write_files (folder, files, NULL, NULL, NULL, error))
    return FALSE;

  entries = read_index (clone_path);
  g_hash_table_insert (entries, g_strdup (uuid), GINT_TO_POINTER (audience));

  return write_index (clone_path, entries, error);
}

/* Commits everything in the clone's work tree, on main, as @name, after
 * main's tip: a first commit, or one on top.
 */
gboolean
_cp_share_commit_all (git_repository  *repo,
                      const char      *name,
                      const char      *email,
                      const char      *message,
                      GError         **error)
{
  git_oid parent;
  gboolean made;
  gboolean has_parent = git_reference_name_to_id (&parent, repo, BRANCH) == 0;

  return _cp_share_commit (repo, name, email, message, has_parent ? &parent : NULL,
                           has_parent ? 1 : 0, &made, error);
}

/* Commits the clone's work tree with @parents, and makes it main's tip.
 * With one parent whose tree it matches, no commit is made, and @made
 * says so.
 */
gboolean
_cp_share_commit (git_repository  *repo,
                  const char      *name,
                  const char      *email,
                  const char      *message,
                  const git_oid   *parents,
                  guint            n_parents,
                  gboolean        *made,
                  GError         **error)
{
  g_autoptr(git_index) index = NULL;
  g_autoptr(git_tree) tree = NULL;
  g_autoptr(git_signature) author = NULL;
  g_autoptr(git_reference) ref = NULL;
  git_commit *commits[2] = { NULL, NULL };
  git_oid tree_id, commit_id;
  char *all[] = { (char *) "*" };
  git_strarray pathspec = { all, 1 };
  gboolean ok = FALSE;

  g_assert (n_parents <= G_N_ELEMENTS (commits));
  *made = FALSE;

  if (git_repository_index (&index, repo) != 0 ||
      git_index_add_all (index, &pathspec, GIT_INDEX_ADD_DEFAULT, NULL, NULL) != 0 ||
      git_index_update_all (index, &pathspec, NULL, NULL) != 0 ||
      git_index_write (index) != 0 ||
      git_index_write_tree (&tree_id, index) != 0 ||
      git_tree_lookup (&tree, repo, &tree_id) != 0)
    return _cp_share_git_failed (error, _("Could not record the changes"));

  for (guint i = 0; i < n_parents; i++)
    if (git_commit_lookup (&commits[i], repo, &parents[i]) != 0)
      goto out;

  /* Nothing new on top of one parent: main simply moves there. */
  if (n_parents == 1 && git_oid_equal (git_commit_tree_id (commits[0]), &tree_id))
    {
      ok = git_reference_create (&ref, repo, BRANCH, &parents[0], TRUE, "coachplan: sync") == 0 &&
           git_repository_set_head (repo, BRANCH) == 0;
      goto out;
    }

  ok = git_signature_now (&author, name, email ? email : "") == 0 &&
       git_commit_create (&commit_id, repo, NULL, author, author, "UTF-8", message, tree,
                          n_parents, (const git_commit **) commits) == 0 &&
       git_reference_create (&ref, repo, BRANCH, &commit_id, TRUE, "coachplan: commit") == 0 &&
       git_repository_set_head (repo, BRANCH) == 0;
  *made = ok;

out:
  for (guint i = 0; i < n_parents; i++)
    g_clear_pointer (&commits[i], git_commit_free);
  if (!ok)
    return _cp_share_git_failed (error, _("Could not record the changes"));

  return TRUE;
}

gboolean
_cp_share_push (git_repository  *repo,
                GError         **error)
{
  g_autoptr(git_remote) remote = NULL;
  git_push_options options = GIT_PUSH_OPTIONS_INIT;
  char *refspec[] = { (char *) BRANCH ":" BRANCH };
  git_strarray refspecs = { refspec, 1 };

  options.callbacks.credentials = _cp_share_credentials;

  if (git_remote_lookup (&remote, repo, "origin") != 0 ||
      git_remote_push (remote, &refspecs, &options) != 0)
    return _cp_share_git_failed (error, _("Could not send the engagement"));

  return TRUE;
}

/* Kept in the clone's own configuration: which engagement it holds, for
 * whom, and whether this database shared it (the owner) or opened it
 * (a member, who sees it as its audience does).
 */
static gboolean
remember (git_repository  *repo,
          const char      *uuid,
          CpAudience       audience,
          gboolean         owner,
          GError         **error)
{
  g_autoptr(git_config) config = NULL;

  if (git_repository_config (&config, repo) != 0 ||
      git_config_set_string (config, "coachplan.engagement", uuid) != 0 ||
      git_config_set_string (config, "coachplan.audience", cp_audience_to_string (audience)) != 0 ||
      git_config_set_string (config, "coachplan.role", owner ? "owner" : "member") != 0)
    return _cp_share_git_failed (error, _("Could not keep the sharing settings"));

  return TRUE;
}

/* What sharing needs, read on the thread that owns the store, so that
 * the rest can happen anywhere.
 */
typedef struct
{
  char       *location;
  char       *uuid;
  char       *path;       /* the clone, beside the database */
  char       *message;    /* of the commit */
  char       *name;
  char       *email;
  GPtrArray  *files;      /* CpExportFile */
  CpAudience  audience;
} Sharing;

static void
sharing_free (Sharing *sharing)
{
  g_free (sharing->location);
  g_free (sharing->uuid);
  g_free (sharing->path);
  g_free (sharing->message);
  g_free (sharing->name);
  g_free (sharing->email);
  g_clear_pointer (&sharing->files, g_ptr_array_unref);
  g_free (sharing);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Sharing, sharing_free)

static Sharing *
sharing_prepare (CpEngagement  *engagement,
                 const char    *location,
                 CpAudience     audience,
                 const char    *name,
                 const char    *email,
                 GError       **error)
{
  g_autoptr(Sharing) sharing = g_new0 (Sharing, 1);

  /* Git records an author by name and address. */
  if (email == NULL || *email == '\0')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("Sharing records you as the author of each change, by name and email "
                             "address: give your email address too"));
      return NULL;
    }

  if (!(sharing->uuid = cp_engagement_dup_uuid (engagement, error)) ||
      !(sharing->path = cp_share_dup_clone_path (engagement, audience, error)))
    return NULL;

  if (g_file_test (sharing->path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   /* Translators: the engagement, then team, client or sponsor. */
                   _("“%s” is shared with the %s already; sync it to send its changes"),
                   cp_engagement_get_title (engagement), cp_audience_to_string (audience));
      return NULL;
    }

  if (!(sharing->files = cp_engagement_export_prepare_for (engagement, audience, error)))
    return NULL;

  sharing->location = g_strdup (location);
  sharing->name = g_strdup (name);
  sharing->email = g_strdup (email);
  sharing->audience = audience;
  /* Translators: the message of the commit that shares an engagement. */
  sharing->message = g_strdup_printf (_("Share “%s” with the %s\n"),
                                      cp_engagement_get_title (engagement),
                                      cp_audience_to_string (audience));

  return g_steal_pointer (&sharing);
}

/* A clone, and the engagement's folder of clones if it was its only one. */
static void
remove_clone (const char *path)
{
  g_autofree char *parent = g_path_get_dirname (path);

  _cp_share_remove_tree (path, NULL);
  g_rmdir (parent);
}

static gboolean
make_parent (const char  *path,
             GError     **error)
{
  g_autofree char *parent = g_path_get_dirname (path);

  if (g_mkdir_with_parents (parent, 0700) != 0)
    {
      cp_file_set_io_error (error, errno, TRUE, parent);
      return FALSE;
    }

  return TRUE;
}

/* One repository holds an engagement for one audience: shared with
 * another, its notes would reach readers of the first.
 */
static gboolean
not_there_yet (Sharing  *sharing,
               GError  **error)
{
  g_autoptr(GHashTable) index = read_index (sharing->path);
  gpointer audience;

  if (!g_hash_table_lookup_extended (index, sharing->uuid, NULL, &audience))
    return TRUE;

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
               _("This repository holds the engagement already, shared with the %s; share it "
                 "with the %s in a repository of its own"),
               cp_audience_to_string (GPOINTER_TO_INT (audience)),
               cp_audience_to_string (sharing->audience));

  return FALSE;
}

/* Anywhere: the repository, the clone, the commit and the push. Should
 * any step fail, nothing is left behind here.
 */
static gboolean
sharing_run (Sharing  *sharing,
             GError  **error)
{
  g_autoptr(GitScope) scope = _cp_share_git_enter ();
  g_autoptr(git_repository) repo = NULL;
  gboolean ok;

  if (!make_parent (sharing->path, error))
    return FALSE;

  if ((is_local (sharing->location) && !ensure_local_repository (sharing->location, error)) ||
      !clone (sharing->location, sharing->path, &repo, error))
    return FALSE;

  ok = not_there_yet (sharing, error) &&
       _cp_share_write_folder (sharing->files, sharing->path, sharing->uuid, sharing->audience, error) &&
       _cp_share_commit_all (repo, sharing->name, sharing->email, sharing->message, error) &&
       _cp_share_push (repo, error) &&
       remember (repo, sharing->uuid, sharing->audience, TRUE, error);

  if (!ok)
    {
      g_clear_pointer (&repo, git_repository_free);
      remove_clone (sharing->path);
    }

  return ok;
}

/**
 * cp_share_engagement:
 * @location: a folder here (made a bare repository if missing or empty),
 *   a bare repository, or a URL: file://, ssh:// (keys from the SSH
 *   agent), https:// or git://
 * @audience: whose notes go into the repository
 * @name: who shares it, the author of the commit
 * @email: (nullable): their address
 *
 * Shares the engagement: clones the repository beside the database,
 * writes the engagement's folder into it, as @audience may read it,
 * commits and pushes. Should any step fail, nothing is left behind here.
 */
gboolean
cp_share_engagement (CpEngagement  *engagement,
                     const char    *location,
                     CpAudience     audience,
                     const char    *name,
                     const char    *email,
                     GError       **error)
{
  g_autoptr(Sharing) sharing = NULL;

  g_return_val_if_fail (CP_IS_ENGAGEMENT (engagement), FALSE);
  g_return_val_if_fail (location != NULL && name != NULL, FALSE);

  return (sharing = sharing_prepare (engagement, location, audience, name, email, error)) != NULL &&
         sharing_run (sharing, error);
}

static void
share_thread (GTask        *task,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  GError *error = NULL;

  if (sharing_run (task_data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * cp_share_engagement_async:
 *
 * Like cp_share_engagement(), with the network's part on a thread of its
 * own, so that the window keeps answering.
 */
void
cp_share_engagement_async (CpEngagement        *engagement,
                           const char          *location,
                           CpAudience           audience,
                           const char          *name,
                           const char          *email,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (engagement, NULL, callback, user_data);
  GError *error = NULL;
  Sharing *sharing;

  g_task_set_source_tag (task, cp_share_engagement_async);

  if (!(sharing = sharing_prepare (engagement, location, audience, name, email, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_set_task_data (task, sharing, (GDestroyNotify) sharing_free);
  g_task_run_in_thread (task, share_thread);
}

gboolean
cp_share_engagement_finish (GAsyncResult  *result,
                            GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* One engagement a repository holds. */
typedef struct
{
  char       *uuid;
  char       *path;      /* its own clone here */
  CpAudience  audience;
  gboolean    created;   /* its clone was made by this opening */
} Entry;

typedef struct
{
  char      *location;
  char      *base;
  GPtrArray *entries;   /* Entry */
} Cloning;

static void
entry_free (Entry *entry)
{
  g_free (entry->uuid);
  g_free (entry->path);
  g_free (entry);
}

static void
cloning_free (Cloning *cloning)
{
  g_free (cloning->location);
  g_free (cloning->base);
  g_clear_pointer (&cloning->entries, g_ptr_array_unref);
  g_free (cloning);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Cloning, cloning_free)

static Cloning *
cloning_new (CpStore    *store,
             const char *location)
{
  Cloning *cloning = g_new0 (Cloning, 1);

  cloning->location = g_strdup (location);
  cloning->base = cp_share_dup_folder (store);
  cloning->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);

  return cloning;
}

/* Removes the clones this opening made. */
static void
cloning_undo (Cloning *cloning)
{
  for (guint i = 0; i < cloning->entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (cloning->entries, i);

      if (entry->created)
        remove_clone (entry->path);
    }
}

/* Anywhere: reads which engagements the repository holds and makes a
 * clone for each that has none here.
 */
static gboolean
cloning_run (Cloning  *cloning,
             GError  **error)
{
  g_autoptr(GitScope) scope = _cp_share_git_enter ();
  g_autoptr(git_repository) repo = NULL;
  g_autoptr(GHashTable) index = NULL;
  g_autofree char *staging = NULL;
  g_autofree char *display = g_filename_display_name (cloning->location);
  GHashTableIter iter;
  gpointer key, value;

  if (g_mkdir_with_parents (cloning->base, 0700) != 0)
    {
      cp_file_set_io_error (error, errno, TRUE, cloning->base);
      return FALSE;
    }

  staging = g_build_filename (cloning->base, ".clone-XXXXXX", NULL);
  if (g_mkdtemp (staging) == NULL)
    {
      cp_file_set_io_error (error, errno, TRUE, staging);
      return FALSE;
    }

  if (!clone (cloning->location, staging, &repo, error))
    {
      _cp_share_remove_tree (staging, NULL);
      return FALSE;
    }

  index = read_index (staging);
  g_clear_pointer (&repo, git_repository_free);
  _cp_share_remove_tree (staging, NULL);

  if (g_hash_table_size (index) == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("The repository “%s” holds no shared engagement"), display);
      return FALSE;
    }

  g_hash_table_iter_init (&iter, index);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Entry *entry = g_new0 (Entry, 1);
      g_autoptr(git_repository) own = NULL;

      entry->uuid = g_strdup (key);
      entry->audience = GPOINTER_TO_INT (value);
      entry->path = g_build_filename (cloning->base, key, cp_audience_to_string (entry->audience), NULL);
      g_ptr_array_add (cloning->entries, entry);

      if (g_file_test (entry->path, G_FILE_TEST_EXISTS))
        continue;

      entry->created = TRUE;
      if (!make_parent (entry->path, error) ||
          !clone (cloning->location, entry->path, &own, error) ||
          !remember (own, entry->uuid, entry->audience, FALSE, error))
        {
          g_clear_pointer (&own, git_repository_free);
          cloning_undo (cloning);
          return FALSE;
        }
    }

  return TRUE;
}

/* On the store's thread: adds each engagement not here yet, with its
 * ids, from its clone.
 */
static GArray *
cloning_import (CpStore  *store,
                Cloning  *cloning,
                GError  **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) added = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < cloning->entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (cloning->entries, i);
      g_autofree char *folder = g_build_filename (entry->path, entry->uuid, NULL);
      gint64 id = cp_store_find_engagement_by_uuid (store, entry->uuid);

      /* One here already is not added twice; the next sync brings the
       * repository's changes.
       */
      if (id == 0)
        {
          if ((id = cp_store_import_engagement (store, folder, error)) == 0)
            {
              for (guint j = 0; j < added->len; j++)
                _cp_store_delete_engagement (store, g_array_index (added, gint64, j), NULL);
              cloning_undo (cloning);
              return NULL;
            }
          g_array_append_val (added, id);
        }

      g_array_append_val (ids, id);
    }

  return g_steal_pointer (&ids);
}

/**
 * cp_share_clone:
 * @location: a repository someone shared engagements into
 *
 * Adds each engagement of the repository not here yet, with the ids it
 * has there, and keeps a clone of the repository for each. Should any
 * step fail, nothing is added and no clone is left behind.
 *
 * Returns: (transfer full) (element-type gint64) (nullable): the numbers
 *   of the engagements, here
 */
GArray *
cp_share_clone (CpStore     *store,
                const char  *location,
                GError     **error)
{
  g_autoptr(Cloning) cloning = NULL;

  g_return_val_if_fail (CP_IS_STORE (store), NULL);
  g_return_val_if_fail (location != NULL, NULL);

  cloning = cloning_new (store, location);
  if (!cloning_run (cloning, error))
    return NULL;

  return cloning_import (store, cloning, error);
}

static void
clone_thread (GTask        *task,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  GError *error = NULL;

  if (cloning_run (task_data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * cp_share_clone_async:
 *
 * Like cp_share_clone(), with the network's part on a thread of its own.
 */
void
cp_share_clone_async (CpStore             *store,
                      const char          *location,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (store, NULL, callback, user_data);

  g_task_set_source_tag (task, cp_share_clone_async);
  g_task_set_task_data (task, cloning_new (store, location), (GDestroyNotify) cloning_free);
  g_task_run_in_thread (task, clone_thread);
}

/**
 * cp_share_clone_finish:
 *
 * Adds the engagements, on the store's thread, once their clones are made.
 *
 * Returns: (transfer full) (element-type gint64) (nullable): as
 *   cp_share_clone() does
 */
GArray *
cp_share_clone_finish (GAsyncResult  *result,
                       GError       **error)
{
  GTask *task = G_TASK (result);

  if (!g_task_propagate_boolean (task, error))
    return NULL;

  return cloning_import (g_task_get_source_object (task), g_task_get_task_data (task), error);
}

void
cp_share_change_free (CpShareChange *change)
{
  if (change == NULL)
    return;

  g_free (change->commit);
  g_free (change->author);
  g_free (change->email);
  g_clear_pointer (&change->when, g_date_time_unref);
  g_free (change->summary);
  g_free (change);
}

/* The id of the engagement's folder in a commit's tree, or zeros. */
static void
folder_id (git_commit *commit,
           const char *uuid,
           git_oid    *id)
{
  g_autoptr(git_tree) tree = NULL;
  const git_tree_entry *entry;

  memset (id, 0, sizeof *id);
  if (git_commit_tree (&tree, commit) == 0 && (entry = git_tree_entry_byname (tree, uuid)) != NULL)
    git_oid_cpy (id, git_tree_entry_id (entry));
}

/**
 * cp_share_dup_history:
 *
 * The changes of a shared engagement, newest first, from its clone: each
 * commit that changed the engagement's folder, with who made it, when
 * and why. Commits about other engagements of the same repository are
 * left out.
 *
 * Returns: (transfer full) (element-type CpShareChange) (nullable): the
 *   changes; empty for an engagement that is not shared
 */
GPtrArray *
cp_share_dup_history (CpEngagement  *engagement,
                      GError       **error)
{
  g_autoptr(GitScope) scope = _cp_share_git_enter ();
  g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func ((GDestroyNotify) cp_share_change_free);
  g_autoptr(git_repository) repo = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *path = NULL;
  git_revwalk *walk = NULL;
  CpAudience audience;
  git_oid id;

  g_return_val_if_fail (CP_IS_ENGAGEMENT (engagement), NULL);

  if (!cp_share_is_shared (engagement, &audience))
    return g_steal_pointer (&changes);

  if (!(uuid = cp_engagement_dup_uuid (engagement, error)) ||
      !(path = cp_share_dup_clone_path (engagement, audience, error)))
    return NULL;

  if (git_repository_open_ext (&repo, path, GIT_REPOSITORY_OPEN_NO_SEARCH, NULL) != 0)
    return g_steal_pointer (&changes);

  if (git_revwalk_new (&walk, repo) != 0 ||
      git_revwalk_sorting (walk, GIT_SORT_TIME | GIT_SORT_TOPOLOGICAL) != 0 ||
      git_revwalk_push_ref (walk, BRANCH) != 0)
    {
      git_revwalk_free (walk);
      _cp_share_git_failed (error, _("Could not read the history"));
      return NULL;
    }

  while (git_revwalk_next (&id, walk) == 0)
    {
      g_autoptr(git_commit) commit = NULL;
      g_autoptr(git_commit) parent = NULL;
      const git_signature *author;
      CpShareChange *change;
      git_oid mine, before;
      char hex[GIT_OID_HEXSZ + 1];
      const char *summary;

      if (git_commit_lookup (&commit, repo, &id) != 0)
        continue;

      /* Only what changed this engagement's folder. */
      folder_id (commit, uuid, &mine);
      memset (&before, 0, sizeof before);
      if (git_commit_parentcount (commit) > 0 && git_commit_parent (&parent, commit, 0) == 0)
        folder_id (parent, uuid, &before);
      if (git_oid_equal (&mine, &before))
        continue;

      author = git_commit_author (commit);
      summary = git_commit_summary (commit);
      git_oid_tostr (hex, sizeof hex, &id);

      change = g_new0 (CpShareChange, 1);
      change->commit = g_strndup (hex, 7);
      change->author = g_strdup (author->name);
      change->email = g_strdup (author->email);
      change->when = g_date_time_new_from_unix_utc (author->when.time);
      change->summary = g_strdup (summary ? summary : "");
      g_ptr_array_add (changes, change);
    }

  git_revwalk_free (walk);

  return g_steal_pointer (&changes);
}
