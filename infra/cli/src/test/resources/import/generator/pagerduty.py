import json, os, sys
from datetime import datetime, timedelta, timezone
sys.path.insert(0, os.path.dirname(__file__))
from oracle import Rotation, restricted, timeline, UTC

OUT = sys.argv[1]
os.makedirs(OUT, exist_ok=True)
API = "https://api.pagerduty.com"
WEB = "https://acme.pagerduty.com"

def ref(kind, id, summary, path):
    return {"id": id, "type": kind + "_reference", "summary": summary, "self": f"{API}/{path}/{id}",
            "html_url": f"{WEB}/{path}/{id}"}

def user_ref(id, name): return ref("user", id, name, "users")
def team_ref(id, name): return ref("team", id, name, "teams")
def sched_ref(id, name): return ref("schedule", id, name, "schedules")
def ep_ref(id, name): return ref("escalation_policy", id, name, "escalation_policies")

def page(key, items):
    return {key: items, "limit": 100, "offset": 0, "more": False, "total": None}

def write(name, obj):
    with open(os.path.join(OUT, name), "w") as f:
        json.dump(obj, f, indent=2)
        f.write("\n")

CHECKOUT = team_ref("PT4KHLK", "Checkout")
PLATFORM = team_ref("PQ9K7I8", "Platform")
people = {
    "PAL1CE0": ("Alice Martin", "alice.martin@example.com", "Europe/Paris", [CHECKOUT]),
    "PB0B3K1": ("Bob Keller", "bob.keller@example.com", "America/New_York", [CHECKOUT]),
    "PC4R0LH": ("Carol Hughes", "carol.hughes@example.com", "Europe/London", [CHECKOUT]),
    "PD4VE0K": ("Dave Okafor", "dave.okafor@example.com", "America/New_York", [CHECKOUT, PLATFORM]),
    "PER1N1Y": ("Erin Iyer", "erin.iyer@example.com", "Asia/Kolkata", [PLATFORM]),
}

def cm(uid, id, type, label, address, **extra):
    d = {"id": id, "type": type, "summary": label, "self": f"{API}/users/{uid}/contact_methods/{id}",
         "html_url": None, "label": label, "address": address}
    d.update(extra)
    return d

contacts = {
    "PAL1CE0": [cm("PAL1CE0", "PEMAL01", "email_contact_method", "Work", "alice.martin@example.com", send_short_email=False),
                cm("PAL1CE0", "PSMSA01", "sms_contact_method", "Mobile", "612345678", country_code=33, enabled=True, blacklisted=False),
                cm("PAL1CE0", "PPHNA01", "phone_contact_method", "Mobile", "612345678", country_code=33, enabled=True, blacklisted=False),
                cm("PAL1CE0", "PPSHA01", "push_notification_contact_method", "Pixel 8", "c3a1f0e2d4b5", device_type="android", blacklisted=False)],
    "PB0B3K1": [cm("PB0B3K1", "PEMLB01", "email_contact_method", "Work", "bob.keller@example.com", send_short_email=False),
                cm("PB0B3K1", "PSMSB01", "sms_contact_method", "Mobile", "2125550101", country_code=1, enabled=True, blacklisted=False)],
    "PC4R0LH": [cm("PC4R0LH", "PEMLC01", "email_contact_method", "Work", "carol.hughes@example.com", send_short_email=False)],
    "PD4VE0K": [cm("PD4VE0K", "PEMLD01", "email_contact_method", "Work", "dave.okafor@example.com", send_short_email=False),
                cm("PD4VE0K", "PSMSD01", "sms_contact_method", "Mobile", "2125550143", country_code=1, enabled=True, blacklisted=False)],
    "PER1N1Y": [cm("PER1N1Y", "PEMLE01", "email_contact_method", "Work", "erin.iyer@example.com", send_short_email=False),
                cm("PER1N1Y", "PWAPE01", "whatsapp_contact_method", "WhatsApp", "9812345678", country_code=91, enabled=True, blacklisted=False)],
}

def rule(uid, id, delay, method, urgency="high"):
    return {"id": id, "type": "assignment_notification_rule", "summary": f"{delay} minutes: channel {method['id']}",
            "self": f"{API}/users/{uid}/notification_rules/{id}", "html_url": None, "start_delay_in_minutes": delay,
            "contact_method": {"id": method["id"], "type": method["type"] + "_reference", "summary": method["label"],
                               "self": method["self"], "html_url": None},
            "created_at": "2025-11-04T10:12:30-05:00", "urgency": urgency}

rules = {
    "PAL1CE0": [rule("PAL1CE0", "PNRA001", 0, contacts["PAL1CE0"][1]), rule("PAL1CE0", "PNRA002", 5, contacts["PAL1CE0"][2])],
    "PB0B3K1": [rule("PB0B3K1", "PNRB001", 0, contacts["PB0B3K1"][1])],
}

