"""Write samples/series/: three successive packs of one committee of our own (a fictional council's
Children and Young People Scrutiny Panel, March 2021, 2022 and 2023), so that the series views
(milestone_history, indicator_series, attendance) have meetings to line up. Each pack has an agenda
front sheet, the minutes of the panel's January meeting, a report cover sheet, an action plan with
milestones, an exception report for slipped milestones and a performance indicator table.

    python samples/make_series.py            # rewrites samples/series/*.txt
"""

from pathlib import Path

MEMBERS = "Councillors Okafor (Chair), Lindqvist (Vice-Chair), Patel, Moreau, Byrne and Ó Ceallaigh"

PACKS = [
    {
        "name": "norbridge-cyp-2021-03-16.txt",
        "date": "TUESDAY, 16TH MARCH, 2021",
        "issued": "Monday 8 March 2021",
        "minutes_date": "TUESDAY, 19 JANUARY 2021",
        "ref": "CYP",
        "present": "Councillors Okafor (Chair), Lindqvist (Vice-Chair), Patel, Byrne and Seán Ó Ceallaigh",
        "apologies": "Councillor Moreau",
        "report_date": "16th March 2021",
        "milestones": [
            ("1.01 Recruit permanent social workers", "Priya Shah", "Recruitment campaign launched", "01 Jan 2021", "31 Mar 2021", "Feb 2021 - On track", "Priya Shah"),
            ("", "", "Twelve posts filled", "01 Apr 2021", "30 Jun 2021", "Feb 2021 - Not started", "Priya Shah"),
            ("1.02 Audit open cases", "Tom Reilly", "Caseload audit completed", "01 Dec 2020", "28 Feb 2021", "Feb 2021 - Not achieved", "Tom Reilly"),
        ],
        "exceptions": [
            ("1.02", "Caseload audit completed", "Auditors were diverted to urgent referrals", "Two agency auditors appointed", "None", "May-21", "None"),
        ],
        "periods": ("2018 / 19", "2019 / 20", "Jan21"),
        "ni59": ("71.2%", "74.8%", "76.1%", "76.1%", "80%"),
        "ni60": ("62.0%", "65.5%", "66.0%", "66.0%", "70%"),
    },
    {
        "name": "norbridge-cyp-2022-03-15.txt",
        "date": "TUESDAY, 15TH MARCH, 2022",
        "issued": "Monday 7 March 2022",
        "minutes_date": "TUESDAY, 18 JANUARY 2022",
        "ref": "CYP",
        "present": "Councillors Okafor (Chair), Lindqvist (Vice-Chair), Patel and Byrne",
        "apologies": "Councillors Moreau and Sean O Ceallaigh",
        "report_date": "15th March 2022",
        "milestones": [
            ("1.01 Recruit permanent social workers", "Priya Shah", "Recruitment campaign launched", "01 Jan 2021", "31 Mar 2021", "Mar 2021 - Achieved", "Priya Shah"),
            ("", "", "Twelve posts filled", "01 Apr 2021", "31 Dec 2021", "Jan 2022 - Not achieved", "Priya Shah"),
            ("1.02 Audit open cases", "Tom Reilly", "Caseload audit completed", "01 Dec 2020", "31 May 2021", "Jun 2021 - Achieved", "Tom Reilly"),
        ],
        "exceptions": [
            ("1.01", "Twelve posts filled", "Eight of twelve posts filled; two offers withdrawn", "Second recruitment round", "Human Resources", "Jun-22", "None"),
        ],
        "periods": ("2019 / 20", "2020 / 21", "Jan22"),
        "ni59": ("74.8%", "77.3%", "79.0%", "79.0%", "80%"),
        "ni60": ("65.5%", "67.1%", "69.4%", "69.4%", "70%"),
    },
    {
        "name": "norbridge-cyp-2023-03-14.txt",
        "date": "TUESDAY, 14TH MARCH, 2023",
        "issued": "Monday 6 March 2023",
        "minutes_date": "TUESDAY, 17 JANUARY 2023",
        "ref": "CYP",
        "present": "Councillors Okafor (Chair), Lindqvist (Vice-Chair), Patel, Moreau and Ó Ceallaigh",
        "apologies": "Councillor Byrne",
        "report_date": "14th March 2023",
        "milestones": [
            ("1.01 Recruit permanent social workers", "Priya Shah", "Twelve posts filled", "01 Apr 2021", "30 Jun 2022", "Jul 2022 - Achieved", "Priya Shah"),
            ("1.03 Publish the sufficiency strategy", "Tom Reilly", "Strategy published", "01 Sep 2022", "31 Mar 2023", "Feb 2023 - On track", "Tom Reilly"),
        ],
        "exceptions": [],
        "periods": ("2020 / 21", "2021 / 22", "Jan23"),
        "ni59": ("77.3%", "81.5%", "82.2%", "82.2%", "80%"),
        "ni60": ("67.1%", "70.2%", "71.0%", "71.0%", "70%"),
    },
]


