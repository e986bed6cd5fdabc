/* cp-share-sync.c — a shared engagement brought in step with its
 * repository
 *
 * A sync commits what changed here, fetches, merges the engagement's
 * folder record by record against the last commit both sides share
 * (cp-store-merge.c), stores the result here as one unit of work,
 * commits the merge and pushes. Conflicts stop it before anything here
 * changes. An unreachable repository keeps everything here, committed in
 * the clone, for the next sync to send.
 *
 * The work is split by thread: what reads or writes the database runs on
 * the store's thread; the repository and the network anywhere.
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cp-share"

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cp-engagement.h"
#include "cp-engagement-io.h"
#include "cp-file.h"
#include "cp-notes-io.h"
#include "cp-share.h"
#include "cp-share-private.h"
#include "cp-store.h"
#include "cp-store-merge.h"

/* Far past any real part file; a guard against a hostile repository. */
#define MAX_FILE_BYTES (64 * 1024 * 1024)

/* A push may find someone else's push just ahead of it: the sync starts
 * over, this many times at most.
 */
#define MAX_ATTEMPTS 3

#define REMOTE_BRANCH "refs/remotes/origin/main"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (git_object, git_object_free)

void
cp_sync_result_free (CpSyncResult *result)
{
  if (result == NULL)
    return;

  g_clear_pointer (&result->conflicts, g_ptr_array_unref);
  g_free (result);
}

typedef struct
{
  CpStore       *store;
  gint64         id;
  char          *uuid;
  char          *path;
  char          *title;
  char          *name;
  char          *email;
  CpAudience     audience;
  GArray        *audiences;      /* each sharing, widest first */
  guint          next;           /* the next of them to sync */
  guint          pass;
  gboolean       pass_merged;    /* this pass took changes in */
  GHashTable    *choices;
  CpMergePrefer  prefer;
  guint          attempts;

  GPtrArray     *mine_files;     /* CpExportFile: the folder as it is here */
  GHashTable    *mine;           /* the same, by name */
  CpMerge       *merge;          /* NULL: nothing to take in */
  git_oid        theirs;
  GPtrArray     *merged_files;   /* the folder after the merge */
  CpSyncResult  *result;
} Syncing;

static void
syncing_free (Syncing *s)
{
  g_clear_object (&s->store);
  g_free (s->uuid);
  g_free (s->path);
  g_free (s->title);
  g_free (s->name);
  g_free (s->email);
  g_clear_pointer (&s->choices, g_hash_table_unref);
  g_clear_pointer (&s->audiences, g_array_unref);
  g_clear_pointer (&s->mine_files, g_ptr_array_unref);
  g_clear_pointer (&s->mine, g_hash_table_unref);
  g_clear_pointer (&s->merge, cp_merge_free);
  g_clear_pointer (&s->merged_files, g_ptr_array_unref);
  g_clear_pointer (&s->result, cp_sync_result_free);
  g_free (s);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Syncing, syncing_free)

static void
remember_state (git_repository *repo,
                const char     *state)
{
  g_autoptr(git_config) config = NULL;

  if (git_repository_config (&config, repo) == 0)
    git_config_set_string (config, "coachplan.state", state);
}

/* On the store's thread: the engagement as it is here, as its audience
 * may read it.
 */
static gboolean
syncing_export (Syncing  *s,
                GError  **error)
{
  g_autoptr(CpEngagement) engagement = cp_store_get_engagement (s->store, s->id, error);

  if (engagement == NULL)
    return FALSE;

  g_clear_pointer (&s->mine_files, g_ptr_array_unref);
  g_clear_pointer (&s->mine, g_hash_table_unref);
  g_free (s->title);
  s->title = g_strdup (cp_engagement_get_title (engagement));
  if (!(s->mine_files = cp_engagement_export_prepare_for (engagement, s->audience, error)))
    return FALSE;
  s->mine = cp_merge_files_table (s->mine_files);

  return TRUE;
}