users = []
for uid, (name, email, tz, teams) in people.items():
    users.append({"id": uid, "type": "user", "summary": name, "self": f"{API}/users/{uid}", "html_url": f"{WEB}/users/{uid}",
                  "name": name, "email": email, "time_zone": tz, "color": "green", "role": "user",
                  "avatar_url": "https://secure.gravatar.com/avatar/0.png?d=mm&r=PG", "description": None,
                  "invitation_sent": False, "created_via_sso": False, "job_title": "Engineer",
                  "contact_methods": contacts[uid], "notification_rules": rules.get(uid, []), "teams": teams})
write("users.json", page("users", users))
write("teams.json", page("teams", [
    {"id": "PT4KHLK", "type": "team", "summary": "Checkout", "self": f"{API}/teams/PT4KHLK", "html_url": f"{WEB}/teams/PT4KHLK",
     "name": "Checkout", "description": "Checkout API and payments front end"},
    {"id": "PQ9K7I8", "type": "team", "summary": "Platform", "self": f"{API}/teams/PQ9K7I8", "html_url": f"{WEB}/teams/PQ9K7I8",
     "name": "Platform", "description": "Shared infrastructure"}]))

U = {uid: user_ref(uid, people[uid][0]) for uid in people}
SINCE = datetime(2026, 3, 2, 5, 0, tzinfo=UTC)    # Mon 2026-03-02 00:00 New York (EST)
UNTIL = datetime(2026, 3, 16, 4, 0, tzinfo=UTC)   # Mon 2026-03-16 00:00 New York (EDT)

def iso(t, tz):
    from zoneinfo import ZoneInfo
    return t.astimezone(ZoneInfo(tz)).isoformat()

# --- Checkout Primary: business hours on top (daily turns, Mon-Fri 09:00-17:00), weekly backstop below.
NY = "America/New_York"
business = Rotation(["PC4R0LH", "PAL1CE0"], NY, datetime(2026, 2, 2, 9, 0), days=1)
weekly = Rotation(["PAL1CE0", "PB0B3K1", "PD4VE0K"], NY, datetime(2026, 1, 5, 9, 0), days=7)
weekdays = [(d, 9 * 60, 8 * 60) for d in range(5)]
overrides1 = [("PB0B3K1", datetime(2026, 3, 10, 22, 0, tzinfo=UTC), datetime(2026, 3, 11, 13, 0, tzinfo=UTC))]
entries1 = timeline([(business, restricted(weekdays, NY)), (weekly, None)], overrides1, SINCE, UNTIL)

def entry(uid, s, e, tz):
    return {"start": iso(s, tz), "end": iso(e, tz), "user": U[uid]}

def layer(id, name, start, vstart, turn, users_, restrictions, end=None, rendered=None, tz=NY):
    d = {"name": name, "rendered_schedule_entries": rendered or [], "rendered_coverage_percentage": None, "id": id,
         "start": start, "end": end, "rotation_virtual_start": vstart, "rotation_turn_length_seconds": turn,
         "users": [{"user": U[u]} for u in users_], "restrictions": restrictions}
    return d

def schedule(id, name, tz, desc, layers, final, overrides_sub, teams, eps):
    return {"schedule": {"id": id, "type": "schedule", "summary": name, "self": f"{API}/schedules/{id}",
            "html_url": f"{WEB}/schedules/{id}", "name": name, "time_zone": tz, "description": desc,
            "escalation_policies": eps, "users": [], "teams": teams, "schedule_layers": layers,
            "overrides_subschedule": {"name": "Overrides", "rendered_schedule_entries": overrides_sub,
                                      "rendered_coverage_percentage": None},
            "final_schedule": {"name": "Final Schedule", "rendered_schedule_entries": final,
                               "rendered_coverage_percentage": None}}}

write("schedule-PSCHED1.json", schedule("PSCHED1", "Checkout Primary", NY, "Business hours, then the weekly backstop", [
    layer("PLAYB02", "Business hours", "2026-02-02T09:00:00-05:00", "2026-02-02T09:00:00-05:00", 86400,
          ["PC4R0LH", "PAL1CE0"],
          [{"type": "weekly_restriction", "start_time_of_day": "09:00:00", "duration_seconds": 28800, "start_day_of_week": d}
           for d in range(1, 6)]),
    layer("PLAYW01", "Weekly backstop", "2026-01-05T09:00:00-05:00", "2026-01-05T09:00:00-05:00", 604800,
          ["PAL1CE0", "PB0B3K1", "PD4VE0K"], []),
], [entry(u, s, e, NY) for (u, s, e) in entries1],
   [entry(u, s, e, NY) for (u, s, e) in overrides1], [CHECKOUT], [ep_ref("PEPCHK1", "Checkout")]))
write("overrides-PSCHED1.json", {"overrides": [
    {"id": "PQ47DCP", "start": iso(overrides1[0][1], NY), "end": iso(overrides1[0][2], NY), "user": U["PB0B3K1"]}]})

