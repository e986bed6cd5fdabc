/* cp-git.h — libgit2, loaded and set up on first use
 *
 * Coachplan starts without libgit2: linking it (with its TLS, SSH and
 * Kerberos libraries) cost several milliseconds before the first frame,
 * and most starts never sync. Every libgit2 function the core calls
 * goes through a table filled when the first one is called. Include
 * this header, never <git2.h> alone, to call libgit2.
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <git2.h>

#include "cp-loader.h"

G_BEGIN_DECLS

/* The libgit2 functions the core calls. */
#define CP_GIT_FUNCTIONS(F) \
  F (git_blob_free) \
  F (git_blob_lookup) \
  F (git_blob_rawcontent) \
  F (git_blob_rawsize) \
  F (git_buf_dispose) \
  F (git_checkout_head) \
  F (git_checkout_tree) \
  F (git_clone) \
  F (git_commit_author) \
  F (git_commit_create) \
  F (git_commit_free) \
  F (git_commit_lookup) \
  F (git_commit_parent) \
  F (git_commit_parentcount) \
  F (git_commit_summary) \
  F (git_commit_tree) \
  F (git_commit_tree_id) \
  F (git_config_free) \
  F (git_config_get_string_buf) \
  F (git_config_open_default) \
  F (git_config_set_string) \
  F (git_credential_ssh_key_from_agent) \
  F (git_error_last) \
  F (git_graph_descendant_of) \
  F (git_index_add_all) \
  F (git_index_free) \
  F (git_index_update_all) \
  F (git_index_write) \
  F (git_index_write_tree) \
  F (git_libgit2_init) \
  F (git_merge_base) \
  F (git_merge_file) \
  F (git_merge_file_result_free) \
  F (git_object_free) \
  F (git_object_lookup) \
  F (git_oid_cpy) \
  F (git_oid_equal) \
  F (git_oid_tostr) \
  F (git_reference_create) \
  F (git_reference_free) \
  F (git_reference_name_to_id) \
  F (git_remote_fetch) \
  F (git_remote_free) \
  F (git_remote_lookup) \
  F (git_remote_push) \
  F (git_repository_config) \
  F (git_repository_config_snapshot) \
  F (git_repository_free) \
  F (git_repository_index) \
  F (git_repository_init) \
  F (git_repository_open_ext) \
  F (git_repository_set_head) \
  F (git_revwalk_free) \
  F (git_revwalk_new) \
  F (git_revwalk_next) \
  F (git_revwalk_push_ref) \
  F (git_revwalk_sorting) \
  F (git_signature_free) \
  F (git_signature_now) \
  F (git_tree_entry_byindex) \
  F (git_tree_entry_byname) \
  F (git_tree_entry_bypath) \
  F (git_tree_entry_filemode) \
  F (git_tree_entry_free) \
  F (git_tree_entry_id) \
  F (git_tree_entry_name) \
  F (git_tree_entry_type) \
  F (git_tree_entrycount) \
  F (git_tree_free) \
  F (git_tree_lookup)

typedef struct
{
  CP_GIT_FUNCTIONS (CP_LOADER_FIELD)
} CpGitFunctions;

const CpGitFunctions *cp_git_functions (void);
void                  cp_git_init      (void);

#define CP_GIT(name) (cp_git_functions ()->name)

