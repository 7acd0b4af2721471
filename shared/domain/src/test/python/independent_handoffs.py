#!/usr/bin/env python3
"""An independent computation of a year of rotation hand-offs, for HandoffYearTest.

It shares no code and no time-zone data with Firebell: Python's zoneinfo reads the operating system's
tz database, and each hand-off is found by scanning UTC minute by minute for the first instant at which
the local clock shows the named time or later -- the definition in docs/oncall.md, applied literally.
Shifts of no length (a named time inside a skipped hour) are left out: nobody is on call during them.

    python3 shared/domain/src/test/python/independent_handoffs.py \
        > shared/domain/src/test/resources/oncall/handoffs-2026.csv
"""
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

# id, zone, participants, shift (hours), first hand-off (local)
ROTATIONS = [
    ("ny-daily-0230", "America/New_York", ["ana", "ben", "cho"], 24, "2026-01-01T02:30"),
    ("ny-12h-0130", "America/New_York", ["ana", "ben"], 12, "2026-01-01T01:30"),
    ("london-weekly-sun-0130", "Europe/London", ["dev", "eli", "fay", "gus"], 168, "2026-01-04T01:30"),
    ("lordhowe-daily-0215", "Australia/Lord_Howe", ["hal", "ivy"], 24, "2026-01-01T02:15"),
    ("lordhowe-daily-0145", "Australia/Lord_Howe", ["hal", "ivy", "jon"], 24, "2026-01-01T01:45"),
    ("kolkata-daily-0900", "Asia/Kolkata", ["kai", "lea", "max"], 24, "2026-01-01T09:00"),
    ("stjohns-daily-0200", "America/St_Johns", ["ned", "oli"], 24, "2026-01-01T02:00"),
    ("chatham-8h-0245", "Pacific/Chatham", ["pia", "quo", "ray"], 8, "2026-01-01T02:45"),
    ("paris-weekly-mon-0900", "Europe/Paris", ["sam", "tia", "uma"], 168, "2026-01-05T09:00"),
    ("sydney-3d-0230", "Australia/Sydney", ["vic", "wes"], 72, "2026-01-02T02:30"),
]
END = datetime(2027, 1, 1, tzinfo=timezone.utc)


def first_instant_showing(local, zone):
    """The first UTC minute at which the clock in `zone` shows `local` or later."""
    guess = local.replace(tzinfo=zone, fold=0).astimezone(timezone.utc)
    t = guess - timedelta(hours=3)
    assert t.astimezone(zone).replace(tzinfo=None) < local, (local, zone)
    while t.astimezone(zone).replace(tzinfo=None) < local:
        t += timedelta(minutes=1)
    return t


def main():
    print("rotation,start_utc,person")
    for rid, zone_name, people, hours, first in ROTATIONS:
        zone = ZoneInfo(zone_name)
        base = datetime.fromisoformat(first)
        k = 0
        start = first_instant_showing(base, zone)
        while start < END:
            nxt = first_instant_showing(base + timedelta(hours=hours * (k + 1)), zone)
            if nxt > start:
                print(f"{rid},{start.strftime('%Y-%m-%dT%H:%M:%SZ')},{people[k % len(people)]}")
            k += 1
            start = nxt


if __name__ == "__main__":
    main()
