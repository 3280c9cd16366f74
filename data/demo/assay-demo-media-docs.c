/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "assay-demo-media.h"

/* The documents of the demonstration submissions. Their text follows the
 * credentials' submission guidelines in demo-workspace.json, so an assessor
 * trying the demo reads the kind of evidence the rubric asks about. All
 * names are invented and students are de-identified, as real evidence
 * must be. */

static char *
output_path (const char *directory,
             const char *name)
{
  return g_build_filename (directory, name, NULL);
}

/* Checking for Understanding: Priya Natarajan's chemistry lesson with the
 * hinge question on limiting reactants. Four pages, a table, a web link
 * and a link to a place in the document. */
static gboolean
write_lesson_plan (const char  *directory,
                   GError     **error)
{
  g_autofree char *path = output_path (directory, "lesson-plan.pdf");
  DemoDoc *doc = demo_doc_new (path, "Lesson plan: Which reactant runs out first?", "Priya Natarajan",
                               "Natarajan · Chemistry · Limiting reactants lesson plan");
  static const double info_widths[] = { 0.3, 0.7 };
  static const char * const info[] = {
    "Item", "Detail",
    "Course", "Chemistry (grades 10–11), Vermilion Ridge High School",
    "Teacher", "Priya Natarajan",
    "Date and length", "Tuesday 10 February 2026, 50 minutes, period 3 (28 students)",
    "Learning goal", "Students can identify the limiting reactant from mole amounts and explain why the "
                     "other reactant is left over.",
    "Illinois Learning Standard", "HS-PS1-7: use mathematical representations to support the claim that atoms, "
                                  "and therefore mass, are conserved during a chemical reaction.",
    NULL
  };
  static const double sequence_widths[] = { 0.13, 0.22, 0.43, 0.22 };
  static const char * const sequence[] = {
    "Time", "Phase", "What students do", "Check",
    "0–8", "Warm-up", "Balance 2 H₂ + O₂ → 2 H₂O with particle diagrams on mini whiteboards.", "Checkpoint 1",
    "8–20", "Sandwich model", "Build “sandwiches” from 10 slices of bread and 4 slices of cheese; "
                              "name what runs out and what is left.", "Listening in pairs",
    "20–28", "Mole ratios", "Worked example: 4 mol H₂ and 3 mol O₂. Compare the ratio needed with the ratio present.", "—",
    "28–32", "Hinge question", "Every student answers on a whiteboard and holds it up on the count of three.",
    "Checkpoint 2 (hinge)",
    "32–45", "Responsive groups", "Re-teach group at the front bench; extension task on percent excess "
                                  "for everyone else.", "Re-check with a second item",
    "45–50", "Exit ticket", "One limiting-reactant problem with a written reason.", "Sorted the same evening",
    NULL
  };
  static const double moves_widths[] = { 0.14, 0.38, 0.48 };
  static const char * const moves[] = {
    "Answer", "What it would show", "Planned move",
    "A", "Chose the reactant with the smaller amount (3 mol O₂ &lt; 4 mol H₂), ignoring the mole ratio.",
    "Re-teach group: back to the sandwich model, then convert each amount to “reactions’ worth”.",
    "B (correct)", "Divided each amount by its coefficient and compared: H₂ gives 2 reactions, O₂ gives 3.",
    "Extension: how much O₂ is left over, and what mass of water forms?",
    "C", "Thinks the reactant with the larger coefficient always runs out first.",
    "Pair with a B student to test the rule on a counter-example (1 mol H₂, 5 mol O₂).",
    "D", "Believes neither runs out because mass is conserved.",
    "Short conference: conservation holds for atoms, not for each reactant; revisit particle diagrams.",
    NULL
  };
  static const char * const materials[] = {
    "28 mini whiteboards, markers and erasers; one per student, collected before the exit ticket.",
    "Bread-and-cheese cut-outs (10 bread, 4 cheese per pair) for the sandwich model.",
    "Second hinge item on a card for the re-check: 6 mol Al and 6 mol Cl₂ in 2 Al + 3 Cl₂ → 2 AlCl₃.",
    "Camera at the back of the room pointed at the whiteboards; students without consent sit at the left bench, "
    "out of frame.",
    NULL
  };

  demo_doc_heading (doc, 1, "top", "Which reactant runs out first?");
  demo_doc_paragraph (doc, "<i>Lesson plan for the micro-credential “Checking for Understanding During "
                           "Instruction”, item 1 of the submission.</i>");
  demo_doc_table (doc, 2, info_widths, info);
  demo_doc_paragraph (doc, "The standard’s full text and its clarification statement are published with the "
                           "Next Generation Science Standards, which Illinois adopted as its Learning Standards "
                           "for Science:");
  demo_doc_link (doc, "https://www.nextgenscience.org/pe/hs-ps1-7-matter-and-its-interactions",
                 "HS-PS1-7 Matter and its Interactions (nextgenscience.org)");
  demo_doc_paragraph (doc, "Students have balanced equations and converted between grams and moles. Last year "
                           "about half of my students treated the smaller amount as the limiting reactant on the "
                           "unit test, so this lesson places the hinge question before any independent practice.");
  demo_doc_link (doc, "#hinge", "Jump to Checkpoint 2, the hinge question and what each answer reveals");

  demo_doc_heading (doc, 2, "sequence", "Lesson sequence");
  demo_doc_table (doc, 4, sequence_widths, sequence);
  demo_doc_heading (doc, 2, "checkpoint-1", "Checkpoint 1: balanced equation on whiteboards");
  demo_doc_paragraph (doc, "All students draw the particle diagram for 2 H₂ + O₂ → 2 H₂O and hold up their "
                           "boards together. I scan all 28 boards before saying anything. If more than five "
                           "boards show unbalanced diagrams, I model one diagram with the class before the "
                           "sandwich model; otherwise the pairs start at once and I visit those five students first.");

  demo_doc_heading (doc, 1, "hinge", "Checkpoint 2: the hinge question");
  demo_doc_paragraph (doc, "<b>Question.</b> Hydrogen burns in oxygen: 2 H₂ + O₂ → 2 H₂O. A flask holds "
                           "<b>4 mol of H₂</b> and <b>3 mol of O₂</b>. Which reactant runs out first?");
  demo_doc_bullets (doc, (const char * const []) {
    "<b>A</b>  O₂, because there is less of it.",
    "<b>B</b>  H₂, because 4 mol of H₂ needs only 2 mol of O₂ but 3 mol of O₂ would need 6 mol of H₂.",
    "<b>C</b>  H₂, because its coefficient is larger.",
    "<b>D</b>  Neither: mass is conserved, so both are used up.",
    NULL
  });
  demo_doc_paragraph (doc, "Each wrong answer matches one misconception I have seen in past exit tickets, so "
                           "the set of boards tells me not only how many students are ready but which move each "
                           "group needs. Students write the letter and one line of reasoning; the reasoning lets "
                           "me separate a correct guess from a correct method.");
  demo_doc_heading (doc, 2, "moves", "Planned moves for each response pattern");
  demo_doc_table (doc, 3, moves_widths, moves);
  demo_doc_paragraph (doc, "<b>Decision rule.</b> If 80 % or more choose B with a valid reason, everyone moves "
                           "to the extension and I pull the others to the front bench. Between 50 % and 80 %, "
                           "the re-teach group runs as planned. Below 50 %, I re-teach the whole class with the "
                           "sandwich model before the second hinge item.");

  demo_doc_heading (doc, 1, "responses", "After the checkpoint");
  demo_doc_heading (doc, 2, NULL, "Re-check");
  demo_doc_paragraph (doc, "Ten minutes later every student answers a second hinge item (6 mol Al, 6 mol Cl₂ in "
                           "2 Al + 3 Cl₂ → 2 AlCl₃). The re-teach group answers first, on whiteboards, before "
                           "rejoining the class. Students who still choose the smaller amount get a note in my "
                           "planner for a five-minute conference at the start of the next lesson.");
  demo_doc_heading (doc, 2, NULL, "Materials and recording");
  demo_doc_bullets (doc, materials);
  demo_doc_heading (doc, 2, NULL, "Record of responses");
  demo_doc_paragraph (doc, "The photograph of the whiteboards (item 3 of the submission) was taken at 00:05 of "
                           "the video excerpt, when every board was up. Tally at the hinge question: A 9, B 14, "
                           "C 3, D 2. At the re-check: A 2, B 24, C 1, D 1.");

  demo_doc_heading (doc, 1, "annotation", "Annotation for the assessors");
  demo_doc_paragraph (doc, "Fourteen of 28 students chose B, below my 80 % threshold, and nine chose A. That "
                           "pattern was the one I expected, so I could act on it within a minute: the nine A "
                           "students and the two D students came to the front bench, the three C students "
                           "paired with B students, and the rest began the extension. The re-check shows the "
                           "move worked for most of the re-teach group; the two students who still answered A "
                           "are the ones I will conference with on Thursday.");
  demo_doc_paragraph (doc, "What I would change: the hinge question came at minute 28, which left too little "
                           "time for the extension. Next time I will shorten the worked example and ask it at "
                           "minute 22.");
  demo_doc_link (doc, "#top", "Back to the start of the plan");

  return demo_doc_finish (doc, error);
}