/* cp-git.c fills the table by the functions' own names. */
#ifndef CP_GIT_FILLING_TABLE
#define git_blob_free CP_GIT (git_blob_free)
#define git_blob_lookup CP_GIT (git_blob_lookup)
#define git_blob_rawcontent CP_GIT (git_blob_rawcontent)
#define git_blob_rawsize CP_GIT (git_blob_rawsize)
#define git_buf_dispose CP_GIT (git_buf_dispose)
#define git_checkout_head CP_GIT (git_checkout_head)
#define git_checkout_tree CP_GIT (git_checkout_tree)
#define git_clone CP_GIT (git_clone)
#define git_commit_author CP_GIT (git_commit_author)
#define git_commit_create CP_GIT (git_commit_create)
#define git_commit_free CP_GIT (git_commit_free)
#define git_commit_lookup CP_GIT (git_commit_lookup)
#define git_commit_parent CP_GIT (git_commit_parent)
#define git_commit_parentcount CP_GIT (git_commit_parentcount)
#define git_commit_summary CP_GIT (git_commit_summary)
#define git_commit_tree CP_GIT (git_commit_tree)
#define git_commit_tree_id CP_GIT (git_commit_tree_id)
#define git_config_free CP_GIT (git_config_free)
#define git_config_get_string_buf CP_GIT (git_config_get_string_buf)
#define git_config_open_default CP_GIT (git_config_open_default)
#define git_config_set_string CP_GIT (git_config_set_string)
#define git_credential_ssh_key_from_agent CP_GIT (git_credential_ssh_key_from_agent)
#define git_error_last CP_GIT (git_error_last)
#define git_graph_descendant_of CP_GIT (git_graph_descendant_of)
#define git_index_add_all CP_GIT (git_index_add_all)
#define git_index_free CP_GIT (git_index_free)
#define git_index_update_all CP_GIT (git_index_update_all)
#define git_index_write CP_GIT (git_index_write)
#define git_index_write_tree CP_GIT (git_index_write_tree)
#define git_libgit2_init CP_GIT (git_libgit2_init)
#define git_merge_base CP_GIT (git_merge_base)
#define git_merge_file CP_GIT (git_merge_file)
#define git_merge_file_result_free CP_GIT (git_merge_file_result_free)
#define git_object_free CP_GIT (git_object_free)
#define git_object_lookup CP_GIT (git_object_lookup)
#define git_oid_cpy CP_GIT (git_oid_cpy)
#define git_oid_equal CP_GIT (git_oid_equal)
#define git_oid_tostr CP_GIT (git_oid_tostr)
#define git_reference_create CP_GIT (git_reference_create)
#define git_reference_free CP_GIT (git_reference_free)
#define git_reference_name_to_id CP_GIT (git_reference_name_to_id)
#define git_remote_fetch CP_GIT (git_remote_fetch)
#define git_remote_free CP_GIT (git_remote_free)
#define git_remote_lookup CP_GIT (git_remote_lookup)
#define git_remote_push CP_GIT (git_remote_push)
#define git_repository_config CP_GIT (git_repository_config)
#define git_repository_config_snapshot CP_GIT (git_repository_config_snapshot)
#define git_repository_free CP_GIT (git_repository_free)
#define git_repository_index CP_GIT (git_repository_index)
#define git_repository_init CP_GIT (git_repository_init)
#define git_repository_open_ext CP_GIT (git_repository_open_ext)
#define git_repository_set_head CP_GIT (git_repository_set_head)
#define git_revwalk_free CP_GIT (git_revwalk_free)
#define git_revwalk_new CP_GIT (git_revwalk_new)
#define git_revwalk_next CP_GIT (git_revwalk_next)
#define git_revwalk_push_ref CP_GIT (git_revwalk_push_ref)
#define git_revwalk_sorting CP_GIT (git_revwalk_sorting)
#define git_signature_free CP_GIT (git_signature_free)
#define git_signature_now CP_GIT (git_signature_now)
#define git_tree_entry_byindex CP_GIT (git_tree_entry_byindex)
#define git_tree_entry_byname CP_GIT (git_tree_entry_byname)
#define git_tree_entry_bypath CP_GIT (git_tree_entry_bypath)
#define git_tree_entry_filemode CP_GIT (git_tree_entry_filemode)
#define git_tree_entry_free CP_GIT (git_tree_entry_free)
#define git_tree_entry_id CP_GIT (git_tree_entry_id)
#define git_tree_entry_name CP_GIT (git_tree_entry_name)
#define git_tree_entry_type CP_GIT (git_tree_entry_type)
#define git_tree_entrycount CP_GIT (git_tree_entrycount)
#define git_tree_free CP_GIT (git_tree_free)
#define git_tree_lookup CP_GIT (git_tree_lookup)
#endif

G_END_DECLS