static Syncing *
syncing_new (CpEngagement  *engagement,
             const char    *name,
             const char    *email,
             GHashTable    *choices,
             CpMergePrefer  prefer,
             GError       **error)
{
  g_autoptr(Syncing) s = g_new0 (Syncing, 1);

  s->audiences = cp_share_dup_audiences (engagement);
  if (s->audiences->len == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("“%s” is not shared; share it first"), cp_engagement_get_title (engagement));
      return NULL;
    }

  if (email == NULL || *email == '\0')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("Syncing records you as the author of each change, by name and email "
                             "address: give your email address too"));
      return NULL;
    }

  s->store = g_object_ref (cp_engagement_get_store (engagement));
  s->id = cp_engagement_get_id (engagement);
  s->name = g_strdup (name);
  s->email = g_strdup (email);
  s->prefer = prefer;
  s->choices = choices ? g_hash_table_ref (choices) : NULL;
  s->result = g_new0 (CpSyncResult, 1);
  s->result->conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) cp_merge_conflict_free);

  if (!(s->uuid = cp_engagement_dup_uuid (engagement, error)))
    return NULL;

  return g_steal_pointer (&s);
}

/* Whether every sharing is synced. Changes one of them took in reach
 * the others in one more pass: what the sponsor signed reaches the
 * team's repository in the same sync.
 */
static gboolean
syncing_done (Syncing *s)
{
  if (s->next < s->audiences->len)
    return FALSE;
  if (s->pass > 0 || !s->pass_merged || s->audiences->len < 2)
    return TRUE;

  s->pass++;
  s->next = 0;

  return FALSE;
}

/* On the store's thread: the next sharing to sync, with the engagement
 * as its audience may read it.
 */
static gboolean
syncing_next (Syncing  *s,
              GError  **error)
{
  g_autoptr(CpEngagement) engagement = cp_store_get_engagement (s->store, s->id, error);

  if (engagement == NULL)
    return FALSE;

  s->audience = g_array_index (s->audiences, CpAudience, s->next++);
  s->attempts = 0;
  g_clear_pointer (&s->merge, cp_merge_free);
  g_clear_pointer (&s->merged_files, g_ptr_array_unref);
  g_free (s->path);

  return (s->path = cp_share_dup_clone_path (engagement, s->audience, error)) != NULL &&
         syncing_export (s, error);
}

static gboolean
add_blob (git_repository  *repo,
          GHashTable      *files,
          const char      *name,
          const git_tree_entry *entry,
          GError         **error)
{
  g_autoptr(git_blob) blob = NULL;

  if (git_tree_entry_filemode (entry) != GIT_FILEMODE_BLOB &&
      git_tree_entry_filemode (entry) != GIT_FILEMODE_BLOB_EXECUTABLE)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The repository’s %s is not a plain file; links are not followed"), name);
      return FALSE;
    }

  if (git_blob_lookup (&blob, repo, git_tree_entry_id (entry)) != 0)
    return _cp_share_git_failed (error, _("Could not read the repository"));
  if (git_blob_rawsize (blob) > MAX_FILE_BYTES)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The repository’s %s is far too large to be part of an engagement"), name);
      return FALSE;
    }

  g_hash_table_insert (files, g_strdup (name),
                       g_bytes_new (git_blob_rawcontent (blob), git_blob_rawsize (blob)));

  return TRUE;
}

/* The engagement's folder in a commit, by file name: its .md files and
 * those of its notes/.
 */
static GHashTable *
tree_files (git_repository  *repo,
            const git_oid   *commit_id,
            const char      *uuid,
            GError         **error)
{
  g_autoptr(GHashTable) files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                       (GDestroyNotify) g_bytes_unref);
  g_autoptr(git_commit) commit = NULL;
  g_autoptr(git_tree) root = NULL;
  g_autoptr(git_tree) folder = NULL;
  const git_tree_entry *entry;

  if (git_commit_lookup (&commit, repo, commit_id) != 0 || git_commit_tree (&root, commit) != 0)
    {
      _cp_share_git_failed (error, _("Could not read the repository"));
      return NULL;
    }

  if ((entry = git_tree_entry_byname (root, uuid)) == NULL ||
      git_tree_entry_type (entry) != GIT_OBJECT_TREE ||
      git_tree_lookup (&folder, repo, git_tree_entry_id (entry)) != 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           _("The repository no longer holds this engagement"));
      return NULL;
    }

  for (size_t i = 0; i < git_tree_entrycount (folder); i++)
    {
      const char *name;

      entry = git_tree_entry_byindex (folder, i);
      name = git_tree_entry_name (entry);

      if (g_str_equal (name, "notes") && git_tree_entry_type (entry) == GIT_OBJECT_TREE)
        {
          g_autoptr(git_tree) notes = NULL;

          if (git_tree_lookup (&notes, repo, git_tree_entry_id (entry)) != 0)
            {
              _cp_share_git_failed (error, _("Could not read the repository"));
              return NULL;
            }
          for (size_t k = 0; k < git_tree_entrycount (notes); k++)
            {
              const git_tree_entry *note = git_tree_entry_byindex (notes, k);
              g_autofree char *path = g_strconcat ("notes/", git_tree_entry_name (note), NULL);

              if (g_str_has_suffix (path, ".md") && !add_blob (repo, files, path, note, error))
                return NULL;
            }
        }
      else if (g_str_has_suffix (name, ".md") && !add_blob (repo, files, name, entry, error))
        return NULL;
    }

  return g_steal_pointer (&files);
}

