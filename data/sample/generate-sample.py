#!/usr/bin/env python3
# Writes sample-register.json: a fictional register whose Leicestershire
# (855) summary on any date from 2026-04-01 to 2031-08-31 reproduces
# "Appendix B": 6 alliances; 9 MATs sponsoring 33 schools; 17 NLEs at
# 17 national support schools; 4 NLGs; 23 LLEs; no SLEs held.
# Every name, URN, postcode and address here is invented.
#
# Run: python3 data/sample/generate-sample.py > data/sample/sample-register.json
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import random
import sys

rng = random.Random(20261123)

PLACES = [
    "Ashby Parva", "Barrowden Vale", "Brackley Moor", "Burrow Hill", "Carlby Cross",
    "Charnley Heath", "Cosby Fields", "Dunmere", "Eastwell Grange", "Edgecote",
    "Fernhollow", "Fleckney Brook", "Gaddesby End", "Glenbrook", "Hallaton Green",
    "Harby Wold", "Hoby Mill", "Illston Ridge", "Kibworth Dale", "Kirkby Fen",
    "Langley Priory", "Launde Park", "Lowesby Vale", "Marefield", "Medbourne Lees",
    "Misterton Hey", "Nailstone Common", "Newbold Verdon Rise", "Noseley Cross", "Oadby Lings",
    "Owston Wood", "Peatling Parva Heath", "Pickwell", "Quenby Hall Lane", "Ratby Meadows",
    "Rearsby Brook", "Rolleston Hill", "Saddington Reach", "Scraptoft Dene", "Sheepy Magna Fold",
    "Shenton Vale", "Sibson Green", "Skeffington", "Smeeton Westerby", "Snarestone Lock",
    "Stapleford Park", "Stonesby", "Stretton Parva", "Swepstone", "Swinford Hollow",
    "Thorpe Satchville", "Thurlaston Rise", "Tilton Hill", "Tugby Fields", "Twycross Heath",
    "Ullesthorpe", "Walcote Lees", "Waltham Wolds", "Welham Mill", "Whatborough",
    "Wigston Parva", "Willoughby Waterleys", "Wistow Park", "Withcote", "Wymeswold Fields",
    "Wyfordby", "Carrow Dene", "Belton Moor", "Cold Newton", "Goadby Marwood",
    "Holwell Wood", "Knossington Vale",
]
CITY_PLACES = [
    "Abbey Mead", "Belgrave Fold", "Braunstone Vale", "Clarendon Rise", "Evington Brook",
    "Highfields Green", "Humberstone Lees", "Knighton Dale", "Rowley Fields", "Spinney Hill Park",
    "Stoneygate Heath", "Westcotes", "Aylestone Meadows", "Beaumont Lees", "New Parks Rise",
]
RUTLAND_PLACES = ["Ayston Hill", "Brooke Priory", "Exton Vale", "Lyndon Water", "Morcott Rise", "Teigh Fields"]

KINDS = [
    ("Primary School", "Primary"), ("Church of England Primary School", "Primary"),
    ("Community Primary School", "Primary"), ("Academy", "Secondary"),
    ("High School", "Secondary"), ("Infant School", "Primary"), ("Junior School", "Primary"),
    ("College", "Secondary"),
]

FIRST = ["Amelia", "Ben", "Catherine", "David", "Eleanor", "Farid", "Grace", "Harjit", "Imogen",
         "James", "Kiran", "Laura", "Mohammed", "Niamh", "Oliver", "Priya", "Rachel", "Samuel",
         "Tariq", "Una", "Victoria", "William", "Yasmin", "Zoe", "Alistair", "Bethan", "Connor",
         "Deborah", "Emeka", "Fiona", "Gareth", "Hannah", "Isaac", "Joanna", "Kwame", "Lucy",
         "Martin", "Nadia", "Owen", "Philippa", "Rajesh", "Sophie", "Thomas", "Wendy"]
