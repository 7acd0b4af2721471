import json, os, sys
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo
sys.path.insert(0, os.path.dirname(__file__))
from oracle import Rotation, restricted, timeline, UTC

OUT = sys.argv[1]
os.makedirs(os.path.join(OUT, "users"), exist_ok=True)

def write(name, data):
    with open(os.path.join(OUT, name), "w") as f:
        json.dump({"data": data, "took": 0.042, "requestId": "9ae63dd7-ed00-4c81-86f0-c4ffd33142c9"}, f, indent=2)
        f.write("\n")

U = {k: f"b5b92115-bfe7-43eb-8c2a-e467f2e5ddc{i}" for i, k in enumerate(["aylin", "bram", "chiara", "daichi", "elif"], 1)}
NAMES = {"aylin": ("Aylin Demir", "Europe/Istanbul"), "bram": ("Bram de Vries", "Europe/Amsterdam"),
         "chiara": ("Chiara Rossi", "Europe/Rome"), "daichi": ("Daichi Sato", "Asia/Tokyo"),
         "elif": ("Elif Kaya", "Europe/Istanbul")}
T1, T2 = "90098a19-8ae6-4bd0-a5f0-0c2f4a1b2c01", "90098a19-8ae6-4bd0-a5f0-0c2f4a1b2c02"
S1, S2 = "d875a1a0-0c53-4c8a-9b8a-2f4c31e0b101", "d875a1a0-0c53-4c8a-9b8a-2f4c31e0b102"
RW, RO, RD = "4a1f5e2c-7d3b-4f60-9d2e-1b0c8e6f7a01", "4a1f5e2c-7d3b-4f60-9d2e-1b0c8e6f7a02", "4a1f5e2c-7d3b-4f60-9d2e-1b0c8e6f7a03"
E1, E2 = "dc2bc2d1-8f4b-4a21-9d9e-0e8a7b6c5d01", "dc2bc2d1-8f4b-4a21-9d9e-0e8a7b6c5d02"

def user(k, contacts=None):
    name, tz = NAMES[k]
    d = {"blocked": False, "verified": True, "id": U[k], "username": name.lower().replace(" de ", ".de").replace(" ", ".") + "@example.com",
         "fullName": name, "role": {"id": "User", "name": "User"}, "timeZone": tz, "locale": "en_US",
         "userAddress": {"country": "", "state": "", "city": "", "line": "", "zipCode": ""},
         "createdAt": "2025-05-06T11:12:51.000Z"}
    if contacts is not None:
        d["userContacts"] = contacts
    return d

def contact(i, method, to, enabled=True):
    d = {"to": to, "id": f"c0ffee00-0000-4000-8000-00000000{i:04d}", "contactMethod": method, "enabled": enabled}
    if not enabled:
        d["disabledReason"] = "Deactivated by user"
    return d

contacts = {
 "aylin": [contact(1, "email", "aylin.demir@example.com"), contact(2, "sms", "90-5321234567"),
           contact(3, "voice", "90-5321234567"), contact(4, "mobile", "Aylin's iPhone")],
 "bram": [contact(5, "email", "bram.devries@example.com"), contact(6, "sms", "31-612345678")],
 "chiara": [contact(7, "email", "chiara.rossi@example.com"), contact(8, "sms", "39-3471234567", enabled=False)],
 "daichi": [contact(9, "email", "daichi.sato@example.com"), contact(10, "sms", "81-9012345678")],
 "elif": [contact(11, "email", "elif.kaya@example.com")],
}
f = open(os.path.join(OUT, "users.json"), "w")
json.dump({"totalCount": 5, "data": [user(k) for k in U], "paging": {"first": "https://api.opsgenie.com/v2/users?limit=100&offset=0", "last": "https://api.opsgenie.com/v2/users?limit=100&offset=0"},
           "took": 0.261, "requestId": "d2c50d0c-1c44-4fa5-99d4-20d1e7ca9938"}, f, indent=2); f.write("\n"); f.close()
for k in U:
    write(os.path.join("users", U[k] + ".json"), user(k, contacts[k]))

def member(k, role="user"):
    return {"user": {"id": U[k], "username": user(k)["username"]}, "role": role}
write("teams.json", [{"id": T1, "name": "SRE", "description": "Site reliability"},
                     {"id": T2, "name": "Support", "description": "Customer support engineering"}])
write(f"team-{T1}.json", {"id": T1, "name": "SRE", "description": "Site reliability",
                          "members": [member("aylin", "admin"), member("bram"), member("chiara"), member("daichi")]})