/* A sync killed part way may leave git's lock files behind; only this
 * program works in the clone.
 */
static void
remove_stale_locks (const char *path)
{
  static const char * const locks[] = { "index.lock", "HEAD.lock", "refs/heads/main.lock",
                                        "refs/remotes/origin/main.lock", "config.lock" };

  for (guint i = 0; i < G_N_ELEMENTS (locks); i++)
    {
      g_autofree char *lock = g_build_filename (path, ".git", locks[i], NULL);

      g_remove (lock);
    }
}

static gboolean
fetch (git_repository  *repo,
       GError         **error)
{
  g_autoptr(git_remote) remote = NULL;
  git_fetch_options options = GIT_FETCH_OPTIONS_INIT;

  options.callbacks.credentials = _cp_share_credentials;

  if (git_remote_lookup (&remote, repo, "origin") != 0 ||
      git_remote_fetch (remote, NULL, &options, NULL) != 0)
    {
      const git_error *e = git_error_last ();

      remember_state (repo, "offline");
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NETWORK_UNREACHABLE,
                   _("Could not reach the repository (%s). Everything stays here, and the next "
                     "sync sends it."),
                   e != NULL && e->message != NULL ? e->message : _("unknown error"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
open_clone (Syncing          *s,
            git_repository  **repo,
            GError          **error)
{
  remove_stale_locks (s->path);
  if (git_repository_open_ext (repo, s->path, GIT_REPOSITORY_OPEN_NO_SEARCH, NULL) != 0)
    return _cp_share_git_failed (error, _("Could not open the engagement’s copy of the repository"));

  return TRUE;
}

/* Anywhere: commits what changed here, fetches, and merges. */
static gboolean
syncing_merge (Syncing  *s,
               GError  **error)
{
  g_autoptr(GitScope) scope = _cp_share_git_enter ();
  g_autoptr(git_repository) repo = NULL;
  g_autoptr(GHashTable) base_files = NULL;
  g_autoptr(GHashTable) their_files = NULL;
  git_checkout_options checkout = GIT_CHECKOUT_OPTIONS_INIT;
  g_autofree char *message = NULL;
  git_oid local, base;
  gboolean made;

  g_clear_pointer (&s->merge, cp_merge_free);
  if (!open_clone (s, &repo, error))
    return FALSE;

  /* The work tree as main has it, whatever a sync killed part way left,
   * then this engagement as it is here on top.
   */
  checkout.checkout_strategy = GIT_CHECKOUT_FORCE | GIT_CHECKOUT_REMOVE_UNTRACKED;
  /* Translators: the message of a commit of changes made here. */
  message = g_strdup_printf (_("Changes to “%s”\n"), s->title);
  if (git_reference_name_to_id (&local, repo, BRANCH) != 0 ||
      git_checkout_head (repo, &checkout) != 0)
    return _cp_share_git_failed (error, _("Could not read the engagement’s copy of the repository"));
  if (!_cp_share_write_folder (s->mine_files, s->path, s->uuid, s->audience, error) ||
      !_cp_share_commit (repo, s->name, s->email, message, &local, 1, &made, error) ||
      git_reference_name_to_id (&local, repo, BRANCH) != 0 ||
      !fetch (repo, error))
    return FALSE;

  /* Nothing there yet, or nothing new there: only ours to send. */
  if (git_reference_name_to_id (&s->theirs, repo, REMOTE_BRANCH) != 0 ||
      git_oid_equal (&s->theirs, &local) || git_graph_descendant_of (repo, &local, &s->theirs) == 1)
    return TRUE;

  if (git_merge_base (&base, repo, &local, &s->theirs) == 0 &&
      !(base_files = tree_files (repo, &base, s->uuid, NULL)))
    base_files = NULL;
  if (!(their_files = tree_files (repo, &s->theirs, s->uuid, error)) ||
      !(s->merge = cp_merge_new (base_files, s->mine, their_files, s->choices, s->prefer, error)))
    return FALSE;

  if (cp_merge_get_conflicts (s->merge)->len > 0)
    {
      GPtrArray *conflicts = cp_merge_get_conflicts (s->merge);

      remember_state (repo, "conflicts");
      s->result->state = CP_SHARE_CONFLICTS;
      for (guint i = 0; i < conflicts->len; i++)
        g_ptr_array_add (s->result->conflicts, g_steal_pointer (&conflicts->pdata[i]));
      g_ptr_array_set_size (conflicts, 0);
    }

  return TRUE;
}

/* On the store's thread: the merge stored here, as one unit of work. */
static gboolean
syncing_store (Syncing  *s,
               GError  **error)
{
  g_autoptr(CpEngagement) engagement = NULL;

  if (s->merge == NULL || !cp_merge_changes_mine (s->merge))
    {
      s->merged_files = g_ptr_array_ref (s->mine_files);
      return TRUE;
    }

  if (!cp_store_apply_merge (s->store, s->id, s->merge, s->audience, error) ||
      !(engagement = cp_store_get_engagement (s->store, s->id, error)) ||
      !(s->merged_files = cp_engagement_export_prepare_for (engagement, s->audience, error)))
    return FALSE;
  s->result->merged = TRUE;
  s->pass_merged = TRUE;

  return TRUE;
}

/* Anywhere: the merge committed and everything sent. */
static gboolean
syncing_send (Syncing  *s,
              GError  **error)
{
  g_autoptr(GitScope) scope = _cp_share_git_enter ();
  g_autoptr(git_repository) repo = NULL;
  g_autoptr(git_object) theirs = NULL;
  git_checkout_options checkout = GIT_CHECKOUT_OPTIONS_INIT;
  git_oid local, parents[2];
  gboolean made;

  if (!open_clone (s, &repo, error) ||
      git_reference_name_to_id (&local, repo, BRANCH) != 0)
    return _cp_share_git_failed (error, _("Could not read the engagement’s copy of the repository"));

  if (s->merge != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Sync “%s”\n"), s->title);
      gboolean behind = git_graph_descendant_of (repo, &s->theirs, &local) == 1;

      /* Their tree, other engagements' folders included, with this
       * engagement as merged.
       */
      checkout.checkout_strategy = GIT_CHECKOUT_FORCE | GIT_CHECKOUT_REMOVE_UNTRACKED;
      parents[0] = behind ? s->theirs : local;
      parents[1] = s->theirs;
      if (git_object_lookup (&theirs, repo, &s->theirs, GIT_OBJECT_COMMIT) != 0 ||
          git_checkout_tree (repo, theirs, &checkout) != 0)
        return _cp_share_git_failed (error, _("Could not read the engagement’s copy of the repository"));
      if (!_cp_share_write_folder (s->merged_files, s->path, s->uuid, s->audience, error) ||
          !_cp_share_commit (repo, s->name, s->email, message, parents, behind ? 1 : 2, &made, error))
        return FALSE;
    }

  if (!_cp_share_push (repo, error))
    {
      remember_state (repo, "offline");
      return FALSE;
    }

  remember_state (repo, "");
  s->result->state = CP_SHARE_UP_TO_DATE;

  return TRUE;
}

/* Whether the repository moved on since the fetch: then the sync starts
 * over.
 */
static gboolean
moved_on (Syncing *s)
{
  g_autoptr(GitScope) scope = _cp_share_git_enter ();
  g_autoptr(git_repository) repo = NULL;
  git_oid before = s->theirs, after;

  if (git_repository_open_ext (&repo, s->path, GIT_REPOSITORY_OPEN_NO_SEARCH, NULL) != 0 ||
      !fetch (repo, NULL) || git_reference_name_to_id (&after, repo, REMOTE_BRANCH) != 0)
    return FALSE;

  return !git_oid_equal (&before, &after);
}

/**
 * cp_share_sync:
 * @name: who syncs, the author of the commits
 * @email: their address
 * @choices: (nullable) (element-type utf8 utf8): conflicts settled, by
 *   their key: "mine" or "theirs"
 * @prefer: how other conflicts are settled
 *
 * Brings a shared engagement in step with its repository: commits what
 * changed here, fetches, merges, stores the merge as one unit of work,
 * commits it and pushes. With conflicts nobody settled, nothing here
 * changes and the result lists them. An unreachable repository is an
 * error that keeps everything here for the next sync.
 *
 * Returns: (transfer full) (nullable): what happened
 */
CpSyncResult *
cp_share_sync (CpEngagement   *engagement,
               const char     *name,
               const char     *email,
               GHashTable     *choices,
               CpMergePrefer   prefer,
               GError        **error)
{
  g_autoptr(Syncing) s = NULL;

  g_return_val_if_fail (CP_IS_ENGAGEMENT (engagement), NULL);

  if (!(s = syncing_new (engagement, name, email, choices, prefer, error)))
    return NULL;

  while (!syncing_done (s))
    {
      if (!syncing_next (s, error))
        return NULL;

      for (;;)
        {
          g_autoptr(GError) local = NULL;

          if (!syncing_merge (s, error))
            return NULL;
          if (s->result->state == CP_SHARE_CONFLICTS)
            return g_steal_pointer (&s->result);
          if (!syncing_store (s, error))
            return NULL;
          if (syncing_send (s, &local))
            break;
          if (++s->attempts >= MAX_ATTEMPTS || !moved_on (s))
            {
              g_propagate_error (error, g_steal_pointer (&local));
              return NULL;
            }
          g_clear_pointer (&s->merged_files, g_ptr_array_unref);
          if (!syncing_export (s, error))
            return NULL;
        }
    }

  return g_steal_pointer (&s->result);
}

/* The async sync: the repository's parts on a thread, the database's on
 * the store's thread between them.
 */
static void sync_step (GTask *task);

static void
merge_thread (GTask        *task,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  GError *error = NULL;

  if (syncing_merge (task_data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
send_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Syncing *s = task_data;
  GError *error = NULL;

  if (syncing_send (s, &error))
    g_task_return_int (task, 1);
  else if (++s->attempts < MAX_ATTEMPTS && moved_on (s))
    {
      g_clear_error (&error);
      g_task_return_int (task, 0);
    }
  else
    g_task_return_error (task, error);
}

static void
sent (GObject      *source,
      GAsyncResult *result,
      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Syncing *s = g_task_get_task_data (task);
  GError *error = NULL;
  gssize done = g_task_propagate_int (G_TASK (result), &error);

  if (error != NULL)
    g_task_return_error (task, error);
  else if (done && syncing_done (s))
    g_task_return_pointer (task, g_steal_pointer (&s->result), (GDestroyNotify) cp_sync_result_free);
  else if (done)
    {
      if (!syncing_next (s, &error))
        g_task_return_error (task, error);
      else
        sync_step (g_steal_pointer (&task));
    }
  else
    {
      g_clear_pointer (&s->merged_files, g_ptr_array_unref);
      if (!syncing_export (s, &error))
        g_task_return_error (task, error);
      else
        sync_step (g_steal_pointer (&task));
    }
}

static void
merged (GObject      *source,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Syncing *s = g_task_get_task_data (task);
  GError *error = NULL;
  g_autoptr(GTask) send = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error) || !syncing_store (s, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  send = g_task_new (NULL, NULL, sent, g_object_ref (task));
  g_task_set_task_data (send, s, NULL);
  g_task_run_in_thread (send, send_thread);
}

static void
merged_or_conflicts (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  GTask *task = user_data;
  Syncing *s = g_task_get_task_data (task);

  if (!g_task_had_error (G_TASK (result)) && s->result->state == CP_SHARE_CONFLICTS)
    {
      g_task_propagate_boolean (G_TASK (result), NULL);
      g_task_return_pointer (task, g_steal_pointer (&s->result), (GDestroyNotify) cp_sync_result_free);
      g_object_unref (task);
      return;
    }

  merged (source, result, user_data);
}

static void
sync_step (GTask *task)
{
  g_autoptr(GTask) merge = g_task_new (NULL, NULL, merged_or_conflicts, task);

  g_task_set_task_data (merge, g_task_get_task_data (task), NULL);
  g_task_run_in_thread (merge, merge_thread);
}

/**
 * cp_share_sync_async:
 *
 * Like cp_share_sync(), with the repository's work on a thread of its
 * own, so that the window keeps answering.
 */
void
cp_share_sync_async (CpEngagement        *engagement,
                     const char          *name,
                     const char          *email,
                     GHashTable          *choices,
                     CpMergePrefer        prefer,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (engagement, NULL, callback, user_data);
  GError *error = NULL;
  Syncing *s;

  g_task_set_source_tag (task, cp_share_sync_async);
  if (!(s = syncing_new (engagement, name, email, choices, prefer, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_set_task_data (task, s, (GDestroyNotify) syncing_free);
  if (!syncing_next (s, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  sync_step (g_steal_pointer (&task));
}

/**
 * cp_share_sync_finish:
 *
 * Returns: (transfer full) (nullable): as cp_share_sync() does
 */
CpSyncResult *
cp_share_sync_finish (GAsyncResult  *result,
                      GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Where one sharing stands. */
static CpShareState
clone_state (CpEngagement *engagement,
             CpAudience    audience)
{
  g_autoptr(GitScope) scope = _cp_share_git_enter ();
  g_autoptr(git_repository) repo = NULL;
  g_autoptr(git_config) config = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GHashTable) here = NULL;
  g_autoptr(GHashTable) sent_files = NULL;
  g_autofree char *path = cp_share_dup_clone_path (engagement, audience, NULL);
  g_autofree char *uuid = cp_engagement_dup_uuid (engagement, NULL);
  git_buf state = GIT_BUF_INIT;
  git_oid local, remote;
  GHashTableIter iter;
  gpointer name, bytes;
  CpShareState result = CP_SHARE_UP_TO_DATE;

  if (path == NULL || uuid == NULL ||
      git_repository_open_ext (&repo, path, GIT_REPOSITORY_OPEN_NO_SEARCH, NULL) != 0)
    return CP_SHARE_UP_TO_DATE;

  if (git_repository_config_snapshot (&config, repo) == 0 &&
      git_config_get_string_buf (&state, config, "coachplan.state") == 0)
    {
      if (g_strcmp0 (state.ptr, "conflicts") == 0)
        result = CP_SHARE_CONFLICTS;
      else if (g_strcmp0 (state.ptr, "offline") == 0)
        result = CP_SHARE_OFFLINE;
    }
  git_buf_dispose (&state);
  if (result != CP_SHARE_UP_TO_DATE)
    return result;

  if (git_reference_name_to_id (&local, repo, BRANCH) != 0 ||
      git_reference_name_to_id (&remote, repo, REMOTE_BRANCH) != 0 ||
      !git_oid_equal (&local, &remote))
    return CP_SHARE_CHANGES_TO_SEND;

  if (!(files = cp_engagement_export_prepare_for (engagement, audience, NULL)) ||
      !(sent_files = tree_files (repo, &local, uuid, NULL)))
    return CP_SHARE_CHANGES_TO_SEND;

  here = cp_merge_files_table (files);
  if (g_hash_table_size (here) != g_hash_table_size (sent_files))
    return CP_SHARE_CHANGES_TO_SEND;
  g_hash_table_iter_init (&iter, here);
  while (g_hash_table_iter_next (&iter, &name, &bytes))
    {
      GBytes *other = g_hash_table_lookup (sent_files, name);

      if (other == NULL || !g_bytes_equal (bytes, other))
        return CP_SHARE_CHANGES_TO_SEND;
    }

  return CP_SHARE_UP_TO_DATE;
}

/**
 * cp_share_get_state:
 *
 * Where a shared engagement stands, without reaching any repository:
 * conflicts or offline as the last sync left it, or else whether there
 * are changes here not sent yet. Shared with several audiences, it is
 * the worst of them.
 */
CpShareState
cp_share_get_state (CpEngagement *engagement)
{
  g_autoptr(GArray) audiences = cp_share_dup_audiences (engagement);
  CpShareState worst = CP_SHARE_UP_TO_DATE;

  for (guint i = 0; i < audiences->len; i++)
    worst = MAX (worst, clone_state (engagement, g_array_index (audiences, CpAudience, i)));

  return worst;
}