LAST = ["Ashworth", "Bancroft", "Chaudhry", "Dalrymple", "Ellison", "Fairbairn", "Gillespie",
        "Hartley", "Iqbal", "Jennings", "Kershaw", "Lockwood", "Mistry", "Norcross", "Okafor",
        "Pemberton", "Quayle", "Radcliffe", "Sandhu", "Thornbury", "Underwood", "Varley",
        "Whitcombe", "Yardley", "Abbott", "Brennan", "Crowther", "Dutta", "Everett", "Fenwick",
        "Greaves", "Holloway", "Ingram", "Joshi", "Kaur", "Lomax", "Marsden", "Nkemelu"]

records = {k: [] for k in ["areas", "schools", "organisations", "alliances", "alliance_members",
                           "trusts", "trust_academies", "people", "designations", "deployments"]}
ids = {k: 0 for k in records}


def add(table, **fields):
    ids[table] += 1
    record = {"id": ids[table]}
    record.update(fields)
    records[table].append(record)
    return record


def school_fields(urn, name, area, phase, type_, status="open", open_date=None, close_date=None,
                  postcode=None, town=None, notes=None):
    return dict(urn=urn, name=name, area_id=area, phase=phase, type=type_, status=status,
                open_date=open_date, close_date=close_date, postcode=postcode, town=town, notes=notes)


leics = add("areas", code="855", name="Leicestershire")["id"]
city = add("areas", code="856", name="Leicester")["id"]
rutland = add("areas", code="857", name="Rutland")["id"]

urn = 990100


def new_school(place, area, postcode_prefix, **extra):
    global urn
    urn += rng.randint(3, 40)
    suffix, phase = rng.choice(KINDS)
    type_ = "Academy converter" if "Academy" in suffix or rng.random() < 0.5 else "Community school"
    postcode = "%s%d %d%s" % (postcode_prefix, rng.randint(1, 19), rng.randint(1, 9),
                              rng.choice(["QX", "ZJ", "XW", "JQ", "ZZ"]))
    fields = school_fields(str(urn), "%s %s" % (place, suffix), area, phase, type_,
                           open_date="%d-09-01" % rng.randint(1965, 2012), postcode=postcode,
                           town=place.split()[0])
    fields.update(extra)
    return add("schools", **fields)["id"]


leics_schools = [new_school(p, leics, "LE") for p in PLACES]
city_schools = [new_school(p, city, "LE") for p in CITY_PLACES]
rutland_schools = [new_school(p, rutland, "LE") for p in RUTLAND_PLACES]

# A closed school, still in its trust's books: not counted.
closed_school = new_school("Old Mill Lane", leics, "LE", status="closed",
                           open_date="1972-09-01", close_date="2023-07-31",
                           notes="Merged into a neighbouring school in 2023.")
# A school not yet open.
new_free_school = new_school("Harrowfield Free", leics, "LE", status="proposed-to-open",
                             open_date="2032-09-01")

# Partners
university = add("organisations", name="University of East Wolds", kind="university", area_id=city, notes=None)["id"]
la = add("organisations", name="Leicestershire County Council Education Service", kind="local-authority", area_id=leics, notes=None)["id"]
diocese = add("organisations", name="Diocese of Charnwood Vale (fictional)", kind="diocese", area_id=leics, notes=None)["id"]
chain = add("organisations", name="Brookside Learning Partnership", kind="academy-chain", area_id=leics, notes=None)["id"]
private = add("organisations", name="Brightpath Leadership Training Ltd", kind="private-sector", area_id=None, notes=None)["id"]
governance = add("organisations", name="Wolds Governance Network", kind="other", area_id=leics, notes=None)["id"]

AREAS_LED = ["initial-teacher-training", "professional-development", "school-support",
             "leadership-potential", "specialist-leaders", "research"]

# Alliances: six active in Leicestershire, one ended, one led from Leicester.
alliance_names = ["Charnwood Vale Teaching School Alliance", "Soar Valley Learning Alliance",
                  "North West Wolds Teaching School Alliance", "Harborough Schools Alliance",
                  "Hinckley and Bosworth Teaching Partnership", "Melton and Rutland Learning Alliance"]
