"""An independent model of layered on-call schedules, for building the fixtures' "source computed" shifts.
Wall-clock rotations, first listed layer wins, restrictions read on the schedule's clock; a time that does
not exist happens at the jump, one that occurs twice at its first occurrence (checked minute by minute)."""
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

UTC = timezone.utc

def instant(local, zone):
    """First instant whose local wall clock shows `local` (or a later time, for a skipped one)."""
    z = ZoneInfo(zone)
    # scan a window of minutes around the naive guess
    guess = local.replace(tzinfo=UTC) - timedelta(hours=15)
    t = guess
    end = local.replace(tzinfo=UTC) + timedelta(hours=15)
    while t <= end:
        if t.astimezone(z).replace(tzinfo=None) >= local:
            return t
        t += timedelta(minutes=1)
    raise ValueError(local)

class Rotation:
    def __init__(self, users, zone, first_local, days=None, hours=None):
        self.users, self.zone, self.first, self.days, self.hours = users, zone, first_local, days, hours
    def handoff(self, k):
        step = timedelta(days=self.days * k) if self.days else timedelta(hours=self.hours * k)
        return instant(self.first + step, self.zone)
    def at(self, t):
        if t < self.handoff(0):
            return None
        lo, hi = 0, 1
        while self.handoff(hi) <= t:
            hi *= 2
        while hi - lo > 1:
            mid = (lo + hi) // 2
            if self.handoff(mid) <= t:
                lo = mid
            else:
                hi = mid
        return self.users[lo % len(self.users)]

def restricted(windows, zone):
    """windows: list of (weekday 0=Mon, from_minute, length_minutes) read on the zone's clock."""
    z = ZoneInfo(zone)
    def applies(t):
        local = t.astimezone(z).replace(tzinfo=None)
        for (day, start, length) in windows:
            for back in range(0, 15):
                d = (local - timedelta(days=back)).date()
                if d.weekday() != day:
                    continue
                opens = datetime(d.year, d.month, d.day) + timedelta(minutes=start)
                closes = opens + timedelta(minutes=length)
                if opens <= local < closes:
                    return True
        return False
    return applies

def timeline(layers, overrides, since, until, step=timedelta(minutes=15)):
    """layers: [(rotation, applies or None)] first wins; overrides: [(user, start, end)] later wins.
    Returns merged [(user, start, end)] sampled every `step` (every change in the fixtures is on a quarter hour)."""
    out = []
    t = since
    while t < until:
        who = None
        for (user, s, e) in overrides:
            if s <= t < e:
                who = user
        if who is None:
            for (rot, applies) in layers:
                if applies is None or applies(t):
                    who = rot.at(t)
                    if who is not None:
                        break
        if out and out[-1][0] == who and out[-1][2] == t:
            out[-1] = (who, out[-1][1], t + step)
        else:
            out.append((who, t, t + step))
        t += step
    return [x for x in out if x[0] is not None]
