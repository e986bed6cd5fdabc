/* cp-ui-util.h — small helpers the widgets share
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>
#include "cp-source.h"

#include "cp-types.h"

G_BEGIN_DECLS

void        cp_ui_toast_set_topic (AdwToast   *toast,
                                   const char *topic);
void        cp_ui_add_toast   (AdwToastOverlay *overlay,
                               AdwToast        *toast);
void        cp_ui_show_toast  (GtkWidget    *widget,
                               AdwToast     *toast);
void        cp_ui_toast_error (GtkWidget    *widget,
                               const GError *error);
gboolean    cp_ui_dup_identity    (char           **name,
                                   char           **email);
gboolean    cp_ui_set_identity    (const char      *name,
                                   const char      *email,
                                   GError         **error);
GSettings  *cp_ui_settings_new (void);
/* How a choice's label fits its place. */
typedef enum
{
  CP_UI_LABEL_WHOLE,     /* one line, whole: in a drop-down's list */
  CP_UI_LABEL_WRAPPED,   /* wrapping, on the right: beside a row's title */
  CP_UI_LABEL_SHORTENED, /* one line, ellipsized: on a drop-down's button */
} CpUiLabelFit;

GtkListItemFactory *cp_ui_label_factory_new (CpUiLabelFit   fit,
                                             GtkExpression *expression);
GtkWidget  *cp_ui_two_lines_new (void);
void        cp_ui_two_lines_set (GtkWidget  *box,
                                 const char *title,
                                 const char *caption);
void        cp_ui_drop_down_shorten (GtkDropDown   *drop_down,
                                     GtkExpression *expression);
void        cp_ui_name_drop_down (GtkDropDown *drop_down,
                                  const char  *name);
AdwMessageDialog *cp_ui_form_new        (GtkWidget          *parent,
                                        const char         *heading,
                                        const char         *body,
                                        const char         *apply_label);
AdwEntryRow      *cp_ui_form_add_entry  (AdwMessageDialog   *form,
                                        const char         *title,
                                        const char         *text);
AdwComboRow      *cp_ui_form_add_choice (AdwMessageDialog   *form,
                                        const char         *title,
                                        const char * const *choices,
                                        guint               selected);
GtkTextView      *cp_ui_form_add_text   (AdwMessageDialog   *form,
                                        const char         *title,
                                        const char         *text);
char             *cp_ui_dup_text        (GtkTextView        *view);
gboolean    cp_ui_enum_to_choice (GBinding     *binding,
                                  const GValue *from,
                                  GValue       *to,
                                  gpointer      data);
gboolean    cp_ui_choice_to_enum (GBinding     *binding,
                                  const GValue *from,
                                  GValue       *to,
                                  gpointer      data);
void        cp_ui_bind_choice (gpointer     object,
                               const char  *property,
                               AdwComboRow *row);
void        cp_ui_menu_button_set_menu_later (GtkMenuButton *button,
                                              GMenuModel    *model);
void        cp_ui_highlight_markdown (GtkSourceBuffer *buffer);
void        cp_ui_set_highlighting    (GtkSourceBuffer *buffer,
                                       gboolean         highlight);
GtkWidget  *cp_ui_icon_button_new (const char *icon_name,
                                   const char *label);
char       *cp_ui_format_date (const char   *iso);
char       *cp_ui_path_with_suffix (GFile      *file,
                                    const char *suffix);
GtkFileChooserNative *cp_ui_calendar_chooser (GtkWindow            *parent,
                                              const char           *title,
                                              GtkFileChooserAction  action,
                                              const char           *accept,
                                              const char           *name);
char       *cp_ui_snippet_markup (const char *snippet);
void        cp_ui_fill_search_hits (GtkListBox *list,
                                    GPtrArray  *hits,
                                    gboolean    with_engagement);

GListModel *cp_ui_phase_choices (CpEngagement *engagement,
                                 GArray       *ids,
                                 gint64        current,
                                 guint        *selected);
GListModel *cp_ui_note_choices  (CpEngagement *engagement,
                                 GArray       *ids,
                                 gint64        current,
                                 guint        *selected);

typedef void (*CpUiTextFunc) (const char *text,
                              gpointer    user_data);

void        cp_ui_prompt_text (GtkWidget      *parent,
                               const char     *heading,
                               const char     *label,
                               const char     *initial,
                               const char     *apply_label,
                               CpUiTextFunc    func,
                               gpointer        user_data,
                               GDestroyNotify  destroy);

G_END_DECLS
