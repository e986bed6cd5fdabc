/* cp-review-page.h — the sponsor's calm, read-only view of progress
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cp-types.h"

G_BEGIN_DECLS

#define CP_TYPE_REVIEW_PAGE (cp_review_page_get_type ())

G_DECLARE_FINAL_TYPE (CpReviewPage, cp_review_page, CP, REVIEW_PAGE, AdwBin)

void     cp_review_page_set_engagement (CpReviewPage *self,
                                        CpEngagement *engagement);
void     cp_review_page_set_editable   (CpReviewPage *self,
                                        gboolean      editable);
void     cp_review_page_refresh        (CpReviewPage *self);
CpPhase *cp_review_page_get_phase_to_sign (CpReviewPage *self);

G_END_DECLS