/* The success criteria checked against one student's conclusion: the
 * draft meets one or two, the revision all three. */
static void
criteria_check (DemoDoc  *doc,
                int       student,
                gboolean  revised)
{
  static const double widths[] = { 0.5, 0.14, 0.36 };
  const char *met[3];
  const char *cells[3 * 4 + 1] = {
    "Success criterion", "Met", "Where",
    "1. Claim with a number and a unit", NULL, "First sentence",
    "2. Supported by my own measurements", NULL, "Data table, trials 1–3",
    "3. A source of error and its effect", NULL, "Last paragraph",
    NULL
  };

  for (int i = 0; i < 3; i++)
    met[i] = revised || (student + i) % 3 == 0 ? "yes" : "not yet";
  cells[4] = met[0];
  cells[7] = met[1];
  cells[10] = met[2];

  demo_doc_space (doc, 6);
  demo_doc_table (doc, 3, widths, cells);
}

/* Feedback That Moves Learning Forward: a first page, then a draft with its
 * feedback and the revision for each of twenty students (41 pages). */
static gboolean
write_student_work (const char  *directory,
                    GError     **error)
{
  static const char * const claims[] = {
    "The percent yield was 87% because some copper stayed stuck to the beaker.",
    "Our yield was over 100% so the reaction made extra copper.",
    "The iron nail lost mass and the copper formed, so the reaction worked.",
    "We got 1.42 g of copper which is a good result.",
    "The solution went from blue to green which proves a reaction.",
  };
  static const char * const comments[] = {
    "Your claim names a cause. Success criterion 2 asks for evidence: which measurement shows copper was left "
    "behind? Add it and say how much it could change the yield.",
    "Check criterion 3: a yield above 100% points to an error, not extra product. What could still be in the "
    "copper when you weighed it? Look at your drying step.",
    "You describe what happened. To meet criterion 1, state the claim as a number: what percent of the "
    "theoretical yield did you recover?",
    "“Good” compared with what? Calculate the theoretical yield from your 1.00 g of iron and compare.",
    "The colour change is a clue. Use criterion 2: which measurement, not observation, supports the claim that "
    "iron reacted?",
  };
  static const char * const revisions[] = {
    "Percent yield 87.4% (1.25 g of 1.43 g). About 0.1 g of copper stayed on the beaker wall, which would "
    "raise the yield to about 94%.",
    "Yield 108%, so our copper was still wet. After drying it again overnight the mass fell from 1.55 g to "
    "1.38 g, a yield of 96%.",
    "We recovered 1.31 g of the 1.43 g of copper predicted from 1.00 g of iron: a yield of 92%.",
    "Theoretical yield 1.14 g from 1.00 g Fe and excess CuSO₄ (1:1 ratio). We got 1.02 g, so 89%.",
    "The nail lost 0.81 g, which is 0.0145 mol of iron, and we collected 0.89 g (0.0140 mol) of copper, close to "
    "the 1:1 ratio.",
  };
  g_autofree char *path = output_path (directory, "student-work-samples.pdf");
  DemoDoc *doc = demo_doc_new (path, "Lab report feedback samples, Chemistry unit 4", "Priya Natarajan",
                               "Natarajan · Feedback samples · Students de-identified");

  demo_doc_heading (doc, 1, "overview", "Lab report feedback samples");
  demo_doc_paragraph (doc, "Items 2 and 3 of the submission for “Feedback That Moves Learning Forward”. The lab: "
                           "iron reacts with copper(II) sulfate solution; students report the percent yield of "
                           "copper. Success criteria, as students saw them:");
  demo_doc_bullets (doc, (const char * const []) {
    "1. I state my result as a claim with a number and a unit.",
    "2. I support the claim with my own measurements.",
    "3. I explain at least one source of error and how it changed the result.",
    NULL
  });
  demo_doc_paragraph (doc, "For each of twenty students (S01 to S20, names removed) the next page shows an excerpt "
                           "of the first draft with my comment, and the page after it the same section of the "
                           "revision, written in class on the Thursday after feedback was returned.");

  for (int s = 1; s <= 20; s++)
    {
      g_autofree char *draft_title = g_strdup_printf ("Student S%02d, first draft", s);
      g_autofree char *revision_title = g_strdup_printf ("Student S%02d, revision", s);
      g_autofree char *dest = g_strdup_printf ("s%02d", s);
      g_autofree char *comment = g_strdup_printf ("<b>Feedback.</b> %s", comments[s % 5]);
      g_autofree char *change = g_strdup_printf ("<b>What changed.</b> S%02d %s", s,
                                                 s % 3 == 0 ? "acted on the comment and also rewrote the "
                                                              "error analysis without being asked."
                                                            : "acted on the comment; the claim now carries its "
                                                              "evidence.");

      demo_doc_page_break (doc);
      demo_doc_heading (doc, 1, dest, draft_title);
      demo_doc_paragraph (doc, "<i>Conclusion section, handed in on 3 March 2026.</i>");
      demo_doc_handwriting (doc, claims[s % 5]);
      demo_doc_paragraph (doc, comment);
      criteria_check (doc, s, FALSE);
      demo_doc_page_break (doc);
      demo_doc_heading (doc, 1, NULL, revision_title);
      demo_doc_paragraph (doc, "<i>Revised in class on 5 March 2026.</i>");
      demo_doc_handwriting (doc, revisions[s % 5]);
      demo_doc_paragraph (doc, change);
      criteria_check (doc, s, TRUE);
    }

  return demo_doc_finish (doc, error);
}

