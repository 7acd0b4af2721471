import json, os, sys
from datetime import datetime, timedelta, timezone
sys.path.insert(0, os.path.dirname(__file__))
from oracle import Rotation, restricted, timeline, UTC

OUT = sys.argv[1]
os.makedirs(OUT, exist_ok=True)

U = {
 "ana": "4b1a6f1e-2c1d-4d58-9a57-0b7a1c3e5a01",
 "ben": "4b1a6f1e-2c1d-4d58-9a57-0b7a1c3e5a02",
 "chloe": "4b1a6f1e-2c1d-4d58-9a57-0b7a1c3e5a03",
 "dev": "4b1a6f1e-2c1d-4d58-9a57-0b7a1c3e5a04",
 "eve": "4b1a6f1e-2c1d-4d58-9a57-0b7a1c3e5a05",
}
R1, R2, R3 = ("9d5c2e4a-7f31-4c1b-8e2a-3f6b1d0c7a11", "9d5c2e4a-7f31-4c1b-8e2a-3f6b1d0c7a12",
              "9d5c2e4a-7f31-4c1b-8e2a-3f6b1d0c7a13")
S1, S2 = "c2e8a6b4-1f3d-4e5a-9b7c-6d2f8a0e4b21", "c2e8a6b4-1f3d-4e5a-9b7c-6d2f8a0e4b22"
EP1, EP2 = "e1f2a3b4-c5d6-4e7f-8a9b-0c1d2e3f4a31", "e1f2a3b4-c5d6-4e7f-8a9b-0c1d2e3f4a32"

def z(t): return t.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")

def cm(id, name, type, value, disabled=False, dest=None):
    d = {"id": id, "name": name, "disabled": disabled}
    if dest:
        d["dest"] = dest
    else:
        d["type"] = type
        d["value"] = value
    return d

users = [
 {"id": U["ana"], "name": "Ana Souza", "email": "ana.souza@example.com", "role": "user",
  "contactMethods": [
     cm("7c0e0001-0000-4000-8000-000000000001", "Mobile", None, None,
        dest={"type": "builtin-twilio-sms", "args": {"phone_number": "+5511912345678"}}),
     cm("7c0e0001-0000-4000-8000-000000000002", "Work", None, None,
        dest={"type": "builtin-smtp-email", "args": {"email_address": "ana.souza@example.com"}}),
     cm("7c0e0001-0000-4000-8000-000000000003", "Mobile voice", None, None,
        dest={"type": "builtin-twilio-voice", "args": {"phone_number": "+5511912345678"}}),
     cm("7c0e0001-0000-4000-8000-000000000004", "Slack", None, None,
        dest={"type": "builtin-slack-dm", "args": {"slack_user_id": "U07ANA0001"}})],
  "notificationRules": [
     {"id": "8a0e0001-0000-4000-8000-000000000001", "delayMinutes": 0, "contactMethodID": "7c0e0001-0000-4000-8000-000000000001"},
     {"id": "8a0e0001-0000-4000-8000-000000000002", "delayMinutes": 5, "contactMethodID": "7c0e0001-0000-4000-8000-000000000003"}]},
 {"id": U["ben"], "name": "Ben Fischer", "email": "ben.fischer@example.com", "role": "admin",
  "contactMethods": [
     cm("7c0e0002-0000-4000-8000-000000000001", "Handy", "SMS", "+4915112345601"),
     cm("7c0e0002-0000-4000-8000-000000000002", "Pager bridge", "WEBHOOK", "https://hooks.example.com/page/ben"),
     cm("7c0e0002-0000-4000-8000-000000000003", "Old mail", "EMAIL", "ben@old.example.com", disabled=True)],
  "notificationRules": [{"id": "8a0e0002-0000-4000-8000-000000000001", "delayMinutes": 0, "contactMethodID": "7c0e0002-0000-4000-8000-000000000001"}]},
 {"id": U["chloe"], "name": "Chloé Dubois", "email": "chloe.dubois@example.com", "role": "user",
  "contactMethods": [cm("7c0e0003-0000-4000-8000-000000000001", "Work", "EMAIL", "chloe.dubois@example.com")],
  "notificationRules": [{"id": "8a0e0003-0000-4000-8000-000000000001", "delayMinutes": 0, "contactMethodID": "7c0e0003-0000-4000-8000-000000000001"}]},
 {"id": U["dev"], "name": "Dev Patel", "email": "dev.patel@example.com", "role": "user",
  "contactMethods": [cm("7c0e0004-0000-4000-8000-000000000001", "Mobile", "SMS", "+919812300001")],
  "notificationRules": [{"id": "8a0e0004-0000-4000-8000-000000000001", "delayMinutes": 0, "contactMethodID": "7c0e0004-0000-4000-8000-000000000001"}]},
 {"id": U["eve"], "name": "Eve Laurent", "email": "eve.laurent@example.com", "role": "user",
  "contactMethods": [cm("7c0e0005-0000-4000-8000-000000000001", "Work", "EMAIL", "eve.laurent@example.com"),
                     cm("7c0e0005-0000-4000-8000-000000000002", "Lab hook", "WEBHOOK", "http://lab.example.com/hook")],
  "notificationRules": [{"id": "8a0e0005-0000-4000-8000-000000000001", "delayMinutes": 0, "contactMethodID": "7c0e0005-0000-4000-8000-000000000001"}]},
]