used = set()
alliances = []
for i, name in enumerate(alliance_names):
    lead = leics_schools[i * 3]
    used.add(lead)
    a = add("alliances", name=name, lead_school_id=lead, designated_on="%d-04-01" % (2012 + i),
            ended_on=None, network="Leicestershire Teaching School Network" if i < 4 else None,
            notes=None)["id"]
    alliances.append(a)
    add("alliance_members", alliance_id=a, school_id=lead, organisation_id=None, role="teaching-school",
        leads_on=",".join(AREAS_LED), joined_on="%d-04-01" % (2012 + i), left_on=None)
    for j in range(1, 5):
        member = leics_schools[(i * 3 + j * 7) % len(leics_schools)]
        add("alliance_members", alliance_id=a, school_id=member, organisation_id=None,
            role="supported-school" if j % 2 else "member", leads_on=None,
            joined_on="%d-09-01" % (2013 + i), left_on=None)
    partner = [university, la, diocese, chain, private, university][i]
    add("alliance_members", alliance_id=a, school_id=None, organisation_id=partner, role="strategic-partner",
        leads_on=AREAS_LED[i] + ("," + AREAS_LED[(i + 2) % 6] if i % 2 == 0 else ""),
        joined_on="%d-01-01" % (2014 + i), left_on=None)

ended = add("alliances", name="Lutterworth Schools Alliance", lead_school_id=leics_schools[20],
            designated_on="2013-04-01", ended_on="2021-08-31", network=None,
            notes="Stood down in 2021; its schools joined other alliances.")["id"]
add("alliance_members", alliance_id=ended, school_id=leics_schools[20], organisation_id=None,
    role="teaching-school", leads_on="initial-teacher-training,research", joined_on="2013-04-01", left_on="2021-08-31")
city_alliance = add("alliances", name="City of Leicester Teaching School Alliance", lead_school_id=city_schools[0],
                    designated_on="2014-04-01", ended_on=None, network=None, notes=None)["id"]
add("alliance_members", alliance_id=city_alliance, school_id=city_schools[0], organisation_id=None,
    role="teaching-school", leads_on=",".join(AREAS_LED), joined_on="2014-04-01", left_on=None)
add("alliance_members", alliance_id=city_alliance, school_id=leics_schools[30], organisation_id=None,
    role="member", leads_on=None, joined_on="2016-09-01", left_on=None)

# Trusts: nine MATs holding 33 open Leicestershire schools between them.
mat_names = ["Wolds Learning Trust", "Soar Academy Trust", "Bradgate Park Schools Trust",
             "Foxton Locks Multi-Academy Trust", "Charnwood Forest Trust", "Welland Valley Schools Trust",
             "Sence Brook Academies", "Heart of the Shires Trust", "Eye Brook Learning Partnership"]
sizes = [6, 5, 5, 4, 4, 3, 2, 2, 2]   # 33 in all
pool = [s for s in leics_schools[18:] + leics_schools[1:18] if s not in used][:33]
assert len(pool) == 33
start = 0
mats = []
for i, (name, size) in enumerate(zip(mat_names, sizes)):
    t = add("trusts", name=name, kind="mat", companies_house_number="%08d" % (7100000 + i * 1371),
            gias_uid=str(15000 + i * 17), gias_group_id="TR%05d" % (3100 + i), status="open",
            opened_on="%d-0%d-01" % (2011 + i, 1 + i % 9), closed_on=None, notes=None)["id"]
    mats.append(t)
    for s in pool[start:start + size]:
        add("trust_academies", trust_id=t, school_id=s, joined_on="%d-09-01" % (2012 + i), left_on=None)
    start += size