write(f"team-{T2}.json", {"id": T2, "name": "Support", "description": "Customer support engineering",
                          "members": [member("daichi", "admin"), member("elif")]})

AMS = "Europe/Amsterdam"
W0 = datetime(2026, 10, 19, 0, 0, tzinfo=UTC)
W1 = datetime(2026, 11, 2, 0, 0, tzinfo=UTC)
weekdays = Rotation([U["aylin"], U["bram"], U["chiara"]], AMS, datetime(2026, 9, 7, 9, 0), days=7)
outofhours = Rotation([U["daichi"], U["elif"]], AMS, datetime(2026, 9, 1, 18, 0), days=1)
business = [(d, 9 * 60, 9 * 60) for d in range(5)]
off = [(d, 18 * 60, 15 * 60) for d in range(4)] + [(4, 18 * 60, 63 * 60)]
ovr = [(U["elif"], datetime(2026, 10, 21, 10, 0, tzinfo=UTC), datetime(2026, 10, 21, 13, 0, tzinfo=UTC)),
       (U["aylin"], datetime(2026, 10, 24, 8, 0, tzinfo=UTC), datetime(2026, 10, 24, 18, 0, tzinfo=UTC))]
in_business = restricted(business, AMS)
final1 = timeline([(weekdays, in_business), (outofhours, restricted(off, AMS))], ovr, W0, W1)

def period(u, s, e, kind):
    return {"startDate": s.strftime("%Y-%m-%dT%H:%M:%SZ"), "endDate": e.strftime("%Y-%m-%dT%H:%M:%SZ"), "type": kind,
            "recipient": {"id": u, "type": "user", "name": user([k for k in U if U[k] == u][0])["username"]}}

def split(segments, rotations_of, overrides):
    """Cut the schedule's segments where the rotation in charge changes, and file them under it."""
    out = {}
    for (u, s, e) in segments:
        t = s
        while t < e:
            rot = rotations_of(t)
            n = t + timedelta(minutes=15)
            while n < e and rotations_of(n) == rot:
                n += timedelta(minutes=15)
            kind = "override" if any(os_ <= t < oe for (_, os_, oe) in overrides) else "default"
            out.setdefault(rot, []).append(period(u, t, n, kind))
            t = n
    return out

p1 = split(final1, lambda t: RW if in_business(t) else RO, ovr)
write(f"timeline-{S1}.json", {"_parent": {"id": S1, "name": "SRE_Schedule", "enabled": True},
      "startDate": "2026-10-19T00:00:00Z", "endDate": "2026-11-02T00:00:00Z",
      "finalTimeline": {"rotations": [{"id": RW, "name": "Weekdays", "order": 1.0, "periods": p1[RW]},
                                      {"id": RO, "name": "Out of hours", "order": 2.0, "periods": p1[RO]}]}})

TOKYO = "Asia/Tokyo"
day = Rotation([U["daichi"], U["aylin"]], TOKYO, datetime(2026, 10, 1, 6, 0), hours=8)
days16 = [(d, 6 * 60, 16 * 60) for d in range(7)]
final2 = timeline([(day, restricted(days16, TOKYO))], [], W0, W1)
write(f"timeline-{S2}.json", {"_parent": {"id": S2, "name": "Support_Schedule", "enabled": True},
      "startDate": "2026-10-19T00:00:00Z", "endDate": "2026-11-02T00:00:00Z",
      "finalTimeline": {"rotations": [{"id": RD, "name": "Day", "order": 1.0,
                                       "periods": [period(u, s, e, "default") for (u, s, e) in final2]}]}})

