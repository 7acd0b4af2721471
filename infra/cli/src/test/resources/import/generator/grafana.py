import json, os, sys
from datetime import datetime, timedelta, timezone
sys.path.insert(0, os.path.dirname(__file__))
from oracle import Rotation, restricted, timeline, UTC, instant

OUT = sys.argv[1]
os.makedirs(OUT, exist_ok=True)
API = "https://oncall-prod-eu-west-0.grafana.net/oncall"

def page(results):
    return {"count": len(results), "next": None, "previous": None, "results": results,
            "current_page_number": 1, "page_size": 50, "total_pages": 1}

def write(name, obj):
    with open(os.path.join(OUT, name), "w") as f:
        json.dump(obj, f, indent=2)
        f.write("\n")

U = {"alex": "U4DNY931HHJS5", "bea": "UC2CHRT5SD34X", "chen": "U7S8H84ARFTGN", "dana": "UK2V7QK3LB8CN", "emil": "UBWX6N6KJ2PDG"}
T1, T2 = "TI73TDU19W48J", "TQ1AZ8BRV6YKE"
users = [
 {"id": U["alex"], "grafana_id": 11, "email": "alex.moreau@example.com", "slack": [{"user_id": "UALEXSLACK1", "team_id": "TACMESLACK"}],
  "username": "alex", "role": "admin", "timezone": "Europe/London", "teams": [T1]},
 {"id": U["bea"], "grafana_id": 12, "email": "bea.schmidt@example.com", "slack": [], "username": "bea", "role": "user",
  "timezone": "Europe/Berlin", "teams": [T1]},
 {"id": U["chen"], "grafana_id": 13, "email": "chen.li@example.com", "slack": [{"user_id": "UCHENSLACK1", "team_id": "TACMESLACK"}],
  "username": "chen", "role": "user", "timezone": "Australia/Sydney", "teams": [T1, T2]},
 {"id": U["dana"], "grafana_id": 14, "email": "dana.white@example.com", "slack": [], "username": "dana", "role": "user",
  "timezone": "Europe/London", "teams": [T2]},
 {"id": U["emil"], "grafana_id": 15, "email": "emil.novak@example.com", "slack": [], "username": "emil", "role": "user",
  "timezone": "Europe/Prague", "teams": [T2]},
]
write("users.json", page(users))
write("teams.json", page([
 {"id": T1, "grafana_id": 21, "name": "Platform", "email": "", "avatar_url": "/avatar/3f49c15916554246daa714b9bd0ee398"},
 {"id": T2, "grafana_id": 22, "name": "Data", "email": "data@example.com", "avatar_url": "/avatar/0d7c5c1e2e2a3b4c5d6e7f8091a2b3c4"}]))
write("personal_notification_rules.json", page([
 {"id": "NT79GA9I7E4DJ", "user_id": U["alex"], "position": 0, "important": False, "type": "notify_by_slack"},
 {"id": "ND9EHN5LN1DUU", "user_id": U["alex"], "position": 1, "duration": 300, "important": False, "type": "wait"},
 {"id": "NQ4DDP2R6UAXK", "user_id": U["alex"], "position": 2, "important": False, "type": "notify_by_phone_call"},
 {"id": "NB2S9X8GQ0CPA", "user_id": U["alex"], "position": 3, "important": False, "type": "notify_by_email"}]))

