/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "assay-catalog-cells.h"
#include "assay-model.h"
#include "assay-packet-window.h"
#include "assay-store-packets.h"
#include "assay-test-ui.h"

/* The packet editor on a demo credential: a rating and a narrative typed
 * and found again after reopening the workspace; the readiness count
 * following them; the submission recorded through its dialog and the due
 * date shown, the round then read-only; the quality review's chart; and an
 * export from the window. */

typedef struct
{
  char            *directory;
  AssayStore      *store;
  AssayCredential *credential;
  guint            demo_packets;
  guint            demo_approved;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) credentials = NULL;

  f->store = assay_test_open_demo_store (&f->directory);
  credentials = assay_store_query (f->store, ASSAY_TYPE_CREDENTIAL, NULL, NULL, "title");
  /* A published credential with no packet yet; the demo gives two others
   * one each: approved, and returned then revised. */
  for (guint i = 0; i < credentials->len; i++)
    {
      AssayCredential *credential = g_ptr_array_index (credentials, i);
      const char *approval = assay_credential_get_approval (credential);

      if (approval != NULL)
        f->demo_packets++, f->demo_approved += g_str_equal (approval, "approved");
      else if (f->credential == NULL && assay_credential_get_status (credential) == ASSAY_CREDENTIAL_STATUS_PUBLISHED)
        f->credential = g_object_ref (credential);
    }
  g_assert_nonnull (f->credential);
  g_assert_cmpuint (f->demo_packets, ==, 2);
  g_assert_cmpuint (f->demo_approved, ==, 1);
}

static void
close_windows (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  while (g_list_model_get_n_items (toplevels) > 0)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, 0);

      gtk_window_destroy (window);
    }
  assay_test_iterate (30);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  close_windows ();
  g_clear_object (&f->credential);
  if (f->store != NULL)
    assay_store_close (f->store);
  g_clear_object (&f->store);
  assay_test_remove_tree (f->directory);
  g_free (f->directory);
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type,
                 const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type)
          && (label == NULL || (GTK_IS_BUTTON (child) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (child)), label) == 0)))
        return child;
      if ((found = find_descendant (child, type, label)) != NULL)
        return found;
    }
  return NULL;
}

static AssayPacketWindow *
open_packet (Fixture *f)
{
  GtkWindow *window = assay_packet_window_present (f->store, f->credential, NULL);

  gtk_window_set_default_size (window, 1000, 700);
  assay_test_iterate (50);
  assay_packet_window_set_framework (ASSAY_PACKET_WINDOW (window), "isbe-2023");
  assay_test_iterate (30);
  return ASSAY_PACKET_WINDOW (window);
}

static void
test_rate_and_reopen (Fixture       *f,
                      gconstpointer  data)
{
  AssayPacketWindow *window = open_packet (f);
  GtkWidget *card = assay_packet_window_get_card (window, "1.1a");
  GtkToggleButton *yes = GTK_TOGGLE_BUTTON (find_descendant (card, GTK_TYPE_TOGGLE_BUTTON, "_Yes"));
  GtkTextView *narrative = GTK_TEXT_VIEW (find_descendant (card, GTK_TYPE_TEXT_VIEW, NULL));
  g_autofree char *credential_id = g_strdup (assay_record_get_id (ASSAY_RECORD (f->credential)));
  guint missing;

  g_assert_nonnull (yes);
  g_assert_nonnull (narrative);
  missing = assay_packet_window_get_n_missing (window);
  g_assert_cmpuint (missing, >=, 18);

  gtk_toggle_button_set_active (yes, TRUE);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (narrative),
                            "The course maps each activity to the Illinois Professional Teaching Standards.", -1);
  /* Saved as typed, after a pause. */
  assay_test_iterate (900);
  g_assert_cmpuint (assay_packet_window_get_n_missing (window), ==, missing - 1);

  close_windows ();
  g_clear_object (&f->credential);
  assay_store_close (f->store);
  g_clear_object (&f->store);

  f->store = assay_store_open (f->directory, ASSAY_STORE_OPEN_EXISTING, NULL);
  f->credential = assay_store_lookup (f->store, ASSAY_TYPE_CREDENTIAL, credential_id, NULL);
  {
    g_autoptr(AssayPacket) packet = assay_store_packet_current (f->store, credential_id, "isbe-2023");
    g_autoptr(GPtrArray) items = assay_store_packet_items (f->store, packet, NULL);
    gboolean found = FALSE;

    for (guint i = 0; i < items->len; i++)
      {
        AssayPacketItem *item = g_ptr_array_index (items, i);

        if (g_str_equal (assay_packet_item_get_indicator (item), "1.1a"))
          {
            g_assert_cmpint (assay_packet_item_get_rating (item), ==, ASSAY_RATING_YES);
            g_assert_cmpstr (assay_packet_item_get_narrative (item), ==,
                             "The course maps each activity to the Illinois Professional Teaching Standards.");
            found = TRUE;
          }
      }
    g_assert_true (found);
  }

  /* The reopened editor shows them. */
  window = open_packet (f);
  card = assay_packet_window_get_card (window, "1.1a");
  yes = GTK_TOGGLE_BUTTON (find_descendant (card, GTK_TYPE_TOGGLE_BUTTON, "_Yes"));
  g_assert_true (gtk_toggle_button_get_active (yes));
}

