/* cp-share-private.h — what sharing (cp-share.c) and syncing
 * (cp-share-sync.c) share: libgit2's set-up and the clone's work
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once


#include "cp-git.h"
#include <glib/gi18n-lib.h>
#include <gio/gio.h>

#include "cp-types.h"

G_BEGIN_DECLS

#define BRANCH "refs/heads/main"

/* Where libgit2 is used: it is set up once, on first use (cp-git.c). */
typedef struct
{
  int unused;
} GitScope;

static inline GitScope *
_cp_share_git_enter (void)
{
  cp_git_init ();

  return g_new0 (GitScope, 1);
}

static inline void
_cp_share_git_leave (GitScope *scope)
{
  g_free (scope);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GitScope, _cp_share_git_leave)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (git_repository, git_repository_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (git_remote, git_remote_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (git_index, git_index_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (git_tree, git_tree_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (git_commit, git_commit_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (git_signature, git_signature_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (git_config, git_config_free)

/* "Could not …: what git said". */
static inline gboolean
_cp_share_git_failed (GError    **error,
                      const char *failed)
{
  const git_error *e = git_error_last ();

  /* Translators: a failure and git's reason, such as "Could not send the
   * engagement: failed to resolve address".
   */
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("%s: %s"), failed,
               e != NULL && e->message != NULL ? e->message : _("unknown error"));

  return FALSE;
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (git_reference, git_reference_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (git_blob, git_blob_free)

int      _cp_share_credentials   (git_credential **out,
                                  const char      *url,
                                  const char      *username_from_url,
                                  unsigned int     allowed_types,
                                  void            *payload);
gboolean _cp_share_remove_tree   (const char      *path,
                                  GError         **error);
gboolean _cp_share_write_folder  (GPtrArray       *files,
                                  const char      *clone_path,
                                  const char      *uuid,
                                  CpAudience       audience,
                                  GError         **error);
gboolean _cp_share_commit_all    (git_repository  *repo,
                                  const char      *name,
                                  const char      *email,
                                  const char      *message,
                                  GError         **error);
gboolean _cp_share_commit        (git_repository  *repo,
                                  const char      *name,
                                  const char      *email,
                                  const char      *message,
                                  const git_oid   *parents,
                                  guint            n_parents,
                                  gboolean        *made,
                                  GError         **error);
gboolean _cp_share_push          (git_repository  *repo,
                                  GError         **error);

G_END_DECLS