S1, S2 = "SBM7DV7BKFUYU", "S3Z477AHDXTMF"
LON, SYD = "Europe/London", "Australia/Sydney"
shifts = [
 {"id": "OWEEKLY0001AA", "schedule": S1, "team_id": T1, "name": "Weekly", "type": "rolling_users", "time_zone": LON,
  "level": 0, "start": "2026-03-02T09:00:00", "rotation_start": "2026-03-02T09:00:00", "duration": 604800,
  "frequency": "weekly", "interval": 1, "until": None, "week_start": "MO", "by_day": None, "by_month": None,
  "by_monthday": None, "rolling_users": [[U["alex"]], [U["bea"]], [U["chen"]]], "start_rotation_from_user_index": 0},
 {"id": "OBUSINESS01BB", "schedule": S1, "team_id": T1, "name": "Business hours", "type": "rolling_users", "time_zone": LON,
  "level": 1, "start": "2026-03-02T09:00:00", "rotation_start": "2026-03-02T09:00:00", "duration": 28800,
  "frequency": "weekly", "interval": 1, "until": None, "week_start": "MO", "by_day": ["MO", "TU", "WE", "TH", "FR"],
  "by_month": None, "by_monthday": None, "rolling_users": [[U["dana"]], [U["emil"]]], "start_rotation_from_user_index": 1},
 {"id": "OSATURDAY1CC", "schedule": S1, "team_id": T1, "name": "Saturday check", "type": "recurrent_event", "time_zone": LON,
  "level": 2, "start": "2026-03-07T10:00:00", "rotation_start": "2026-03-07T10:00:00", "duration": 7200,
  "frequency": "weekly", "interval": 1, "until": None, "week_start": "SU", "by_day": ["SA"], "by_month": None,
  "by_monthday": None, "users": [U["alex"]]},
 {"id": "OOVERRIDE1DD", "schedule": S1, "team_id": T1, "name": "Bea covers Tuesday evening", "type": "override",
  "time_zone": LON, "start": "2026-03-31T18:00:00", "rotation_start": "2026-03-31T18:00:00", "duration": 10800,
  "users": [U["bea"]]},
 {"id": "OTWODAYS01EE", "schedule": S2, "team_id": T2, "name": "Two days", "type": "rolling_users", "time_zone": SYD,
  "level": 0, "start": "2026-03-01T08:00:00", "rotation_start": "2026-03-01T08:00:00", "duration": 172800,
  "frequency": "daily", "interval": 2, "until": None, "week_start": "SU", "by_day": None, "by_month": None,
  "by_monthday": None, "rolling_users": [[U["chen"]], [U["dana"]]], "start_rotation_from_user_index": 0},
]
write("on_call_shifts.json", page(shifts))
write("schedules.json", page([
 {"id": S1, "team_id": T1, "name": "Platform primary", "type": "web", "time_zone": LON, "on_call_now": [U["dana"]],
  "shifts": ["OWEEKLY0001AA", "OBUSINESS01BB", "OSATURDAY1CC", "OOVERRIDE1DD"], "slack": {"channel_id": "C0PLATFORM", "user_group_id": None}},
 {"id": S2, "team_id": T2, "name": "Data pipelines", "type": "calendar", "time_zone": SYD, "on_call_now": [U["chen"]],
  "shifts": ["OTWODAYS01EE"], "ical_url_overrides": None, "slack": {"channel_id": None, "user_group_id": None}},
]))

W0 = datetime(2026, 3, 23, 0, 0, tzinfo=UTC)
W1 = datetime(2026, 4, 6, 0, 0, tzinfo=UTC)
weekly = Rotation([U["alex"], U["bea"], U["chen"]], LON, datetime(2026, 3, 2, 9, 0), days=7)
business = Rotation([U["emil"], U["dana"]], LON, datetime(2026, 3, 2, 9, 0), days=7)
saturday = Rotation([U["alex"]], LON, datetime(2026, 3, 7, 10, 0), days=7)
bea_override = [(U["bea"], instant(datetime(2026, 3, 31, 18, 0), LON), instant(datetime(2026, 3, 31, 21, 0), LON))]
final1 = timeline([(saturday, restricted([(5, 600, 120)], LON)),
                   (business, restricted([(d, 540, 480) for d in range(5)], LON)),
                   (weekly, None)], bea_override, W0 - timedelta(days=2), W1 + timedelta(days=2))
twodays = Rotation([U["chen"], U["dana"]], SYD, datetime(2026, 3, 1, 8, 0), days=2)
final2 = timeline([(twodays, None)], [], W0 - timedelta(days=3), W1 + timedelta(days=3))