# Across two areas: Leicester schools in a Leicestershire MAT count only in Leicester.
add("trust_academies", trust_id=mats[0], school_id=city_schools[3], joined_on="2016-09-01", left_on=None)
add("trust_academies", trust_id=mats[0], school_id=city_schools[4], joined_on="2017-09-01", left_on=None)
add("trust_academies", trust_id=mats[1], school_id=rutland_schools[1], joined_on="2018-09-01", left_on=None)
# Left its trust in 2022: not counted now.
add("trust_academies", trust_id=mats[2], school_id=leics_schools[0 + 3], joined_on="2014-09-01", left_on="2022-08-31")
# A closed school still listed in a trust.
add("trust_academies", trust_id=mats[3], school_id=closed_school, joined_on="2015-09-01", left_on=None)
# A free school that opens in 2032.
add("trust_academies", trust_id=mats[4], school_id=new_free_school, joined_on="2026-04-01", left_on=None)
# Single-academy trust and a MAT only in Leicester.
sat = add("trusts", name="Kibworth Dale Academy Trust", kind="sat", companies_house_number="07654321",
          gias_uid="15400", gias_group_id="TR03400", status="open", opened_on="2012-08-01",
          closed_on=None, notes=None)["id"]
add("trust_academies", trust_id=sat, school_id=leics_schools[61], joined_on="2012-08-01", left_on=None)
city_mat = add("trusts", name="Riverside City Schools Trust", kind="mat", companies_house_number="08123456",
               gias_uid="15410", gias_group_id="TR03410", status="open", opened_on="2015-01-01",
               closed_on=None, notes=None)["id"]
for s in city_schools[5:9]:
    add("trust_academies", trust_id=city_mat, school_id=s, joined_on="2015-09-01", left_on=None)
closed_mat = add("trusts", name="Former Quorn Valley Trust", kind="mat", companies_house_number="07000123",
                 gias_uid="15420", gias_group_id="TR03420", status="closed", opened_on="2012-01-01",
                 closed_on="2019-08-31", notes="Wound up in 2019; its schools moved to other trusts.")["id"]
add("trust_academies", trust_id=closed_mat, school_id=leics_schools[40], joined_on="2012-09-01", left_on="2019-08-31")

# People
names_used = set()


def person_name():
    while True:
        n = "%s %s" % (rng.choice(FIRST), rng.choice(LAST))
        if n not in names_used:
            names_used.add(n)
            return n


def email_for(n):
    return n.lower().replace(" ", ".") + "@example.org.uk"


def add_person(school=None, org=None, title="Headteacher"):
    n = person_name()
    return add("people", name=n, job_title=title, school_id=school, organisation_id=org,
               email=email_for(n), phone=None, notes=None)["id"]


def designate(person, role, start, end=None, by_school=None, by_alliance=None, specialisms=None):
    return add("designations", person_id=person, role=role, specialisms=specialisms,
               designated_by_school_id=by_school, designated_by_alliance_id=by_alliance,
               starts_on=start, ends_on=end)["id"]


def deploy(school, focus, commissioned_by, start, end, agreed, delivered, status,
           leader=None, by_school=None, outcome=None):
    add("deployments", school_id=school, supporter_designation_id=leader, supporter_school_id=by_school,
        focus=focus, commissioned_by=commissioned_by, starts_on=start, ends_on=end,
        days_agreed=agreed, days_delivered=delivered, status=status, outcome=outcome)


# 17 NLEs at 17 different Leicestershire schools: 17 national support schools.
nle_designations = []
lle_designations = []
nlg_designations = []

nle_schools = leics_schools[2:19]
for i, s in enumerate(nle_schools):
    p = add_person(school=s, title="Executive Headteacher" if i % 4 == 0 else "Headteacher")
    nle_designations.append(designate(p, "NLE", "%d-09-01" % (2011 + i % 10)))
# A deputy at one of those schools was an NLE until 2020: not counted now.
p = add_person(school=nle_schools[0], title="Deputy Headteacher")
designate(p, "NLE", "2012-09-01", "2020-08-31")
designate(p, "DHAH", "2010-09-01")
# An LLE who becomes an NLE in 2031: counted as an LLE until then.
p = add_person(school=leics_schools[50], title="Headteacher")
designate(p, "NLE", "2031-09-01")
designate(p, "LLE", "2019-09-01", "2031-08-31")
# NLEs elsewhere
city_nles = []
for s in city_schools[:3] + rutland_schools[:1]:
    p = add_person(school=s)
    city_nles.append(designate(p, "NLE", "2015-09-01"))