/* Building Your Teacher-Powered Team: Hannah Brandt's Algebra 1 team. */
static gboolean
write_team_charter (const char  *directory,
                    GError     **error)
{
  static const double member_widths[] = { 0.3, 0.35, 0.35 };
  static const char * const members[] = {
    "Member", "Role in school", "Why this member",
    "H. Brandt", "Algebra 1 teacher, convener", "Teaches three of the nine sections",
    "Member B", "Algebra 1 teacher", "Teaches the co-taught sections",
    "Member C", "Special education teacher", "Knows the accommodations on the common assessments",
    "Member D", "English learner specialist", "Half of the failing students are English learners",
    "Member E", "Paraprofessional", "Sees students in the Algebra lab every day",
    NULL
  };
  static const char * const agreements[] = {
    "We start and end on time; the timekeeper gives a five-minute warning. <i>(added by Member C)</i>",
    "We bring student work, not impressions, to every discussion of a student group.",
    "Anyone may call “pause” to ask what a decision means for students with IEPs or English learners. "
    "<i>(reworded by Member D from “we consider all students”)</i>",
    "Disagreement is raised in the meeting, not after it. <i>(added by Member E)</i>",
    "Facilitator and note-taker rotate every meeting in the order of the member list.",
    NULL
  };
  static const double meeting_widths[] = { 0.18, 0.22, 0.6 };
  static const char * const meetings[] = {
    "Date", "Facilitator", "Decisions",
    "2 Sept 2026", "Member B", "Adopted the revised agreements; chose consensus-with-fallback as the decision rule.",
    "9 Sept 2026", "Member C", "Selected the unit 2 common assessment (fallback vote 4–1 after no consensus).",
    "16 Sept 2026", "Member D", "Agreed on a shared re-teach block on Fridays; reviewed unit 1 results by "
                                "student group.",
    NULL
  };
  g_autofree char *path = output_path (directory, "team-charter.pdf");
  DemoDoc *doc = demo_doc_new (path, "Algebra 1 team charter", "Hannah Brandt",
                               "Brandt · Algebra 1 common-assessment team · Charter");

  demo_doc_heading (doc, 1, NULL, "Algebra 1 common-assessment team: charter");
  demo_doc_heading (doc, 2, NULL, "Problem of practice");
  demo_doc_paragraph (doc, "One in three ninth graders at Kishwaukee Bend High School failed the first semester of "
                           "Algebra 1 last year, and the rate was twice as high for English learners. Our nine "
                           "sections give different assessments, so we cannot tell which students are missing "
                           "which skills. The team writes and studies common unit assessments together.");
  demo_doc_heading (doc, 2, NULL, "Members");
  demo_doc_table (doc, 3, member_widths, members);
  demo_doc_heading (doc, 2, NULL, "Working agreements (revised 2 September 2026)");
  demo_doc_paragraph (doc, "The May draft was mine alone. At our first meeting this year each member marked up a "
                           "printed copy; the changes they made are noted in italics.");
  demo_doc_bullets (doc, agreements);
  demo_doc_heading (doc, 2, NULL, "Decision rule");
  demo_doc_paragraph (doc, "We seek consensus for up to two meetings. If we have none, we take a majority vote "
                           "and anyone who voted against it may add a minority note to the minutes. Decisions "
                           "about accommodations need the agreement of Member C or Member D.");
  demo_doc_heading (doc, 2, NULL, "First three meetings");
  demo_doc_table (doc, 3, meeting_widths, meetings);
  demo_doc_paragraph (doc, "The video excerpt in this submission is from the 9 September meeting, when the team "
                           "used the fallback rule for the first time.");

  return demo_doc_finish (doc, error);
}