name = {v: k for k, v in U.items()}
mail = {u["id"]: u["email"] for u in users}
def final(segments):
    # Grafana lists the shifts that overlap the requested dates, whole.
    out = []
    for (u, s, e) in segments:
        if e > W0 and s < W1:
            out.append({"user_pk": u, "user_email": mail[u], "user_username": name[u],
                        "shift_start": s.strftime("%Y-%m-%dT%H:%M:%SZ"), "shift_end": e.strftime("%Y-%m-%dT%H:%M:%SZ")})
    return page(out)
write(f"final-shifts-{S1}.json", final(final1[1:-1]))
write(f"final-shifts-{S2}.json", final(final2[1:-1]))

C1, C2 = "F5JU6KJET33FE", "FWDL7M6N6I9HE"
write("escalation_chains.json", page([{"id": C1, "name": "platform-default", "team_id": T1},
                                      {"id": C2, "name": "data-pipelines", "team_id": T2}]))
def step(id, chain, pos, type, **kw):
    d = {"id": id, "escalation_chain_id": chain, "position": pos, "type": type}
    d.update(kw)
    return d
write("escalation_policies.json", page([
 step("E3GA6SJETWWJS", C1, 0, "notify_on_call_from_schedule", important=False, notify_on_call_from_schedule=S1),
 step("E5JJTU52M5YM4", C1, 1, "wait", duration=300),
 step("E2ZWCH7N4X1KD", C1, 2, "notify_persons", important=False, persons_to_notify=[U["chen"]]),
 step("E7QB4K1UXW2RP", C1, 3, "notify_team_members", important=False, team_to_notify=T1),
 step("E9RN2C3VHY5TG", C1, 4, "wait", duration=900),
 step("E1KD8M4WQZ7LS", C1, 5, "trigger_webhook", action_to_trigger="WHAAAMZ6BZ9UM"),
 step("E4PX6T2RNC8VB", C1, 6, "repeat_escalation"),
 step("E8HF3Z5YKD1QW", C2, 0, "wait", duration=60),
 step("E6CV9B2NMX4JA", C2, 1, "notify_on_call_from_schedule", important=True, notify_on_call_from_schedule=S2),
 step("E0TY7U1IOP3AS", C2, 2, "wait", duration=600),
 step("E3DF5G7HJK9LZ", C2, 3, "notify_person_next_each_time", persons_to_notify_next_each_time=[U["dana"], U["emil"]]),
]))
write("integrations.json", page([
 {"id": "CFRPV98RPR1U8", "name": "Grafana Alerting", "team_id": T1,
  "link": API + "/integrations/v1/grafana_alerting/mReAoNwDm0eMwKo1mTeTwYo/", "inbound_email": None, "type": "grafana_alerting",
  "default_route": {"id": "RVBE4RKQSCGJ2", "escalation_chain_id": C1, "slack": {"channel_id": "C0PLATFORM"}},
  "templates": {"grouping_key": None, "resolve_signal": None, "acknowledge_signal": None, "source_link": None}},
 {"id": "CJ8U7VXRQ2ZE4", "name": "Amazon SNS", "team_id": T2,
  "link": API + "/integrations/v1/amazon_sns/nBfTpQv3kX8yWz1aC5dE7gH9j/", "inbound_email": None, "type": "amazon_sns",
  "default_route": {"id": "RQ6NQ2Z8B4HW1", "escalation_chain_id": C2, "slack": {"channel_id": None}},
  "templates": {"grouping_key": None, "resolve_signal": None, "acknowledge_signal": None, "source_link": None}},
]))
write("routes.json", page([
 {"id": "RIYGUJXCPFHXY", "integration_id": "CFRPV98RPR1U8", "escalation_chain_id": C2, "routing_type": "regex",
  "routing_regex": "team=\"data\"", "position": 0, "is_the_last_route": False, "slack": {"channel_id": None}},
 {"id": "RVBE4RKQSCGJ2", "integration_id": "CFRPV98RPR1U8", "escalation_chain_id": C1, "routing_type": "regex",
  "routing_regex": None, "position": 1, "is_the_last_route": True, "slack": {"channel_id": "C0PLATFORM"}},
]))
print(len(final1), len(final2))