# --- Platform: 12-hour turns in Kolkata on top; a 90-minute layer below it (never shows); an ended layer.
IST = "Asia/Kolkata"
twelve = Rotation(["PD4VE0K", "PER1N1Y"], IST, datetime(2026, 2, 28, 20, 0), hours=12)
entries2 = timeline([(twelve, None)], [], SINCE, UNTIL)
write("schedule-PSCHED2.json", schedule("PSCHED2", "Platform", IST, "Around the clock in two halves", [
    layer("PLAY12H", "Twelve hours", "2026-02-28T20:00:00+05:30", "2026-02-28T20:00:00+05:30", 43200,
          ["PD4VE0K", "PER1N1Y"], [], tz=IST),
    layer("PLAY90M", "Ninety minutes", "2026-03-01T00:00:00+05:30", "2026-03-01T00:00:00+05:30", 5400,
          ["PER1N1Y", "PD4VE0K"], [], tz=IST),
    layer("PLAYOLD", "Before the reorganisation", "2025-06-01T08:00:00+05:30", "2025-06-01T08:00:00+05:30", 259200,
          ["PD4VE0K", "PER1N1Y", "PB0B3K1"], [], end="2026-02-28T20:00:00+05:30", tz=IST),
], [entry(u, s, e, IST) for (u, s, e) in entries2], [], [PLATFORM], [ep_ref("PEPPLT1", "Platform")]))

write("escalation_policies.json", page("escalation_policies", [
    {"id": "PEPCHK1", "type": "escalation_policy", "summary": "Checkout", "on_call_handoff_notifications": "if_has_services",
     "self": f"{API}/escalation_policies/PEPCHK1", "html_url": f"{WEB}/escalation_policies/PEPCHK1", "name": "Checkout",
     "description": "Primary, then the manager", "num_loops": 2,
     "escalation_rules": [
         {"id": "PRUL001", "escalation_delay_in_minutes": 10, "targets": [sched_ref("PSCHED1", "Checkout Primary")]},
         {"id": "PRUL002", "escalation_delay_in_minutes": 15, "targets": [U["PD4VE0K"]]},
         {"id": "PRUL003", "escalation_delay_in_minutes": 30, "targets": [user_ref("PXGONE1", "Former Employee")]}],
     "services": [ref("service", "PSVCCHK", "Checkout API", "services")], "teams": [CHECKOUT]},
    {"id": "PEPPLT1", "type": "escalation_policy", "summary": "Platform", "on_call_handoff_notifications": "always",
     "self": f"{API}/escalation_policies/PEPPLT1", "html_url": f"{WEB}/escalation_policies/PEPPLT1", "name": "Platform",
     "description": "Whoever is on call, then Erin and Dave", "num_loops": 0,
     "escalation_rules": [
         {"id": "PRUL011", "escalation_delay_in_minutes": 5, "targets": [sched_ref("PSCHED2", "Platform")]},
         {"id": "PRUL012", "escalation_delay_in_minutes": 20, "targets": [U["PER1N1Y"], U["PD4VE0K"]],
          "escalation_rule_assignment_strategy": "round_robin"}],
     "services": [ref("service", "PSVCPLT", "Platform Jobs", "services")], "teams": [PLATFORM]},
]))

write("services.json", page("services", [
    {"id": "PSVCCHK", "summary": "Checkout API", "type": "service", "self": f"{API}/services/PSVCCHK",
     "html_url": f"{WEB}/service-directory/PSVCCHK", "name": "Checkout API", "description": "Checkout API and its load balancer",
     "auto_resolve_timeout": 14400, "acknowledgement_timeout": 1800, "created_at": "2025-11-06T11:12:51-05:00",
     "status": "active", "alert_creation": "create_alerts_and_incidents",
     "alert_grouping_parameters": {"type": "time", "config": {"timeout": 10}},
     "integrations": [ref("aws_cloudwatch_inbound_integration", "PCWINT1", "Amazon CloudWatch", "services/PSVCCHK/integrations")],
     "escalation_policy": ep_ref("PEPCHK1", "Checkout"), "teams": [CHECKOUT],
     "incident_urgency_rule": {"type": "constant", "urgency": "high"}},
    {"id": "PSVCPLT", "summary": "Platform Jobs", "type": "service", "self": f"{API}/services/PSVCPLT",
     "html_url": f"{WEB}/service-directory/PSVCPLT", "name": "Platform Jobs", "description": "Batch jobs and queues",
     "auto_resolve_timeout": None, "acknowledgement_timeout": None, "created_at": "2025-11-06T11:12:51-05:00",
     "status": "active", "alert_creation": "create_alerts_and_incidents",
     "alert_grouping_parameters": {"type": "intelligent"},
     "integrations": [ref("events_api_v2_inbound_integration", "PEVINT1", "Events API v2", "services/PSVCPLT/integrations")],
     "escalation_policy": ep_ref("PEPPLT1", "Platform"), "teams": [PLATFORM],
     "incident_urgency_rule": {"type": "use_support_hours",
                               "during_support_hours": {"type": "constant", "urgency": "high"},
                               "outside_support_hours": {"type": "constant", "urgency": "low"}},
     "support_hours": {"type": "fixed_time_per_day", "time_zone": "Asia/Kolkata", "start_time": "09:00:00",
                       "end_time": "17:00:00", "days_of_week": [1, 2, 3, 4, 5]}},
]))
print(len(entries1), len(entries2))