# 4 NLGs: chairs of governors (one based at an organisation in the county).
for s in leics_schools[25:28]:
    p = add_person(school=s, title="Chair of Governors")
    nlg_designations.append(designate(p, "NLG", "2016-01-01"))
p = add_person(org=governance, title="Governance Adviser")
designate(p, "NLG", "2018-04-01")
p = add_person(school=city_schools[9], title="Chair of Governors")
designate(p, "NLG", "2017-01-01")

# 22 more LLEs: 23 with the future NLE above.
for i, s in enumerate(leics_schools[28:50]):
    p = add_person(school=s)
    lle_designations.append(designate(p, "LLE", "%d-09-01" % (2012 + i % 9)))
# An LLE whose term ended: not counted.
p = add_person(school=leics_schools[51])
designate(p, "LLE", "2012-09-01", "2018-08-31")

# SLEs, lead practitioners and deputies: only outside the county's count
# (SLEs in Leicester) or in roles the summary leaves out by default.
for i, s in enumerate(city_schools[10:14]):
    p = add_person(school=s, title="Head of Mathematics" if i % 2 == 0 else "Assistant Headteacher")
    designate(p, "SLE", "2017-09-01", by_alliance=city_alliance,
              specialisms=["Mathematics", "Behaviour", "Initial teacher training", "Early years"][i])
for s in leics_schools[55:58]:
    p = add_person(school=s, title="Lead Practitioner")
    designate(p, "LP", "2019-09-01", by_alliance=alliances[0])
for s in leics_schools[58:61]:
    p = add_person(school=s, title="Deputy Headteacher")
    designate(p, "DHAH", "2018-09-01")
# Partner contacts with no designation
add_person(org=university, title="Director of Teacher Education")
add_person(org=la, title="School Improvement Adviser")

# Support deployments: who supported which school, for how long, and with
# what result. Leicestershire schools 61 to 70 are the ones supported; the
# summary's SUP and DEP rows are hidden by default, so Appendix B is as it was.
L = leics_schools
deploy(L[61], "Behaviour", "local-authority", "2024-09-02", "2025-07-18", 20, 18, "completed",
       leader=nle_designations[1],
       outcome="Exclusions fell by half over the year; the behaviour policy was rewritten with staff.")
deploy(L[62], "Leadership", "local-authority", "2025-09-01", "2026-07-31", 30, 30, "completed",
       leader=nle_designations[0],
       outcome="Leadership judged good at inspection in June 2026; the head now leads without support.")
deploy(L[62], "Governance", "local-authority", "2025-10-01", "2026-04-30", 5, 6, "completed",
       leader=nlg_designations[1],
       outcome="One extra day to help the board through the appointment of a new head teacher.")
deploy(L[63], "Mathematics", "department", "2026-01-05", "2027-07-23", 40, 14, "active",
       leader=nle_designations[3])
deploy(L[64], "Teaching and learning", "alliance", "2026-09-01", "2027-08-31", 25, 6, "active",
       by_school=nle_schools[5])
deploy(L[65], "Leadership", "alliance", "2026-09-01", "2027-07-16", 12, 3, "active",
       leader=lle_designations[0])
deploy(L[66], "Curriculum", "supported-school", "2025-11-01", "2026-03-31", 8, 5, "stopped-early",
       leader=lle_designations[4],
       outcome="The school joined a trust in March 2026 and the trust took the support on.")
deploy(L[67], "Governance", "local-authority", "2026-10-01", "2027-03-31", 6, 2, "active",
       leader=nlg_designations[0])
deploy(L[68], "Initial teacher training", "alliance", "2026-09-01", "2027-07-31", 10, 2, "active",
       by_school=L[0])
deploy(L[69], "Early years", "local-authority", "2027-01-11", "2027-04-01", 6, 0, "planned",
       leader=lle_designations[7])