/* Understanding Your Leadership Strengths: a six-week log with twelve
 * dated entries. */
static gboolean
write_leadership_log (const char  *directory,
                      GError     **error)
{
  static const double widths[] = { 0.16, 0.5, 0.34 };
  static const char * const entries[] = {
    "Date", "What I did", "Who it influenced and the result",
    "12 Nov", "Shared my retake policy at the department meeting and asked for criticism.",
    "Two colleagues asked for my rubric; one now uses it.",
    "14 Nov", "Met my mentee after her first observation; we planned one change together.",
    "She tried cold-calling with whiteboards the next week.",
    "19 Nov", "Proposed a shared unit 3 quiz to the Algebra 1 teachers.", "Agreed by three of four teachers.",
    "21 Nov", "Drafted the common quiz and sent it for edits.", "Member C added accommodations.",
    "26 Nov", "Led the first look at quiz results by student group.", "Team noticed the English learner gap.",
    "3 Dec", "Asked the EL specialist to join our next meeting.", "She came and proposed vocabulary supports.",
    "5 Dec", "Observed a colleague’s class at her request.", "Gave feedback on pacing; she asked for a second visit.",
    "10 Dec", "Presented team results to the principal.", "Principal granted a common planning period.",
    "12 Dec", "Wrote the agenda for the planning period with two colleagues.", "First shared agenda in the department.",
    "17 Dec", "Mentee and I co-taught a lesson on linear models.", "She led the second half on her own.",
    "7 Jan", "Held back my own proposal so a quieter colleague could present hers.",
    "Team adopted her idea; I noted how hard it was to wait.",
    "9 Jan", "Collected colleague perspectives with the three-question form.", "Five responses from four roles.",
    NULL
  };
  g_autofree char *path = output_path (directory, "leadership-log.pdf");
  DemoDoc *doc = demo_doc_new (path, "Leadership log, November 2025 to January 2026", "Hannah Brandt",
                               "Leadership log · six weeks");

  demo_doc_heading (doc, 1, NULL, "Leadership log");
  demo_doc_paragraph (doc, "Six weeks of dated entries describing actions that influenced a colleague, a team or "
                           "a school practice. Colleagues are named by role only.");
  demo_doc_table (doc, 3, widths, entries);
  demo_doc_heading (doc, 2, NULL, "Pattern I see");
  demo_doc_paragraph (doc, "Most entries start with something I built and offered. The entries where others "
                           "changed their practice (19 Nov, 3 Dec, 7 Jan) are the ones where I asked first.");

  return demo_doc_finish (doc, error);
}