static GtkWindow *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  /* The one on screen: an answered dialog may linger, hidden. */
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

static void
test_submission_clock (Fixture       *f,
                       gconstpointer  data)
{
  AssayPacketWindow *window = open_packet (f);
  GtkWindow *dialog;
  GtkEditable *entry;
  GtkWidget *card;

  gtk_widget_activate_action (GTK_WIDGET (window), "packet.record-submission", NULL);
  assay_test_iterate (30);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog)));
  gtk_editable_set_text (entry, "2026-02-10");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "record");
  /* A response given in code does not close the dialog as a click does. */
  gtk_window_destroy (dialog);
  assay_test_iterate (30);

  g_assert_cmpint (assay_packet_get_outcome (assay_packet_window_get_packet (window)), ==, ASSAY_PACKET_OUTCOME_SUBMITTED);
  g_assert_cmpstr (assay_packet_get_due_on (assay_packet_window_get_packet (window)), ==, "2026-03-27");
  /* The catalog row says so at once. */
  g_assert_cmpstr (assay_credential_get_approval (f->credential), ==, "submitted 2026-03-27");
  {
    g_autofree char *shown = assay_catalog_describe_approval (f->credential);

    g_assert_cmpstr (shown, ==, "Sent, due 2026-03-27");
  }
  /* The sent round cannot change. */
  card = assay_packet_window_get_card (window, "1.2");
  g_assert_false (gtk_widget_is_sensitive (find_descendant (card, GTK_TYPE_TOGGLE_BUTTON, "_Yes")));

  /* The state returns it; a new round starts from it. */
  gtk_widget_activate_action (GTK_WIDGET (window), "packet.record-outcome", NULL);
  assay_test_iterate (30);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "returned");
  gtk_window_destroy (dialog);
  assay_test_iterate (30);
  g_assert_cmpint (assay_packet_get_outcome (assay_packet_window_get_packet (window)), ==, ASSAY_PACKET_OUTCOME_RETURNED);
  g_assert_cmpstr (assay_credential_get_approval (f->credential), ==, "returned");

  gtk_widget_activate_action (GTK_WIDGET (window), "packet.start-round", NULL);
  assay_test_iterate (30);
  g_assert_cmpint (assay_packet_get_round (assay_packet_window_get_packet (window)), ==, 2);
  g_assert_cmpstr (assay_credential_get_approval (f->credential), ==, "draft");
  card = assay_packet_window_get_card (window, "1.2");
  g_assert_true (gtk_widget_is_sensitive (find_descendant (card, GTK_TYPE_TOGGLE_BUTTON, "_Yes")));
}

static gboolean
not_busy (gpointer data)
{
  return !assay_packet_window_get_busy (data);
}

static void
test_export_and_quality_chart (Fixture       *f,
                               gconstpointer  data)
{
  AssayPacketWindow *window = open_packet (f);
  g_autofree char *path = g_build_filename (f->directory, "packet.pdf", NULL);
  g_autofree char *zip = g_build_filename (f->directory, "packet.zip", NULL);
  g_autoptr(GFile) pdf = g_file_new_for_path (path);
  GtkWidget *chart;

  assay_packet_window_export_to (window, pdf, TRUE);
  g_assert_true (assay_test_wait_until (not_busy, window, 20000));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (zip, G_FILE_TEST_IS_REGULAR));

  assay_packet_window_set_framework (window, "cross-state-2019");
  assay_test_iterate (50);
  g_assert_cmpstr (assay_framework_get_id (assay_packet_window_get_framework (window)), ==, "cross-state-2019");
  chart = find_descendant (GTK_WIDGET (window), g_type_from_name ("AssayQualityChart"), NULL);
  g_assert_nonnull (chart);
  g_assert_true (gtk_widget_get_visible (chart));
  g_assert_nonnull (assay_packet_window_get_card (window, "dev-a.1"));
}

int
main (int   argc,
      char *argv[])
{
  assay_test_ui_init (&argc, &argv);

  g_test_add ("/packet-window/rate-and-reopen", Fixture, NULL, fixture_set_up, test_rate_and_reopen, fixture_tear_down);
  g_test_add ("/packet-window/submission-clock", Fixture, NULL, fixture_set_up, test_submission_clock, fixture_tear_down);
  g_test_add ("/packet-window/export-and-quality-chart", Fixture, NULL, fixture_set_up,
              test_export_and_quality_chart, fixture_tear_down);

  return g_test_run ();
}