W0 = datetime(2026, 3, 23, 0, 0, tzinfo=UTC)
W1 = datetime(2026, 4, 6, 0, 0, tzinfo=UTC)

# r1: weekly, Berlin, hands off Monday 08:00; GoAlert's state: Ben's turn began 2026-03-23 08:00 Berlin.
r1 = Rotation([U["ben"], U["chloe"], U["ana"]], "Europe/Berlin", datetime(2026, 3, 2, 8, 0), days=7)
# r2: 12-hour turns in Kolkata at 09:00 and 21:00; Dev's turn is on, ending 2026-03-23 21:00 IST.
r2 = Rotation([U["dev"], U["eve"]], "Asia/Kolkata", datetime(2026, 3, 22, 9, 0), hours=12)
rotations = [
 {"id": R1, "name": "EU Weekly", "description": "Business hours in Berlin", "timeZone": "Europe/Berlin",
  "type": "weekly", "shiftLength": 1, "start": "2026-01-05T07:00:00Z", "activeUserIndex": 1,
  "userIDs": [U["ana"], U["ben"], U["chloe"]], "nextHandoffTimes": ["2026-03-30T06:00:00Z", "2026-04-06T06:00:00Z"]},
 {"id": R2, "name": "Nights from Pune", "description": "", "timeZone": "Asia/Kolkata",
  "type": "hourly", "shiftLength": 12, "start": "2026-01-01T03:30:00Z", "activeUserIndex": 0,
  "userIDs": [U["dev"], U["eve"]], "nextHandoffTimes": ["2026-03-23T15:30:00Z", "2026-03-24T03:30:00Z"]},
 {"id": R3, "name": "Managers monthly", "description": "", "timeZone": "Europe/Paris",
  "type": "monthly", "shiftLength": 1, "start": "2026-01-01T08:00:00Z", "activeUserIndex": 0,
  "userIDs": [U["chloe"], U["ana"]], "nextHandoffTimes": ["2026-04-01T07:00:00Z"]},
]

business = [(d, 8 * 60, 12 * 60) for d in range(5)]
nights = [(d, 20 * 60, 12 * 60) for d in range(7)] + [(d, 8 * 60, 12 * 60) for d in (5, 6)]
replace = (U["eve"], datetime(2026, 3, 25, 9, 0, tzinfo=UTC), datetime(2026, 3, 25, 12, 0, tzinfo=UTC))

def goalert_shifts(layers, overrides):
    segs = timeline(layers, overrides, W0 - timedelta(days=3), W1)
    out = []
    for (u, s, e) in segs:
        if e <= W0:
            continue
        out.append({"userID": u, "start": z(s), "end": z(e), "truncated": e >= W1})
    return out

s1_shifts = goalert_shifts([(r1, restricted(business, "Europe/Berlin")), (r2, restricted(nights, "Europe/Berlin"))],
                           [replace])
always_dev = Rotation([U["dev"]], "UTC", datetime(2000, 1, 3), days=7)
temp = [(U["eve"], datetime(2026, 3, 30, tzinfo=UTC), datetime(2026, 3, 31, tzinfo=UTC)),
        (U["chloe"], datetime(2026, 3, 31, tzinfo=UTC), datetime(2026, 4, 1, tzinfo=UTC))]
s2_shifts = goalert_shifts([(always_dev, None)], temp)