/* Student-Led Family Conferences and Designing Exit Tickets share one
 * short writer: a title, an introduction and a table. */
static gboolean
write_short_document (const char          *directory,
                      const char          *name,
                      const char          *title,
                      const char          *author,
                      const char          *introduction,
                      guint                n_columns,
                      const double        *widths,
                      const char * const  *cells,
                      const char          *closing,
                      GError             **error)
{
  g_autofree char *path = output_path (directory, name);
  DemoDoc *doc = demo_doc_new (path, title, author, title);

  demo_doc_heading (doc, 1, NULL, title);
  demo_doc_paragraph (doc, introduction);
  demo_doc_table (doc, n_columns, widths, cells);
  demo_doc_paragraph (doc, closing);

  return demo_doc_finish (doc, error);
}

gboolean
demo_write_documents (const char  *directory,
                      GError     **error)
{
  static const double conference_widths[] = { 0.25, 0.75 };
  static const char * const conference[] = {
    "Part", "Plan",
    "Student preparation", "Each student chooses three portfolio pieces (one strength, one growth, one goal) and "
                           "rehearses twice with a partner using the conference card.",
    "Scheduling", "Evening slots Tuesday to Thursday, two morning slots, phone or video at any of them; families "
                  "choose on a paper or online form in English or Spanish.",
    "Language access", "District interpreters for Spanish (booked for eleven families) and a phone interpreter "
                       "line for Tagalog; students never interpret for their own families.",
    "Goal setting", "Student, family and teacher each add one idea to the reading goal; the family names how "
                    "they will support it at home.",
    "Follow-up", "Personal call to every family who did not attend, with a 15-minute alternative; goal check-in "
                 "note home after six weeks.",
    NULL
  };
  static const double perspective_widths[] = { 0.24, 0.38, 0.38 };
  static const char * const perspectives[] = {
    "Colleague (role)", "Where they see me lead", "What they would like more of",
    "Grade-level peer", "Turning department data into two or three questions we can act on.",
    "Saying early when a plan will not work, instead of after the meeting.",
    "Special education teacher", "Checking that common assessments keep students’ accommodations.",
    "Inviting me before a decision is drafted, not after.",
    "Assistant principal", "Calm facilitation of the late-start PD sessions.",
    "Taking a visible role in the school improvement team.",
    "Instructional coach", "Opening your classroom to visitors and asking for feedback.",
    "Sharing what you learn from those visits with the whole department.",
    NULL
  };
  static const double ticket_widths[] = { 0.2, 0.4, 0.4 };
  static const char * const tickets[] = {
    "Day", "Objective and exit ticket", "Sorted responses and next step",
    "Mon", "Read CVC words with short e. Ticket: circle the picture that matches “bed”, “net”, “hen”.",
    "16 all correct; 5 chose “bid” for bed (e/i confusion); 1 no response.",
    "Tue", "Read CVC words with short i. Ticket: circle the picture for “pig”, “lid”, “fin”.",
    "15 all correct; the same 5 mixed e and i; 2 confused b and d.",
    "Wed", "Sort short e and short i words. Ticket: draw a line from each word to the egg or the igloo.",
    "Small group of 5 practised mouth shapes with mirrors; 4 of 5 sorted correctly on Thursday.",
    NULL
  };

  return write_lesson_plan (directory, error) &&
         write_student_work (directory, error) &&
         write_team_charter (directory, error) &&
         write_leadership_log (directory, error) &&
         write_short_document (directory, "conference-plan.pdf", "Student-led conference plan", "Marcus Delgado",
                               "Spring conferences for 24 second graders at Willow Slough Elementary School. "
                               "Every student leads, every family is offered a time and a language that works "
                               "for them.",
                               2, conference_widths, conference,
                               "Attendance: 20 of 24 families at the scheduled conferences; the other four met "
                               "in a follow-up call or visit within two weeks.", error) &&
         write_short_document (directory, "colleague-perspectives.pdf", "Colleague perspectives: summary",
                               "Elliot Garrity",
                               "Summary of the three-question survey answered by four colleagues in different roles "
                               "at Vermilion Ridge High School, October 2026. Names and raw responses are not "
                               "included, as the submission guidelines ask.",
                               3, perspective_widths, perspectives,
                               "Compared with my self-assessment: colleagues rated my facilitation higher than I "
                               "did, and all four named the same growth area, raising concerns early and openly.",
                               error) &&
         write_short_document (directory, "exit-tickets.pdf", "Three days of exit tickets: short e and short i",
                               "Mei-Lin Ochoa",
                               "First grade phonics, Prairie Lark Primary School, 22 students. Picture-based "
                               "exit tickets, one per day, sorted the same afternoon.",
                               3, ticket_widths, tickets,
                               "Next-day plan: the five students who confused short e and short i met with me "
                               "for ten minutes on Wednesday and Thursday while the class read with partners.",
                               error);
}