def agenda(p: dict) -> str:
    return f"""\
Children and Young People Scrutiny Panel

{p['date']} at 18:30 HRS - CIVIC CENTRE, HIGH ROAD, NORBRIDGE, NB1 4CC.

MEMBERS: {MEMBERS}

AGENDA

1. APOLOGIES FOR ABSENCE

2. DECLARATIONS OF INTEREST

Members are asked to declare any interest in an item on this agenda.

3. MINUTES (PAGES 1 - 2)

To confirm the minutes of the meeting held in January.

4. SAFEGUARDING IMPROVEMENT PLAN (PAGES 3 - 8)

To receive the report of the Director of Children's Services on progress with the improvement plan.

5. ANY OTHER BUSINESS

Jo Marsh
Democratic Services Officer
Tel: 01632 960 111
Email: jo.marsh@norbridge.example.gov.uk

{p['issued']}
"""


def minutes(p: dict) -> str:
    r = p["ref"]
    return f"""\
MINUTES OF THE CHILDREN AND YOUNG PEOPLE SCRUTINY PANEL
{p['minutes_date']}

{p['present']}

Apologies {p['apologies']}

Also Present: Priya Shah (Head of Safeguarding)

{r}01.\tAPOLOGIES FOR ABSENCE Apologies for absence were received from {p['apologies']}.
{r}02.\tDECLARATIONS OF INTEREST There were no declarations of interest.
{r}03.\tSAFEGUARDING IMPROVEMENT PLAN The Panel received the update introduced by Priya Shah (Head of Safeguarding). RESOLVED That the update be noted.

The meeting ended at 20:05

COUNCILLOR AMARA OKAFOR
Chair
"""


def report(p: dict) -> str:
    return f"""\
Norbridge Borough Council

Children and Young People Scrutiny Panel

On {p['report_date']}

Report Title: Safeguarding Improvement Plan - Progress

Report of Dana Whitfield, Director of Children's Services

Contact Officer : Priya Shah, Head of Safeguarding

Wards(s) affected: ALL

Report for: Non Key Decision

1. Purpose of the report

1.1. This report updates the Panel on the safeguarding improvement plan and its indicators.

2. Recommendations

2.1. To note progress against the plan's milestones.

3. Reason for recommendation(s)

3.1. The Panel monitors the plan at each March meeting.
"""


def action_plan(p: dict) -> str:
    head = "Action\tAction Lead\tMilestones\tPlanned Start Date\tDue Date\tStatus\tProgress Note\tMilestone Lead\tTheme"
    rows = []
    for action, lead, text, start, due, note, ms_lead in p["milestones"]:
        theme = "Workforce" if action.startswith("1.01") else ("Practice" if action else "")
        rows.append("\t".join([action, lead, text, start, due, "", note, ms_lead, theme]))
    return "Safeguarding Improvement Plan Milestone Report\n\n" + head + "\n" + "\n".join(rows) + "\n"


def exceptions(p: dict) -> str:
    if not p["exceptions"]:
        return ""
    head = ("Action Ref\tMilestone\tReason for Slippage\tActions to Achieve Milestone\tSupport Required\t"
            "Revised Completion Date\tOther Milestones Impacted")
    rows = ["\t".join(e) for e in p["exceptions"]]
    return "Safeguarding Improvement Plan Exception Report\n\n" + head + "\n" + "\n".join(rows) + "\n"


def indicators(p: dict) -> str:
    a, b, c = p["periods"]
    head = f"NI code\tNI description\t{a}\t{b}\t{c}\tTrend\tValue\tStatus\tTarget\tCommentary"
    n59 = p["ni59"]
    n60 = p["ni60"]
    return f"""\
Safeguarding Plan Performance Indicators report

1. Referral & Assessment

{head}
NI 59\tPercentage of initial assessments carried out within 7 working days of referral\t{n59[0]}\t{n59[1]}\t{n59[2]}\t▲\t{n59[3]}\t●\t{n59[4]}\tTimeliness continues to improve.
NI 60\tPercentage of core assessments carried out within 35 working days of their commencement\t{n60[0]}\t{n60[1]}\t{n60[2]}\t▲\t{n60[3]}\t●\t{n60[4]}\tImproving with the new workforce.
"""


def pack(p: dict) -> str:
    blank = "This page is intentionally left blank\n"
    parts = [agenda(p), blank, minutes(p), "\n\n\n" + report(p), "\n" + action_plan(p)]
    if p["exceptions"]:
        parts.append("\n" + exceptions(p))
    parts.append("\n" + indicators(p))
    return "\n".join(parts)


if __name__ == "__main__":
    folder = Path(__file__).with_name("series")
    folder.mkdir(exist_ok=True)
    for p in PACKS:
        (folder / p["name"]).write_text(pack(p), encoding="utf-8")