wd = lambda days: [d in days for d in range(7)]   # Sunday first
schedules = [
 {"id": S1, "name": "EU Primary", "description": "Berlin business hours, Pune nights and weekends",
  "timeZone": "Europe/Berlin",
  "targets": [
    {"target": {"id": R1, "type": "rotation", "name": "EU Weekly"},
     "rules": [{"start": "08:00", "end": "20:00", "weekdayFilter": wd({1, 2, 3, 4, 5})}]},
    {"target": {"id": R2, "type": "rotation", "name": "Nights from Pune"},
     "rules": [{"start": "20:00", "end": "08:00", "weekdayFilter": wd({0, 1, 2, 3, 4, 5, 6})},
               {"start": "08:00", "end": "20:00", "weekdayFilter": wd({0, 6})}]}],
  "temporarySchedules": [],
  "onCallNotificationRules": [{"id": "0f0e0001-0000-4000-8000-000000000001"}],
  "shifts": s1_shifts},
 {"id": S2, "name": "Database", "description": "Dev owns the database", "timeZone": "UTC",
  "targets": [{"target": {"id": U["dev"], "type": "user", "name": "Dev Patel"},
               "rules": [{"start": "00:00", "end": "00:00", "weekdayFilter": wd(set(range(7)))}]}],
  "temporarySchedules": [{"start": "2026-03-30T00:00:00Z", "end": "2026-04-01T00:00:00Z",
                          "shifts": [{"userID": u, "start": z(s), "end": z(e)} for (u, s, e) in temp]}],
  "onCallNotificationRules": [],
  "shifts": s2_shifts},
]

overrides = [
 {"id": "5e0e0001-0000-4000-8000-000000000001", "start": z(replace[1]), "end": z(replace[2]),
  "addUserID": U["eve"], "removeUserID": U["ben"], "target": {"id": S1, "type": "schedule", "name": "EU Primary"}},
 {"id": "5e0e0001-0000-4000-8000-000000000002", "start": "2026-04-10T08:00:00Z", "end": "2026-04-10T16:00:00Z",
  "addUserID": U["chloe"], "removeUserID": "", "target": {"id": S1, "type": "schedule", "name": "EU Primary"}},
]

policies = [
 {"id": EP1, "name": "EU Primary", "description": "Schedule, then Chloé, then the managers", "repeat": 2,
  "steps": [
    {"id": "3a0e0001-0000-4000-8000-000000000001", "stepNumber": 0, "delayMinutes": 5,
     "targets": [{"id": S1, "type": "schedule", "name": "EU Primary"}]},
    {"id": "3a0e0001-0000-4000-8000-000000000002", "stepNumber": 1, "delayMinutes": 15,
     "targets": [{"id": U["chloe"], "type": "user", "name": "Chloé Dubois"},
                 {"id": "C024BE91L", "type": "slackChannel", "name": "#eu-oncall"}]},
    {"id": "3a0e0001-0000-4000-8000-000000000003", "stepNumber": 2, "delayMinutes": 30,
     "targets": [{"id": R3, "type": "rotation", "name": "Managers monthly"}]}]},
 {"id": EP2, "name": "Database", "description": "", "repeat": 0,
  "steps": [
    {"id": "3a0e0002-0000-4000-8000-000000000001", "stepNumber": 0, "delayMinutes": 10,
     "actions": [{"type": "builtin-schedule", "args": {"schedule_id": S2}}]},
    {"id": "3a0e0002-0000-4000-8000-000000000002", "stepNumber": 1, "delayMinutes": 10,
     "actions": [{"type": "builtin-user", "args": {"user_id": U["ana"]}}]}]},
]
services = [
 {"id": "b7e0c1d2-0000-4000-8000-000000000041", "name": "Checkout EU", "description": "Checkout in eu-central-1",
  "escalationPolicyID": EP1,
  "integrationKeys": [{"id": "a1e0c1d2-0000-4000-8000-000000000051", "type": "generic", "name": "CloudWatch via SNS"}],
  "heartbeatMonitors": [{"id": "a1e0c1d2-0000-4000-8000-000000000061", "name": "nightly-export", "timeoutMinutes": 1500}],
  "labels": [{"key": "team", "value": "checkout"}]},
 {"id": "b7e0c1d2-0000-4000-8000-000000000042", "name": "Postgres", "description": "", "escalationPolicyID": EP2,
  "integrationKeys": [{"id": "a1e0c1d2-0000-4000-8000-000000000052", "type": "prometheusAlertmanager", "name": "Alertmanager"}],
  "heartbeatMonitors": [], "labels": []},
]

def conn(nodes): return {"nodes": nodes, "pageInfo": {"endCursor": None, "hasNextPage": False}}
data = {"data": {"users": conn(users), "rotations": conn(rotations), "schedules": conn(schedules),
                 "escalationPolicies": conn(policies), "services": conn(services), "userOverrides": conn(overrides)}}
with open(os.path.join(OUT, "goalert-export.json"), "w") as f:
    json.dump(data, f, indent=2, ensure_ascii=False)
    f.write("\n")
print(len(s1_shifts), len(s2_shifts))
for s in s1_shifts[:12]: print(s)