def p(k): return {"type": "user", "id": U[k], "username": user(k)["username"]}
def wd(a, ah, b, bh): return {"startDay": a, "startHour": ah, "startMin": 0, "endDay": b, "endHour": bh, "endMin": 0}
DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday"]
write("schedules.json", [
 {"id": S1, "name": "SRE_Schedule", "description": "Weekdays in Amsterdam, Support colleagues out of hours",
  "timezone": AMS, "enabled": True, "ownerTeam": {"id": T1, "name": "SRE"},
  "rotations": [
   {"id": RW, "name": "Weekdays", "startDate": "2026-09-07T07:00:00Z", "type": "weekly", "length": 1,
    "participants": [p("aylin"), p("bram"), p("chiara")],
    "timeRestriction": {"type": "weekday-and-time-of-day", "restrictions": [wd(d, 9, d, 18) for d in DAYS]}},
   {"id": RO, "name": "Out of hours", "startDate": "2026-09-01T16:00:00Z", "type": "daily", "length": 1,
    "participants": [p("daichi"), p("elif")],
    "timeRestriction": {"type": "weekday-and-time-of-day",
                        "restrictions": [wd(DAYS[i], 18, DAYS[i + 1], 9) for i in range(4)] + [wd("friday", 18, "monday", 9)]}}]},
 {"id": S2, "name": "Support_Schedule", "description": "Tokyo daytime", "timezone": TOKYO, "enabled": True,
  "ownerTeam": {"id": T2, "name": "Support"},
  "rotations": [
   {"id": RD, "name": "Day", "startDate": "2026-09-30T21:00:00Z", "type": "hourly", "length": 8,
    "participants": [p("daichi"), p("aylin")],
    "timeRestriction": {"type": "time-of-day", "restriction": {"startHour": 6, "startMin": 0, "endHour": 22, "endMin": 0}}}]},
])
write(f"overrides-{S1}.json", [
 {"alias": "aylin-covers-saturday", "user": p("aylin"), "startDate": "2026-10-24T08:00:00Z", "endDate": "2026-10-24T18:00:00Z",
  "rotations": [{"id": RO, "name": "Out of hours"}]},
 {"alias": "elif-wednesday-lunch", "user": p("elif"), "startDate": "2026-10-21T10:00:00Z", "endDate": "2026-10-21T13:00:00Z",
  "rotations": []},
])

def rule(cond, notify, delay, recipient):
    return {"condition": cond, "notifyType": notify, "delay": {"timeAmount": delay, "timeUnit": "minutes"}, "recipient": recipient}
write("escalations.json", [
 {"id": E1, "name": "SRE_Escalation", "description": "Schedule, then Chiara, then the team",
  "ownerTeam": {"id": T1, "name": "SRE"},
  "rules": [rule("if-not-acked", "default", 0, {"type": "schedule", "id": S1, "name": "SRE_Schedule"}),
            rule("if-not-acked", "default", 10, p("chiara")),
            rule("if-not-acked", "default", 10, {"type": "team", "id": T1, "name": "SRE"}),
            rule("if-not-acked", "next", 20, {"type": "schedule", "id": S1, "name": "SRE_Schedule"})],
  "repeat": {"waitInterval": 5, "count": 3, "resetRecipientStates": False, "closeAlertAfterAll": False}},
 {"id": E2, "name": "Support_Escalation", "description": "",
  "ownerTeam": {"id": T2, "name": "Support"},
  "rules": [rule("if-not-closed", "default", 5, {"type": "schedule", "id": S2, "name": "Support_Schedule"})],
  "repeat": {"waitInterval": 0, "count": 0, "resetRecipientStates": False, "closeAlertAfterAll": False}},
])
write(f"routing-rules-{T1}.json", [
 {"id": "8ee0a1b2-0000-4000-8000-000000000001", "name": "P1 straight to the schedule", "isDefault": False, "order": 0,
  "criteria": {"type": "match-all-conditions", "conditions": [{"field": "priority", "not": False, "operation": "equals", "expectedValue": "P1", "order": 0}]},
  "timezone": AMS, "notify": {"type": "schedule", "id": S1, "name": "SRE_Schedule"}},
 {"id": "8ee0a1b2-0000-4000-8000-000000000002", "name": "Default", "isDefault": True, "order": 1,
  "criteria": {"type": "match-all"}, "timezone": AMS, "notify": {"type": "escalation", "id": E1, "name": "SRE_Escalation"}},
])
write(f"routing-rules-{T2}.json", [
 {"id": "8ee0a1b2-0000-4000-8000-000000000003", "name": "Default", "isDefault": True, "order": 0,
  "criteria": {"type": "match-all"}, "timezone": TOKYO, "notify": {"type": "schedule", "id": S2, "name": "Support_Schedule"}},
])
write("integrations.json", [
 {"id": "0b1e7c1a-0000-4000-8000-000000000001", "name": "CloudWatch prod", "enabled": True, "type": "CloudWatch", "teamId": T1},
 {"id": "0b1e7c1a-0000-4000-8000-000000000002", "name": "Datadog", "enabled": True, "type": "Datadog", "teamId": T2},
 {"id": "0b1e7c1a-0000-4000-8000-000000000003", "name": "Default API", "enabled": True, "type": "API"},
])
print(len(final1), len(final2))