deploy(L[70], "SEND", "other", "2026-02-01", "2026-11-30", 10, 10, "completed",
       leader=nle_designations[8],
       outcome="A new SEND register and provision map are in place and reviewed each term.")
deploy(city_schools[12], "Behaviour", "department", "2026-04-20", "2026-12-18", 20, 15, "active",
       leader=city_nles[0])

# A little history (issue 13), oldest first, as `export --with-history`
# writes it: the register built from GIAS and a spreadsheet of leaders in
# September 2026, then a few edits in the window by the coordinator and
# the local authority's officer.
def by_id(table, id_):
    return next(r for r in records[table] if r["id"] == id_)


def values(record):
    return {k: v for k, v in record.items() if k != "id" and v is not None}


def run(kind, table):
    ids = [r["id"] for r in records[table]]
    return {"kind": kind, "id": min(ids), "last_id": max(ids), "change": "added"}


def entry(at, user, source, changes, files=None):
    e = {"at": at, "user": user, "source": source}
    if files:
        e["files"] = files
    counts = {"added": 0, "updated": 0, "ended": 0, "deleted": 0}
    for c in changes:
        counts[c["change"]] += c["last_id"] - c["id"] + 1 if "last_id" in c else 1
    e.update(counts)
    e["changes"] = changes
    return e


renamed = by_id("schools", 6)
promoted = by_id("people", 1)
assert by_id("designations", 1)["person_id"] == promoted["id"]
lapsed = by_id("designations", 53)
duplicate_id = max(r["id"] for r in records["people"]) + 1
history = [
    entry("2026-09-07T08:41:15Z", "ahartley", "import-gias",
          [run("area", "areas"), run("school", "schools"), run("trust", "trusts"),
           run("trust_academy", "trust_academies")],
          files=["edubasealldata20260907.csv", "allgroupsdata20260907.csv",
                 "alllinksdata20260907.csv"]),
    entry("2026-09-08T10:15:02Z", "ahartley", "import-table",
          [run("person", "people"), run("designation", "designations")],
          files=["system-leaders-2026.csv"]),
    entry("2026-09-09T14:30:44Z", "ahartley", "window",
          [{"kind": "alliance", "id": 1, "change": "added", "new": values(by_id("alliances", 1))}]
          + [{"kind": "alliance_member", "id": m["id"], "change": "added", "new": values(m)}
             for m in records["alliance_members"] if m["alliance_id"] == 1]),
    entry("2026-10-02T09:05:31Z", "ahartley", "window",
          [{"kind": "school", "id": renamed["id"], "change": "updated",
            "old": {"name": renamed["name"].replace(" Infant School", " Infants")},
            "new": {"name": renamed["name"]}}]),
    entry("2026-10-02T09:07:10Z", "ahartley", "window",
          [{"kind": "person", "id": promoted["id"], "change": "updated",
            "old": {"job_title": "Headteacher"}, "new": {"job_title": promoted["job_title"]}}]),
    entry("2026-11-12T16:20:09Z", "mpatel", "window",
          [{"kind": "designation", "id": lapsed["id"], "change": "ended",
            "old": {"ends_on": None}, "new": {"ends_on": lapsed["ends_on"]}}]),
    # a leader entered twice; deleting the copy took its designation with it
    entry("2026-11-20T11:47:58Z", "mpatel", "window",
          [{"kind": "designation", "id": max(r["id"] for r in records["designations"]) + 1,
            "change": "deleted",
            "old": {"person_id": duplicate_id, "role": by_id("designations", 1)["role"],
                    "starts_on": by_id("designations", 1)["starts_on"]}},
           {"kind": "person", "id": duplicate_id, "change": "deleted",
            "old": {"name": promoted["name"], "job_title": "Headteacher",
                    "school_id": promoted["school_id"], "email": promoted["email"]}}]),
]

doc = {"format": "alliance-register", "version": 2}
doc.update(records)
doc["history"] = history
json.dump(doc, sys.stdout, indent=2, ensure_ascii=False)
sys.stdout.write("\n")
