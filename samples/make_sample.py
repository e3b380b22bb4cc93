"""Write samples/sample-pack.txt: a small committee pack of our own (a fictional council), in the
text-pack form a PDF-to-text conversion gives: an agenda front sheet, the minutes of the previous
meeting, a report with its cover sheet, and appendices (an action plan, a glossary).

    python samples/make_sample.py            # rewrites samples/sample-pack.txt
"""

from pathlib import Path

AGENDA = """\
Environment Scrutiny Panel

TUESDAY, 14TH MARCH, 2023 at 18:30 HRS - TOWN HALL, MARKET SQUARE, NORBRIDGE, NB1 2AA.

MEMBERS: Councillors Okafor (Chair), Lindqvist (Vice-Chair), Patel, Moreau and Byrne

Co-Optees: Mr T. Hale (Residents' Forum), Ms R Iqbal (Youth Council)

AGENDA

1. APOLOGIES FOR ABSENCE

2. DECLARATIONS OF INTEREST

Members are asked to declare any interest in an item on this agenda.

3. MINUTES (PAGES 1 - 2)

To confirm the minutes of the meeting held on 10th January 2023.

4. STREET TREE PLANTING PROGRAMME (PAGES 3 - 8)

To receive the report of the Director of Place on progress with the street tree programme.

5. ANY OTHER BUSINESS

Jo Marsh
Democratic Services Officer
Tel: 01632 960 111
Email: jo.marsh@norbridge.example.gov.uk

Monday 6 March 2023
"""

MINUTES = """\
MINUTES OF THE ENVIRONMENT SCRUTINY PANEL
TUESDAY, 10 JANUARY 2023

Councillors Okafor (Chair), Lindqvist (Vice-Chair), Patel and Byrne

Apologies Councillor Moreau

Also Present: Mr T. Hale (Residents' Forum)

ESP01.\tAPOLOGIES FOR ABSENCE Apologies for absence were received from Councillor Moreau.
ESP02.\tDECLARATIONS OF INTEREST There were no declarations of interest.
ESP03.\tSTREET TREE PLANTING PROGRAMME The Panel received the report introduced by Dana Whitfield (Director of Place). Officers would circulate the planting map to Panel Members before the next meeting. RESOLVED That the report be noted.

The meeting ended at 20:10

COUNCILLOR AMARA OKAFOR
Chair
"""

REPORT = """\
Norbridge Borough Council

Environment Scrutiny Panel

On 14th March 2023

Report Title: Street Tree Planting Programme 2022-24

Report of Dana Whitfield, Director of Place

Contact Officer : Sam Ortiz, Tree Officer

Wards(s) affected: ALL

Report for: Non Key Decision

1. Purpose of the report

1.1. This report updates the Panel on the street tree planting programme.

2. Recommendations

2.1. To note progress in planting against the programme milestones.
2.2. To note the revised completion date for the northern wards.

3. Reason for recommendation(s)

3.1. The Panel asked for a progress report at its January meeting.
"""

GLOSSARY = """\
Street Tree Programme - Glossary of Terms

NB\tNorbridge Borough
SLA\tService Level Agreement
TPO\tTree Preservation Order
"""

ACTION_PLAN = """\
Street Tree Programme Milestone Report

Action\tAction Lead\tMilestones\tPlanned Start Date\tDue Date\tStatus\tProgress Note\tMilestone Lead\tTheme
1.01 Plant trees in the southern wards\tDana Whitfield\tSites surveyed\t01 Sep 2022\t31 Oct 2022\t\tOct 2022 - Achieved\tSam Ortiz\tGreening
\t\tTrees planted\t01 Nov 2022\t31 Mar 2023\t\tFeb 2023 - On track\tSam Ortiz\t
1.02 Plant trees in the northern wards\tDana Whitfield\tSites surveyed\t01 Nov 2022\t31 Dec 2022\t\tJan 2023 - Not achieved\tSam Ortiz\tGreening
"""


def pack() -> str:
    blank = "This page is intentionally left blank\n"
    parts = [AGENDA, blank, MINUTES, "\n\n\n" + REPORT, "\n" + GLOSSARY, "\n" + ACTION_PLAN]
    return "\n".join(parts)


if __name__ == "__main__":
    Path(__file__).with_name("sample-pack.txt").write_text(pack(), encoding="utf-8")
